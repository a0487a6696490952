// Firewall: panic mode, log-denied and reset to defaults (firewall_panic.cpp,
// firewall_log_denied.cpp) against a FakeNetlink.

#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/ir.hpp"
#include "compiler/panic.hpp"
#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;
using Strings = std::vector<std::string>;

class FirewallPanicTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fw_.start()); }

  std::vector<std::string> table_names() const {
    std::vector<std::string> out;
    for (const auto& t : fw_.kernel().ruleset().tables) out.push_back(t.name);
    return out;
  }
  std::string read(const std::string& relative) const {
    std::ifstream in(etc_.path() + "/" + relative);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(FirewallPanicTest, PanicOnAddsTheDropTableAloneAndPanicOffDeletesIt) {
  EXPECT_FALSE(fw_.query_panic_mode());
  ASSERT_TRUE(fw_.enable_panic_mode());
  EXPECT_TRUE(fw_.query_panic_mode());
  const Strings& on = netlink_.sent().back();
  ASSERT_FALSE(on.empty());
  for (const auto& message : on) {
    EXPECT_NE(message.find("firewalld_policy_drop"), std::string::npos) << message;
  }
  EXPECT_EQ(table_names(), (Strings{"firewalld", "firewalld_policy_drop"}));

  ASSERT_TRUE(fw_.disable_panic_mode());
  EXPECT_FALSE(fw_.query_panic_mode());
  for (const auto& message : netlink_.sent().back()) {
    EXPECT_NE(message.find("table inet firewalld_policy_drop"), std::string::npos) << message;
  }
  EXPECT_EQ(table_names(), (Strings{"firewalld"}));
}

TEST_F(FirewallPanicTest, TwiceIsFirewalldsError) {
  auto st = fw_.disable_panic_mode();
  EXPECT_EQ(st.error().code, Code::NOT_ENABLED);
  EXPECT_EQ(st.error().detail, "panic mode is not enabled");
  ASSERT_TRUE(fw_.enable_panic_mode());
  st = fw_.enable_panic_mode();
  EXPECT_EQ(st.error().code, Code::ALREADY_ENABLED);
  EXPECT_EQ(st.error().detail, "panic mode already enabled");
}

TEST_F(FirewallPanicTest, AKernelRefusalLeavesPanicModeAsItWas) {
  netlink_.fail_at(0, EPERM);
  EXPECT_EQ(fw_.enable_panic_mode().error().code, Code::COMMAND_FAILED);
  EXPECT_FALSE(fw_.query_panic_mode());
  EXPECT_EQ(table_names(), (Strings{"firewalld"}));
}

TEST_F(FirewallPanicTest, ZoneChangesAreRefusedAndReloadKeepsThePanicTable) {
  ASSERT_TRUE(fw_.enable_panic_mode());
  size_t batches = netlink_.sent().size();
  EXPECT_EQ(fw_.add_port("public", "8080", "tcp").error().code, Code::PANIC_MODE);
  EXPECT_EQ(fw_.add_service("public", "http").error().code, Code::PANIC_MODE);
  EXPECT_EQ(netlink_.sent().size(), batches);
  ASSERT_TRUE(fw_.reload());
  EXPECT_TRUE(fw_.query_panic_mode());
  // firewalld recreates its own table after the panic table: that one lists first.
  EXPECT_EQ(table_names(), (Strings{"firewalld_policy_drop", "firewalld"}));
  ASSERT_TRUE(fw_.disable_panic_mode());
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
}

TEST_F(FirewallPanicTest, StopRemovesThePanicTableToo) {
  ASSERT_TRUE(fw_.enable_panic_mode());
  ASSERT_TRUE(fw_.stop());
  const Strings& last = netlink_.sent().back();
  EXPECT_NE(std::find(last.begin(), last.end(), "delete table inet firewalld_policy_drop"),
            last.end());
  EXPECT_NE(std::find(last.begin(), last.end(), "delete table inet firewalld"), last.end());
}

TEST_F(FirewallPanicTest, SetLogDeniedWritesFirewalldConf) {
  EXPECT_EQ(fw_.log_denied(), "off");
  auto st = fw_.set_log_denied("some");
  EXPECT_EQ(st.error().code, Code::INVALID_VALUE);
  EXPECT_EQ(st.error().detail, "'some', choose from 'all','unicast','broadcast','multicast','off'");
  EXPECT_EQ(fw_.set_log_denied("off").error().code, Code::ALREADY_SET);
  ASSERT_TRUE(fw_.set_log_denied("broadcast"));
  EXPECT_EQ(fw_.log_denied(), "broadcast");
  EXPECT_NE(read("firewalld.conf").find("LogDenied=broadcast\n"), std::string::npos);
  // What the reload then puts in force: the log rules of broadcast packets.
  ASSERT_TRUE(fw_.reload());
  EXPECT_EQ(fw_.log_denied(), "broadcast");
  std::string text = compiler::to_text(fw_.kernel().ruleset().tables.at(0));
  EXPECT_NE(text.find("meta pkttype broadcast log prefix \"FINAL_REJECT: \""), std::string::npos);
}

TEST_F(FirewallPanicTest, ResetToDefaultsBacksUpTheSystemFilesAndResetsFirewalldConf) {
  etc_.write("zones/public.xml",
             "<?xml version=\"1.0\"?>\n<zone><service name=\"http\"/></zone>\n");
  etc_.write("services/mine.xml",
             "<?xml version=\"1.0\"?>\n<service><port port=\"1\" protocol=\"tcp\"/></service>\n");
  etc_.write("firewalld.conf", "# mine\nDefaultZone=home\nLogDenied=all\n");
  ASSERT_TRUE(fw_.reload());
  EXPECT_EQ(fw_.default_zone(), "home");
  ASSERT_TRUE(fw_.reset_to_defaults());
  namespace fs = std::filesystem;
  EXPECT_FALSE(fs::exists(etc_.path() + "/zones/public.xml"));
  EXPECT_TRUE(fs::exists(etc_.path() + "/zones/public.xml.old"));
  EXPECT_TRUE(fs::exists(etc_.path() + "/services/mine.xml.old"));
  std::string conf = read("firewalld.conf");
  EXPECT_NE(conf.find("DefaultZone=public\n"), std::string::npos) << conf;
  EXPECT_NE(conf.find("LogDenied=off\n"), std::string::npos) << conf;
  ASSERT_TRUE(fw_.reload());
  EXPECT_EQ(fw_.default_zone(), "public");
  EXPECT_FALSE(fw_.service("mine"));
}

}  // namespace
}  // namespace fwctl::core
