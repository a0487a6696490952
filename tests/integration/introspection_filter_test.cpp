// bus::IntrospectionFilter on a private dbus-daemon (no root): objects exported after the filter
// was installed, as the per-item /config/<kind>/N objects are, are answered in firewalld's form
// too, with the children sd-bus has at that moment. The objects carry the generated glue (with
// do-nothing members, dbus/glue_stubs.cmake), as fwctld's do.
#include "bus/introspection_filter.hpp"

#include <gtest/gtest.h>
#include <sdbus-c++/sdbus-c++.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "glue_stubs.hpp"

namespace {

namespace fs = std::filesystem;
constexpr const char* kBusName = "org.fedoraproject.FirewallD1";
constexpr const char* kRoot = "/org/fedoraproject/FirewallD1";
const std::string kPlain =
    "<!DOCTYPE node PUBLIC \"-//freedesktop//DTD D-BUS Object Introspection 1.0//EN\"\n"
    "\"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd\">\n";

std::string reference(const std::string& name) {
  std::ifstream in(fs::path(FWCTL_REFERENCE_DIR) / name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// dbus-daemon on a socket in a temporary directory, everything allowed.
class PrivateBus {
 public:
  PrivateBus() {
    std::string tmpl = (fs::temp_directory_path() / "fwctl-intro-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    std::ofstream(dir_ / "bus.conf")
        << "<busconfig><listen>unix:path=" << (dir_ / "socket").string() << "</listen>"
        << "<auth>EXTERNAL</auth><policy context=\"default\"><allow own=\"*\"/>"
        << "<allow send_destination=\"*\"/><allow receive_sender=\"*\"/></policy></busconfig>\n";
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::string config = "--config-file=" + (dir_ / "bus.conf").string();
    std::string print = "--print-address=" + std::to_string(fds[1]);
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);  // no daemon left behind should the test crash
      close(fds[0]);
      execl(FWCTL_DBUS_DAEMON, "dbus-daemon", config.c_str(), "--nofork", print.c_str(), nullptr);
      _exit(127);
    }
    close(fds[1]);
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') address_ += c;
    close(fds[0]);
  }
  ~PrivateBus() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  const std::string& address() const { return address_; }

 private:
  fs::path dir_;
  pid_t pid_ = -1;
  std::string address_;
};

std::shared_ptr<void> glue(sdbus::IObject& object, const std::string& itf) {
  for (const auto& stub : fwctl_glue_test::kGlueStubs)
    if (itf == stub.interface) return stub.make_adaptor(object);
  throw std::out_of_range(itf);
}

TEST(IntrospectionFilter, AnswersFirewalldsTextForObjectsExportedBeforeAndAfterIt) {
  PrivateBus bus;
  ASSERT_FALSE(bus.address().empty()) << "dbus-daemon did not start";
  auto server = sdbus::createSessionBusConnectionWithAddress(bus.address());
  std::vector<std::unique_ptr<sdbus::IObject>> objects;
  std::vector<std::shared_ptr<void>> adaptors;
  auto exported = [&](const std::string& path, std::vector<std::string> itfs) -> sdbus::IObject& {
    objects.push_back(sdbus::createObject(*server, path));
    for (const auto& itf : itfs) adaptors.push_back(glue(*objects.back(), itf));
    objects.back()->finishRegistration();
    return *objects.back();
  };
  std::string main = "org.fedoraproject.FirewallD1";
  auto& root = exported(kRoot, {main, main + ".zone", main + ".policy", main + ".ipset",
                                main + ".direct", main + ".policies"});
  fwctl::bus::IntrospectionFilter filter(root);
  // After the filter: /config and three zones, out of order.
  exported(std::string(kRoot) + "/config",
           {main + ".config", main + ".config.direct", main + ".config.policies"});
  for (const char* n : {"2", "10", "0"})
    exported(std::string(kRoot) + "/config/zone/" + n, {main + ".config.zone"});
  server->requestName(kBusName);
  std::thread loop([&] { server->enterEventLoop(); });
  struct Stop {  // even when an assertion returns early
    sdbus::IConnection& server;
    std::thread& loop;
    ~Stop() {
      server.leaveEventLoop();
      loop.join();
    }
  } stop{*server, loop};

  auto client = sdbus::createSessionBusConnectionWithAddress(bus.address());
  auto introspect = [&](const std::string& path) {
    std::string xml;
    try {
      sdbus::createProxy(*client, kBusName, path)
          ->callMethod("Introspect")
          .onInterface("org.freedesktop.DBus.Introspectable")
          .storeResultsTo(xml);
    } catch (const sdbus::Error& e) {
      xml = std::string("error: ") + e.what();
    }
    return xml;
  };
  EXPECT_EQ(introspect(kRoot), reference("introspect-root.xml"));
  std::string zone = reference("introspect-root_config_zone_0.xml");
  zone.replace(zone.find("/zone/0\""), 8, "/zone/10\"");
  EXPECT_EQ(introspect(std::string(kRoot) + "/config/zone/10"), zone);
  std::string config = introspect(std::string(kRoot) + "/config");
  std::string config_ref = reference("introspect-root_config.xml");
  // The same but for the children: this tree has zones only.
  EXPECT_EQ(config, config_ref.substr(0, config_ref.find("  <node name=")) +
                        "  <node name=\"zone\"/>\n</node>");
  EXPECT_EQ(introspect(std::string(kRoot) + "/config/zone"),
            kPlain +
                "<node>\n  <node name=\"0\"/>\n  <node name=\"10\"/>\n"
                "  <node name=\"2\"/>\n</node>\n");
  EXPECT_EQ(introspect("/"), kPlain + "<node>\n  <node name=\"org\"/>\n</node>\n");
  EXPECT_EQ(introspect(std::string(kRoot) + "/config/zone/3"), kPlain + "<node>\n</node>\n");
}

}  // namespace
