// NetworkManager's interface bindings (firewalld's _nm_assigned_interfaces): left out of
// runtimeToPermanent, kept by a reload that flushes the runtime bindings, forgotten once someone
// else moves or removes the interface.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

class NmBindingsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fw_.start()); }
  std::string zone_file(const std::string& zone) const {
    std::ifstream in(etc_.path() + "/zones/" + zone + ".xml");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(NmBindingsTest, RuntimeToPermanentLeavesThemOut) {
  ASSERT_TRUE(fw_.change_zone_of_interface("work", "nm0", Binder::NetworkManager));
  ASSERT_TRUE(fw_.add_interface("work", "cli0"));
  ASSERT_TRUE(fw_.runtime_to_permanent());
  std::string work = zone_file("work");
  EXPECT_NE(work.find("<interface name=\"cli0\"/>"), std::string::npos) << work;
  EXPECT_EQ(work.find("nm0"), std::string::npos) << work;
  EXPECT_EQ(fw_.zone_of_interface("nm0"), "work");  // the runtime binding stays
}

TEST_F(NmBindingsTest, ReloadKeepsThemAndTheirDefaultZone) {
  ASSERT_TRUE(fw_.change_zone_of_interface("work", "nm0", Binder::NetworkManager));
  ASSERT_TRUE(fw_.change_zone_of_interface("", "nm1", Binder::NetworkManager));
  ASSERT_TRUE(fw_.add_interface("home", "cli0"));
  ASSERT_TRUE(fw_.reload());  // FlushAllOnReload=yes: cli0 goes, NetworkManager's stay
  EXPECT_EQ(fw_.zone_of_interface("nm0"), "work");
  EXPECT_EQ(fw_.zone_of_interface("nm1"), "public");
  EXPECT_EQ(fw_.zone_of_interface("cli0"), "");
  EXPECT_EQ(fw_.nm_interfaces(), (std::vector<std::string>{"nm0", "nm1"}));
}

TEST_F(NmBindingsTest, AnotherCallerTakesThemOver) {
  ASSERT_TRUE(fw_.change_zone_of_interface("work", "nm0", Binder::NetworkManager));
  ASSERT_TRUE(fw_.add_interface("", "nm1", Binder::NetworkManager));
  ASSERT_TRUE(fw_.change_zone_of_interface("home", "nm0"));
  ASSERT_TRUE(fw_.remove_interface("", "nm1"));
  EXPECT_TRUE(fw_.nm_interfaces().empty());
  ASSERT_TRUE(fw_.runtime_to_permanent());
  EXPECT_NE(zone_file("home").find("<interface name=\"nm0\"/>"), std::string::npos);
}

}  // namespace
}  // namespace fwctl::core
