// firewalld's enable_ip_forwarding: which changes turn the kernel's IP forwarding on (gh335.at).

#include "core/ip_forwarding.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "model/rich_rule.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;
using Families = std::set<std::string>;

TEST(IpForwarding, NeedsComeFromZonesInUseAndPolicies) {
  model::Config c;
  c.zones["public"].value.forward_ports = {{"80", "tcp", "", "10.0.0.1"}, {"81", "tcp", "82", ""}};
  c.zones["external"].value.masquerade = true;  // not in use: no interface, not the default
  c.zones["dmz"].value.forward_ports = {{"80", "tcp", "", "fd00::1"}};
  c.policies["p"].value.rules = {*model::parse_rich_rule("rule family=ipv6 masquerade")};
  compiler::RuntimeBindings b;
  b.default_zone = "public";
  b.interfaces["dmz"] = {"eth0"};
  auto needs = forwarding_needs(c, b);
  EXPECT_EQ(needs.size(), 3u);
  EXPECT_EQ(families_to_enable({}, needs), (Families{"ipv4", "ipv6"}));
  EXPECT_EQ(families_to_enable(needs, needs), Families{});
  c.zones["external"].value.masquerade = false;
  c.zones["public"].value.masquerade = true;
  EXPECT_EQ(families_to_enable(needs, forwarding_needs(c, b)), Families{"ipv4"});
}

class FirewallForwardingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sys_.write("net/ipv4/ip_forward", "0\n");
    sys_.write("net/ipv6/conf/all/forwarding", "0\n");
    fw_.set_sysctl_dir(sys_.path());
    ASSERT_TRUE(fw_.start());
  }
  std::string value(const std::string& file) const {
    std::ifstream in(sys_.path() + "/" + file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  TempDir etc_, sys_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(FirewallForwardingTest, AForwardPortToAnAddressTurnsForwardingOn) {
  EXPECT_EQ(value("net/ipv4/ip_forward"), "0\n");  // the stock configuration needs none
  ASSERT_TRUE(fw_.add_zone_item("", {ZoneElement::ForwardPort, {"12345", "tcp", "1", ""}}));
  EXPECT_EQ(value("net/ipv4/ip_forward"), "0\n");  // a local redirect needs none
  ASSERT_TRUE(fw_.add_zone_item("", {ZoneElement::ForwardPort, {"12345", "tcp", "", "10.1.1.1"}}));
  EXPECT_EQ(value("net/ipv4/ip_forward"), "1\n");
  EXPECT_EQ(value("net/ipv6/conf/all/forwarding"), "0\n");
}

}  // namespace
}  // namespace fwctl::core
