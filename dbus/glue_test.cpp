// Proves that fwctl's D-Bus IDL (dbus/*.xml) and the glue sdbus-c++-xml2cpp makes from it expose
// exactly firewalld 1.3.3's API: every interface, method, signal and property, with argument names,
// signatures, directions, property access and Deprecated annotations, compared with what
// firewalld's daemon answers to Introspect (tests/data/firewalld-1.3.3-introspection/).
//
// Each interface is reduced to a sorted list of lines such as
//   method addPort(in s zone, in s port, in s protocol, in i timeout, out s)
//   signal PortAdded(s zone, s port, s protocol, i timeout)
//   property read s version
// so that a difference shows up as a readable diff. Member order is not part of a D-Bus API.
//
// One difference is expected and pinned: sd-bus takes argument names for a method all or none, so
// the glue names every output of a method "arg0", "arg1", ... (xml2cpp's names) where firewalld
// leaves them unnamed; see dbus/xml2cpp.cmake. firewalld_as_sdbus() applies exactly that to
// firewalld's side. The names stay inside sd-bus: fwctld answers Introspect with firewalld's own
// text (daemon/bus/introspection_filter.hpp; byte for byte in daemon/bus/introspection_test.cpp,
// on the running daemon in tests/integration/introspection.sh).
#include <gtest/gtest.h>
#include <sdbus-c++/sdbus-c++.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "glue_stubs.hpp"
#include "private_bus.hpp"

namespace fwctl_glue_test {
namespace {

using fwctl::testing::PrivateBus;

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

constexpr const char* kBusName = "org.fedoraproject.FirewallD1";

// firewalld's object tree: which interfaces each kind of object carries.
const std::vector<std::pair<std::string, std::vector<std::string>>> kObjects = {
    {"/org/fedoraproject/FirewallD1",
     {"org.fedoraproject.FirewallD1", "org.fedoraproject.FirewallD1.zone",
      "org.fedoraproject.FirewallD1.policy", "org.fedoraproject.FirewallD1.ipset",
      "org.fedoraproject.FirewallD1.direct", "org.fedoraproject.FirewallD1.policies"}},
    {"/org/fedoraproject/FirewallD1/config",
     {"org.fedoraproject.FirewallD1.config", "org.fedoraproject.FirewallD1.config.direct",
      "org.fedoraproject.FirewallD1.config.policies"}},
    {"/org/fedoraproject/FirewallD1/config/zone/0", {"org.fedoraproject.FirewallD1.config.zone"}},
    {"/org/fedoraproject/FirewallD1/config/policy/0",
     {"org.fedoraproject.FirewallD1.config.policy"}},
    {"/org/fedoraproject/FirewallD1/config/service/0",
     {"org.fedoraproject.FirewallD1.config.service"}},
    {"/org/fedoraproject/FirewallD1/config/ipset/0", {"org.fedoraproject.FirewallD1.config.ipset"}},
    {"/org/fedoraproject/FirewallD1/config/icmptype/0",
     {"org.fedoraproject.FirewallD1.config.icmptype"}},
    {"/org/fedoraproject/FirewallD1/config/helper/0",
     {"org.fedoraproject.FirewallD1.config.helper"}},
};

// --- canonical form --------------------------------------------------------------------------

// Splits a D-Bus signature into its complete types: "sa{sv}(ss)" -> "s", "a{sv}", "(ss)".
std::vector<std::string> split_signature(std::string_view sig) {
  std::vector<std::string> types;
  size_t i = 0;
  while (i < sig.size()) {
    size_t end = i;
    while (end < sig.size() && sig[end] == 'a') ++end;
    if (end < sig.size() && (sig[end] == '(' || sig[end] == '{')) {
      int depth = 0;
      do {
        if (sig[end] == '(' || sig[end] == '{') ++depth;
        if (sig[end] == ')' || sig[end] == '}') --depth;
        ++end;
      } while (depth > 0 && end < sig.size());
    } else {
      ++end;
    }
    types.emplace_back(sig.substr(i, end - i));
    i = end;
  }
  return types;
}

// "in s zone, in i timeout" from a signature and its names; names may be fewer than types.
std::string format_args(const std::string& sig, const std::vector<std::string>& names,
                        const std::string& direction) {
  std::string out;
  auto types = split_signature(sig);
  for (size_t i = 0; i < types.size(); ++i) {
    if (!out.empty()) out += ", ";
    if (!direction.empty()) out += direction + " ";
    out += types[i];
    if (i < names.size() && !names[i].empty()) out += " " + names[i];
  }
  return out;
}

std::string sorted_text(Lines lines) {
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

// Annotations other than Deprecated=true are spelled out so that any stray one shows in a diff.
std::string annotations_of(const pugi::xml_node& member) {
  std::string out;
  for (auto a : member.children("annotation")) {
    std::string name = a.attribute("name").value(), value = a.attribute("value").value();
    out += name == "org.freedesktop.DBus.Deprecated" && value == "true" ? " deprecated"
                                                                        : " @" + name + "=" + value;
  }
  return out;
}

enum class Names { Exact, AsSdbus };

std::string canonical_xml(const pugi::xml_node& itf, Names names) {
  Lines lines;
  for (auto member : itf.children()) {
    std::string kind = member.name(), name = member.attribute("name").value();
    if (kind == "property") {
      lines.push_back("property " + std::string(member.attribute("access").value()) + " " +
                      member.attribute("type").value() + " " + name + annotations_of(member));
      continue;
    }
    if (kind != "method" && kind != "signal") {
      if (kind != "annotation") lines.push_back("unexpected <" + kind + ">");
      continue;
    }
    std::string args;
    int outputs = 0;
    for (auto arg : member.children("arg")) {
      if (!args.empty()) args += ", ";
      std::string direction = arg.attribute("direction").as_string("in");
      if (kind == "method") args += direction + " ";
      args += arg.attribute("type").value();
      if (!arg.attribute("name").empty()) {
        args += std::string(" ") + arg.attribute("name").value();
      } else if (kind == "method" && direction == "out" && names == Names::AsSdbus) {
        args += " arg" + std::to_string(outputs);
      }
      if (direction == "out") ++outputs;
    }
    lines.push_back(kind + " " + name + "(" + args + ")" + annotations_of(member));
  }
  return sorted_text(lines);
}

// Interface name -> canonical text, from every introspection file in a directory (or one string).
std::map<std::string, std::string> interfaces_in(const pugi::xml_document& doc,
                                                 Names names = Names::Exact) {
  std::map<std::string, std::string> out;
  for (auto itf : doc.child("node").children("interface")) {
    std::string name = itf.attribute("name").value();
    if (name.rfind("org.freedesktop.DBus.", 0) != 0) out[name] = canonical_xml(itf, names);
  }
  return out;
}

std::map<std::string, std::string> interfaces_in_dir(const fs::path& dir, Names names) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".xml") continue;
    pugi::xml_document doc;
    auto parsed = doc.load_file(entry.path().c_str());
    if (!parsed) throw std::runtime_error(entry.path().string() + ": " + parsed.description());
    for (auto& [name, text] : interfaces_in(doc, names)) out.emplace(name, text);
  }
  return out;
}

// firewalld's interfaces as its daemon introspects them.
const std::map<std::string, std::string>& firewalld() {
  static const auto reference = interfaces_in_dir(FWCTL_REFERENCE_DIR, Names::Exact);
  return reference;
}

// The same with the one naming difference sd-bus forces (see the top of this file).
const std::map<std::string, std::string>& firewalld_as_sdbus() {
  static const auto reference = interfaces_in_dir(FWCTL_REFERENCE_DIR, Names::AsSdbus);
  return reference;
}

const GlueStub& stub_for(const std::string& itf) {
  for (const auto& stub : kGlueStubs)
    if (itf == stub.interface) return stub;
  throw std::out_of_range("no glue for " + itf);
}

// --- recording fakes: what the generated constructors register ---------------------------------

class RecordingObject final : public sdbus::IObject {
 public:
  std::map<std::string, Lines> members;  // interface -> canonical lines

  void registerMethod(const std::string& itf, std::string name, std::string in, std::string out,
                      sdbus::method_callback cb, sdbus::Flags flags) override {
    registerMethod(itf, std::move(name), std::move(in), {}, std::move(out), {}, std::move(cb),
                   flags);
  }
  void registerMethod(const std::string& itf, std::string name, std::string in,
                      const std::vector<std::string>& in_names, std::string out,
                      const std::vector<std::string>& out_names, sdbus::method_callback,
                      sdbus::Flags flags) override {
    std::string args = format_args(in, in_names, "in");
    std::string outs = format_args(out, out_names, "out");
    if (!args.empty() && !outs.empty()) args += ", ";
    members[itf].push_back("method " + name + "(" + args + outs + ")" + deprecated(flags));
  }
  void registerSignal(const std::string& itf, std::string name, std::string sig,
                      sdbus::Flags flags) override {
    registerSignal(itf, std::move(name), std::move(sig), {}, flags);
  }
  void registerSignal(const std::string& itf, std::string name, std::string sig,
                      const std::vector<std::string>& names, sdbus::Flags flags) override {
    members[itf].push_back("signal " + name + "(" + format_args(sig, names, "") + ")" +
                           deprecated(flags));
  }
  void registerProperty(const std::string& itf, std::string name, std::string sig,
                        sdbus::property_get_callback, sdbus::Flags flags) override {
    members[itf].push_back("property read " + sig + " " + name + deprecated(flags));
  }
  // The generated code always calls this overload; a read-only property has no setter.
  void registerProperty(const std::string& itf, std::string name, std::string sig,
                        sdbus::property_get_callback, sdbus::property_set_callback setter,
                        sdbus::Flags flags) override {
    members[itf].push_back(std::string("property ") + (setter ? "readwrite " : "read ") + sig +
                           " " + name + deprecated(flags));
  }
  void setInterfaceFlags(const std::string& itf, sdbus::Flags flags) override {
    members[itf].push_back("interface flags" + deprecated(flags));
  }

  void finishRegistration() override {}
  void unregister() override {}
  sdbus::Signal createSignal(const std::string&, const std::string&) override { unused(); }
  void emitSignal(const sdbus::Signal&) override { unused(); }
  void emitPropertiesChangedSignal(const std::string&, const std::vector<std::string>&) override {
    unused();
  }
  void emitPropertiesChangedSignal(const std::string&) override { unused(); }
  void emitInterfacesAddedSignal() override { unused(); }
  void emitInterfacesAddedSignal(const std::vector<std::string>&) override { unused(); }
  void emitInterfacesRemovedSignal() override { unused(); }
  void emitInterfacesRemovedSignal(const std::vector<std::string>&) override { unused(); }
  void addObjectManager() override { unused(); }
  void removeObjectManager() override { unused(); }
  bool hasObjectManager() const override { return false; }
  sdbus::IConnection& getConnection() const override { unused(); }
  const std::string& getObjectPath() const override { return path_; }
  const sdbus::Message* getCurrentlyProcessedMessage() const override { return nullptr; }

 private:
  static std::string deprecated(const sdbus::Flags& flags) {
    return flags.test(sdbus::Flags::DEPRECATED) ? " deprecated" : "";
  }
  [[noreturn]] static void unused() { throw std::logic_error("not expected from generated glue"); }
  std::string path_ = "/";
};

class RecordingProxy final : public sdbus::IProxy {
 public:
  std::map<std::string, Lines> signals;  // interface -> "signal Name"

  void registerSignalHandler(const std::string& itf, const std::string& name,
                             sdbus::signal_handler) override {
    signals[itf].push_back("signal " + name);
  }
  sdbus::MethodCall createMethodCall(const std::string&, const std::string&) override { unused(); }
  sdbus::MethodReply callMethod(const sdbus::MethodCall&, uint64_t) override { unused(); }
  sdbus::PendingAsyncCall callMethod(const sdbus::MethodCall&, sdbus::async_reply_handler,
                                     uint64_t) override {
    unused();
  }
  void unregisterSignalHandler(const std::string&, const std::string&) override {}
  void finishRegistration() override {}
  void unregister() override {}
  sdbus::IConnection& getConnection() const override { unused(); }
  const std::string& getObjectPath() const override { return path_; }
  const sdbus::Message* getCurrentlyProcessedMessage() const override { return nullptr; }

 private:
  [[noreturn]] static void unused() { throw std::logic_error("not expected from generated glue"); }
  std::string path_ = "/";
};

bool have_dbus_daemon() {
  return std::string_view(FWCTL_DBUS_DAEMON).size() > 0 && access(FWCTL_DBUS_DAEMON, X_OK) == 0;
}

// --- tests -------------------------------------------------------------------------------------

std::vector<std::string> all_interfaces() {
  std::vector<std::string> names;
  for (const auto& stub : kGlueStubs) names.emplace_back(stub.interface);
  return names;
}

TEST(GlueCoverage, EveryFirewalldInterfaceHasAnIdlFileGlueAndAnObject) {
  std::vector<std::string> reference, idl, placed;
  for (const auto& [name, text] : firewalld()) reference.push_back(name);
  for (const auto& entry : fs::directory_iterator(FWCTL_DBUS_IDL_DIR)) {
    std::string stem = entry.path().stem().string();
    // fwctl's own interfaces (org.fwctl.*, FWCTL_OWN_DBUS_INTERFACES) are not firewalld's.
    if (entry.path().extension() == ".xml" && stem.rfind("org.fwctl.", 0) != 0) idl.push_back(stem);
  }
  for (const auto& [path, itfs] : kObjects) placed.insert(placed.end(), itfs.begin(), itfs.end());
  auto glue = all_interfaces();
  for (auto* list : {&idl, &placed, &glue}) std::sort(list->begin(), list->end());
  EXPECT_EQ(reference.size(), 15u);
  EXPECT_EQ(idl, reference);
  EXPECT_EQ(glue, reference);
  EXPECT_EQ(placed, reference);
}

class PerInterface : public ::testing::TestWithParam<std::string> {};

TEST_P(PerInterface, IdlFileMatchesFirewalld) {
  pugi::xml_document doc;
  auto file = fs::path(FWCTL_DBUS_IDL_DIR) / (GetParam() + ".xml");
  ASSERT_TRUE(doc.load_file(file.c_str())) << file;
  auto ours = interfaces_in(doc);
  ASSERT_EQ(ours.size(), 1u) << file << " must hold exactly one interface";
  ASSERT_EQ(ours.begin()->first, GetParam());
  EXPECT_EQ(ours.begin()->second, firewalld().at(GetParam()));
}

TEST_P(PerInterface, GeneratedAdaptorRegistersFirewalldMembers) {
  RecordingObject object;
  stub_for(GetParam()).make_adaptor(object);
  ASSERT_EQ(object.members.size(), 1u);
  EXPECT_EQ(sorted_text(object.members[GetParam()]), firewalld_as_sdbus().at(GetParam()));
}

TEST_P(PerInterface, GeneratedProxySubscribesToEveryFirewalldSignal) {
  RecordingProxy proxy;
  stub_for(GetParam()).make_proxy(proxy);
  Lines expected;
  std::string text = firewalld().at(GetParam());
  for (size_t pos = 0, end; (end = text.find('\n', pos)) != std::string::npos; pos = end + 1) {
    if (text.compare(pos, 7, "signal ") == 0)
      expected.push_back(text.substr(pos, text.find('(', pos) - pos));
  }
  EXPECT_EQ(sorted_text(proxy.signals[GetParam()]), sorted_text(expected));
}

INSTANTIATE_TEST_SUITE_P(Firewalld, PerInterface, ::testing::ValuesIn(all_interfaces()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '.', '_');
                           return name;
                         });

// Exports the glue for firewalld's whole object tree on a private bus and compares what sd-bus
// itself answers to Introspect with what firewalld answers (fwctld replaces that answer with
// firewalld's text; this pins what sd-bus has registered underneath).
TEST(OnPrivateBus, IntrospectionOfTheGlueMatchesFirewalld) {
  // scripts/install-deps.sh --test installs dbus: a missing dbus-daemon is a broken setup.
  ASSERT_TRUE(have_dbus_daemon()) << "dbus-daemon is not installed";
  PrivateBus bus("fwctl-bus");  // everything allowed
  ASSERT_FALSE(bus.address().empty()) << "dbus-daemon did not start";

  auto server = sdbus::createSessionBusConnectionWithAddress(bus.address());
  server->requestName(kBusName);
  std::vector<std::unique_ptr<sdbus::IObject>> objects;
  std::vector<std::shared_ptr<void>> adaptors;
  for (const auto& [path, itfs] : kObjects) {
    objects.push_back(sdbus::createObject(*server, path));
    for (const auto& itf : itfs) adaptors.push_back(stub_for(itf).make_adaptor(*objects.back()));
    objects.back()->finishRegistration();
  }
  server->enterEventLoopAsync();

  auto client = sdbus::createSessionBusConnectionWithAddress(bus.address());
  for (const auto& [path, itfs] : kObjects) {
    SCOPED_TRACE(path);
    auto proxy = sdbus::createProxy(*client, kBusName, path);
    std::string xml;
    proxy->callMethod("Introspect")
        .onInterface("org.freedesktop.DBus.Introspectable")
        .storeResultsTo(xml);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
    auto introspected = interfaces_in(doc);
    EXPECT_EQ(introspected.size(), itfs.size()) << xml;
    for (const auto& itf : itfs) {
      SCOPED_TRACE(itf);
      ASSERT_TRUE(introspected.count(itf)) << xml;
      EXPECT_EQ(introspected[itf], firewalld_as_sdbus().at(itf));
    }
  }
  server->leaveEventLoop();
}

// dbus-daemon accepts dbus/org.fedoraproject.FirewallD1.conf inside a system-bus-like
// configuration (everything denied by default), and the file lets root, and only root, own the
// name.
TEST(OnPrivateBus, PolicyFileLoadsAndGivesTheNameToRootOnly) {
  // scripts/install-deps.sh --test installs dbus: a missing dbus-daemon is a broken setup.
  ASSERT_TRUE(have_dbus_daemon()) << "dbus-daemon is not installed";
  PrivateBus bus("fwctl-bus",
                 std::string("  <policy context=\"default\">\n") +
                     "    <allow user=\"*\"/>\n"
                     "    <deny own=\"*\"/>\n    <deny send_type=\"method_call\"/>\n"
                     "    <allow send_type=\"signal\"/>\n"
                     "    <allow send_requested_reply=\"true\" send_type=\"method_return\"/>\n"
                     "    <allow send_requested_reply=\"true\" send_type=\"error\"/>\n"
                     "    <allow receive_type=\"method_call\"/>\n"
                     "    <allow receive_type=\"method_return\"/>\n"
                     "    <allow receive_type=\"error\"/>\n    <allow receive_type=\"signal\"/>\n"
                     "    <allow send_destination=\"org.freedesktop.DBus\""
                     " send_interface=\"org.freedesktop.DBus\"/>\n  </policy>\n"
                     "  <include>" FWCTL_DBUS_IDL_DIR
                     "/org.fedoraproject.FirewallD1.conf</include>\n");
  ASSERT_FALSE(bus.address().empty()) << "dbus-daemon rejected the policy file";

  auto connection = sdbus::createSessionBusConnectionWithAddress(bus.address());
  if (geteuid() == 0) {
    EXPECT_NO_THROW(connection->requestName(kBusName));
    EXPECT_NO_THROW(connection->requestName(std::string(kBusName) + ".config"));
  } else {
    EXPECT_THROW(connection->requestName(kBusName), sdbus::Error);
  }
}

}  // namespace
}  // namespace fwctl_glue_test
