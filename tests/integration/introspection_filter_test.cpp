// bus::IntrospectionFilter on a private dbus-daemon (no root): objects exported after the filter
// was installed, as the per-item /config/<kind>/N objects are, are answered in firewalld's form
// too, with the children sd-bus has at that moment. The objects carry the generated glue (with
// do-nothing members, dbus/glue_stubs.cmake), as fwctld's do.
#include "bus/introspection_filter.hpp"

#include <gtest/gtest.h>
#include <sdbus-c++/sdbus-c++.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "glue_stubs.hpp"
#include "private_bus.hpp"

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

std::shared_ptr<void> glue(sdbus::IObject& object, const std::string& itf) {
  for (const auto& stub : fwctl_glue_test::kGlueStubs)
    if (itf == stub.interface) return stub.make_adaptor(object);
  throw std::out_of_range(itf);
}

TEST(IntrospectionFilter, AnswersFirewalldsTextForObjectsExportedBeforeAndAfterIt) {
  fwctl::testing::PrivateBus bus("fwctl-intro");
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
