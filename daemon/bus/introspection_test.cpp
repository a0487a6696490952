// firewalld_introspection() against what firewalld 1.3.3 answers, byte for byte: for every kind of
// object (tests/data/firewalld-1.3.3-introspection/) and for plain nodes (libdbus's answer, as
// captured from firewalld for "/org" and for a path with no object).
#include "bus/introspection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>

namespace fwctl::bus {
namespace {

namespace fs = std::filesystem;

const fs::path kReference = fs::path(FWCTL_TEST_DATA) / "firewalld-1.3.3-introspection";

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The facts a reference answer states: its path, its own interfaces and its children. The
// interfaces are handed over reversed, so that the order of the answer cannot come from them.
struct Reference {
  std::string path;
  NodeFacts facts;
};
Reference facts_of(const std::string& xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str()));
  Reference ref{doc.child("node").attribute("name").value(), {}};
  for (auto itf : doc.child("node").children("interface")) {
    std::string name = itf.attribute("name").value();
    if (name.rfind("org.freedesktop.DBus.", 0) != 0) ref.facts.interfaces.push_back({name, ""});
  }
  std::reverse(ref.facts.interfaces.begin(), ref.facts.interfaces.end());
  for (auto node : doc.child("node").children("node"))
    ref.facts.children.emplace_back(node.attribute("name").value());
  return ref;
}

class EveryObjectKind : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryObjectKind, AnswerIsFirewalldsByteForByte) {
  std::string expected = read_file(kReference / GetParam());
  ASSERT_FALSE(expected.empty()) << GetParam();
  Reference ref = facts_of(expected);
  ASSERT_FALSE(ref.facts.interfaces.empty());
  EXPECT_EQ(firewalld_introspection(ref.path, ref.facts), expected);
}

INSTANTIATE_TEST_SUITE_P(Firewalld, EveryObjectKind,
                         ::testing::Values("introspect-root.xml", "introspect-root_config.xml",
                                           "introspect-root_config_zone_0.xml",
                                           "introspect-root_config_policy_0.xml",
                                           "introspect-root_config_service_0.xml",
                                           "introspect-root_config_ipset_0.xml",
                                           "introspect-root_config_icmptype_0.xml",
                                           "introspect-root_config_helper_0.xml"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param.substr(0, param.param.find('.'));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(PlainNode, IsLibdbusDefaultAnswer) {
  // firewalld 1.3.3 on "/org" and on "/org/fedoraproject/FirewallD1/nothere".
  EXPECT_EQ(firewalld_introspection("/org", {{}, {"fedoraproject"}}),
            "<!DOCTYPE node PUBLIC \"-//freedesktop//DTD D-BUS Object Introspection 1.0//EN\"\n"
            "\"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd\">\n"
            "<node>\n  <node name=\"fedoraproject\"/>\n</node>\n");
  EXPECT_EQ(firewalld_introspection("/org/fedoraproject/FirewallD1/nothere", {}),
            "<!DOCTYPE node PUBLIC \"-//freedesktop//DTD D-BUS Object Introspection 1.0//EN\"\n"
            "\"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd\">\n"
            "<node>\n</node>\n");
}

// The shape of sd-bus's (systemd 252) answer: its DOCTYPE, the standard interfaces, names on
// every argument, child nodes in hash order.
constexpr const char* kSdbusAnswer =
    R"xml(<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
 <interface name="org.freedesktop.DBus.Peer">
  <method name="Ping"/>
 </interface>
 <interface name="org.freedesktop.DBus.Introspectable">
  <method name="Introspect">
   <arg name="xml_data" type="s" direction="out"/>
  </method>
 </interface>
 <interface name="org.fedoraproject.FirewallD1.config.zone">
  <method name="getSettings">
   <arg type="(sssbsasa(ss)asba(ssss)asasasasa(ss)b)" name="arg0" direction="out"/>
  </method>
 </interface>
 <interface name="org.example.Extra">
  <method name="Do">
   <arg type="s" name="what" direction="in"/>
   <arg type="b" name="arg0" direction="out"/>
  </method>
  <property name="Level" type="i" access="read">
   <annotation name="org.freedesktop.DBus.Property.EmitsChangedSignal" value="true"/>
  </property>
 </interface>
 <node name="2"/>
 <node name="10"/>
 <node name="2"/>
 <node name="3/child"/>
</node>
)xml";

TEST(ReadSdbusIntrospection, TakesOwnInterfacesAndImmediateChildrenInStrcmpOrder) {
  auto facts = read_sdbus_introspection(kSdbusAnswer);
  ASSERT_TRUE(facts);
  ASSERT_EQ(facts->interfaces.size(), 2u);
  EXPECT_EQ(facts->interfaces[0].name, "org.fedoraproject.FirewallD1.config.zone");
  EXPECT_EQ(facts->interfaces[1].name, "org.example.Extra");
  EXPECT_EQ(facts->children, (std::vector<std::string>{"10", "2", "3"}));
}

TEST(ReadSdbusIntrospection, RefusesWhatIsNotANode) {
  EXPECT_FALSE(read_sdbus_introspection("not xml <"));
  EXPECT_FALSE(read_sdbus_introspection("<interface name=\"a.b\"/>"));
}

TEST(FirewalldIntrospection, InterfaceWithoutIdlIsShownAsSdbusDescribesIt) {
  auto facts = read_sdbus_introspection(kSdbusAnswer);
  ASSERT_TRUE(facts);
  std::string xml = firewalld_introspection("/org/fedoraproject/FirewallD1/config/zone/0", *facts);
  // The IDL's interface, with firewalld's unnamed output, then the unknown one.
  auto zone = xml.find("<interface name=\"org.fedoraproject.FirewallD1.config.zone\">");
  auto extra = xml.find(
      "  <interface name=\"org.example.Extra\">\n"
      "    <method name=\"Do\">\n"
      "      <arg direction=\"in\" type=\"s\" name=\"what\"/>\n"
      "      <arg direction=\"out\" type=\"b\" name=\"arg0\"/>\n"
      "    </method>\n"
      "  <property name=\"Level\" type=\"i\" access=\"read\"/></interface>\n"
      "  <node name=\"10\"/>\n  <node name=\"2\"/>\n  <node name=\"3\"/>\n</node>");
  ASSERT_NE(zone, std::string::npos) << xml;
  ASSERT_NE(extra, std::string::npos) << xml;
  EXPECT_LT(zone, extra);
  EXPECT_NE(xml.find("<arg direction=\"out\" type=\"(sssbsasa(ss)asba(ssss)asasasasa(ss)b)\"/>"),
            std::string::npos);
  EXPECT_EQ(xml.find("org.freedesktop.DBus.Peer"), std::string::npos);
}

}  // namespace
}  // namespace fwctl::bus
