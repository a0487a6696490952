// The lockdown hook of the Authorizer (firewalld's accessCheck).
#include <gtest/gtest.h>

#include "bus/authorizer.hpp"

namespace fwctl::bus {
namespace {

TEST(AccessCheck, ListsTheMethodsFirewalldGuards) {
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.zone", "addPort"), AccessCheck::Runtime);
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.direct", "passthrough"),
            AccessCheck::Runtime);
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.direct", "removeAllPassthroughs"),
            AccessCheck::Runtime);
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.policies", "disableLockdown"),
            AccessCheck::Runtime);
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.config.zone", "addPort"),
            AccessCheck::Config);
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.config.direct", "addRule"),
            AccessCheck::Config);
  // Not guarded in firewalld: queries, reload, and update/setLockdownWhitelist themselves.
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.zone", "queryPort"), AccessCheck::None);
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1", "reload"), AccessCheck::None);
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.policies", "queryLockdown"),
            AccessCheck::None);
  EXPECT_EQ(access_check("org.fedoraproject.FirewallD1.config.direct", "update"),
            AccessCheck::None);
}

TEST(AccessRefusal, LockdownLetsOnlyTheWhitelistIn) {
  core::Lockdown lockdown;
  lockdown.reset(true, {{"/usr/bin/python3 /usr/bin/firewall-cmd*"}, {}, {"admin"}, {1000}});
  core::Caller stranger{
      .context = std::nullopt, .uid = 0, .user = "root", .command = "busctl call x"};
  auto refusal = access_refusal(AccessCheck::Runtime, core::State::Running, lockdown, &stranger);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->message(), "ACCESS_DENIED: lockdown is enabled");
  core::Caller by_command = stranger;
  by_command.command = "/usr/bin/python3 /usr/bin/firewall-cmd --add-port=80/tcp";
  EXPECT_FALSE(access_refusal(AccessCheck::Runtime, core::State::Running, lockdown, &by_command));
  core::Caller by_uid = stranger;
  by_uid.uid = 1000;
  EXPECT_FALSE(access_refusal(AccessCheck::Config, core::State::Running, lockdown, &by_uid));
  core::Caller by_user = stranger;
  by_user.user = "admin";
  EXPECT_FALSE(access_refusal(AccessCheck::Runtime, core::State::Running, lockdown, &by_user));
  EXPECT_FALSE(access_refusal(AccessCheck::None, core::State::Running, lockdown, &stranger));
  // Lockdown was off when the call came: nothing was found out, nothing to refuse.
  EXPECT_FALSE(access_refusal(AccessCheck::Runtime, core::State::Running, lockdown, nullptr));
  lockdown.reset(false, {});
  EXPECT_FALSE(access_refusal(AccessCheck::Runtime, core::State::Running, lockdown, &stranger));
}

TEST(AccessRefusal, ConfigChangesAreRefusedInFailedState) {
  core::Lockdown off;
  auto refusal = access_refusal(AccessCheck::Config, core::State::Failed, off, nullptr);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->code, Code::RUNNING_BUT_FAILED);
  EXPECT_FALSE(access_refusal(AccessCheck::Runtime, core::State::Failed, off, nullptr));
}

TEST(CommandFromCmdline, IsFirewalldsCommandOfPid) {
  using namespace std::string_literals;
  EXPECT_EQ(command_from_cmdline("/usr/bin/python3\0/usr/bin/firewall-cmd\0--reload\0"s),
            "/usr/bin/python3 /usr/bin/firewall-cmd --reload");
  EXPECT_EQ(command_from_cmdline("a\0b\nc\0"s), "a b");
  EXPECT_EQ(command_from_cmdline(""), std::nullopt);
}

}  // namespace
}  // namespace fwctl::bus
