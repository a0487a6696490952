#include "core/lockdown.hpp"

#include <gtest/gtest.h>

#include "core/direct_settings.hpp"

namespace fwctl::core {
namespace {

TEST(Lockdown, EnableAndDisableAsFirewalld) {
  Lockdown lockdown;
  EXPECT_FALSE(lockdown.enabled());
  EXPECT_EQ(lockdown.disable().error().message(), "NOT_ENABLED: disable_lockdown()");
  ASSERT_TRUE(lockdown.enable());
  EXPECT_EQ(lockdown.enable().error().message(), "ALREADY_ENABLED: enable_lockdown()");
  EXPECT_TRUE(lockdown_from_conf("Yes"));
  EXPECT_TRUE(lockdown_from_conf("TRUE"));
  EXPECT_FALSE(lockdown_from_conf("no"));
  EXPECT_FALSE(lockdown_from_conf("1"));
}

TEST(Lockdown, RuntimeWhitelistMessages) {
  Lockdown lockdown;
  EXPECT_EQ(lockdown.add_command("foo").error().message(), "INVALID_COMMAND: foo");
  ASSERT_TRUE(lockdown.add_command("/bin/x"));
  EXPECT_EQ(lockdown.add_command("/bin/x").error().message(),
            "ALREADY_ENABLED: Command \"/bin/x\" already in whitelist");
  EXPECT_EQ(lockdown.remove_user("foo").error().message(),
            "NOT_ENABLED: User \"foo\" not in whitelist.");
  EXPECT_EQ(lockdown.add_uid(-1).error().message(), "INVALID_UID: -1");
  ASSERT_TRUE(lockdown.add_uid(0));
  EXPECT_EQ(lockdown.add_uid(0).error().message(),
            "ALREADY_ENABLED: Uid \"0\" already in whitelist");
  EXPECT_EQ(lockdown.add_context("foo").error().message(), "INVALID_CONTEXT: foo");
  ASSERT_TRUE(lockdown.add_context("system_u:system_r:foo_t:s0"));
  ASSERT_TRUE(lockdown.remove_context("system_u:system_r:foo_t:s0"));
  EXPECT_TRUE(lockdown.whitelist().contexts.empty());
  Caller caller;
  EXPECT_FALSE(lockdown.allows(caller));
  caller.uid = 1;
  EXPECT_FALSE(lockdown.allows(caller));
  caller.uid = 0;
  EXPECT_TRUE(lockdown.allows(caller));
}

TEST(PermanentSettings, ConfigPoliciesMessages) {
  model::LockdownWhitelist w;
  auto added = whitelist_with(w, WhitelistEntry::User, "root", true);
  ASSERT_TRUE(added);
  EXPECT_EQ(added->users, (std::vector<std::string>{"root"}));
  EXPECT_EQ(whitelist_with(*added, WhitelistEntry::User, "root", true).error().message(),
            "ALREADY_ENABLED: root");
  EXPECT_EQ(whitelist_with_uid(w, 5, false).error().message(), "NOT_ENABLED: 5");
}

TEST(PermanentSettings, ConfigDirectMessages) {
  model::DirectConfig c;
  auto with_chain = direct_with(c, model::DirectChain{"ipv4", "filter", "c1"}, true);
  ASSERT_TRUE(with_chain);
  EXPECT_EQ(
      direct_with(*with_chain, model::DirectChain{"ipv4", "filter", "c1"}, true).error().message(),
      "ALREADY_ENABLED: chain 'c1' already is in 'ipv4:filter'");
  model::DirectRule rule{"ipv4", "filter", "c1", -5, {"--comment", "a b'c", "-j", "ACCEPT"}};
  EXPECT_EQ(direct_with(c, rule, false).error().message(),
            "NOT_ENABLED: rule '['--comment', \"a b'c\", '-j', 'ACCEPT']' is not in "
            "'ipv4:filter:c1'");
  EXPECT_EQ(
      direct_with(c, model::DirectPassthrough{"ipv4", {"-A", "nosuch"}}, false).error().message(),
      "NOT_ENABLED: passthrough 'ipv4', '['-A', 'nosuch']'");
  // Stored only once checked: the permanent passthrough itself is not checked, its ipv is.
  model::DirectConfig bad;
  bad.chains.push_back({"ipv4", "nope", "c"});
  EXPECT_EQ(checked_direct(bad).error().code, Code::INVALID_TABLE);
  model::DirectConfig dup;
  dup.passthroughs = {{"ipv4", {"-L"}}, {"ipv4", {"-L"}}};
  EXPECT_EQ(checked_direct(dup)->passthroughs.size(), 1u);
  dup.passthroughs.push_back({"ipv7", {"-L"}});
  EXPECT_EQ(checked_direct(dup).error().code, Code::INVALID_IPV);
  auto without = direct_without_rules(*direct_with(c, rule, true), "ipv4", "filter", "c1");
  EXPECT_TRUE(without.rules.empty());
}

}  // namespace
}  // namespace fwctl::core
