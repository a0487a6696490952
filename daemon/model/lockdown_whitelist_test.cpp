#include "model/lockdown_whitelist.hpp"

#include <gtest/gtest.h>

namespace fwctl::model {
namespace {

TEST(LockdownWhitelist, CommandsMatchExactlyOrByPrefixWithAStar) {
  LockdownWhitelist w;
  w.commands = {"/usr/bin/python3 /usr/bin/firewall-cmd*", "/usr/bin/foo --bar"};
  EXPECT_TRUE(w.match_command("/usr/bin/python3 /usr/bin/firewall-cmd --add-port=80/tcp"));
  EXPECT_TRUE(w.match_command("/usr/bin/python3 /usr/bin/firewall-cmd"));
  EXPECT_FALSE(w.match_command("/usr/bin/python3 /usr/bin/firewall-config"));
  EXPECT_TRUE(w.match_command("/usr/bin/foo --bar"));
  EXPECT_FALSE(w.match_command("/usr/bin/foo --bar --baz"));
}

TEST(LockdownWhitelist, ValidityAsFirewalldChecksIt) {
  EXPECT_TRUE(valid_command("/bin/x"));
  EXPECT_FALSE(valid_command("x"));
  EXPECT_FALSE(valid_command("/bin/x | y"));
  EXPECT_FALSE(valid_command(""));
  EXPECT_TRUE(valid_context("system_u:system_r:NetworkManager_t:s0"));
  EXPECT_TRUE(valid_context("system_u:system_r:virtd_t:s0-s0:c0.c1023"));
  EXPECT_TRUE(valid_context("root:object_r:foo_t:s0"));
  EXPECT_FALSE(valid_context("foo"));
  EXPECT_FALSE(valid_context("user:system_r:foo_t:s0"));
  EXPECT_FALSE(valid_context("system_u:system_r:foo_t:"));
  EXPECT_TRUE(valid_user("root"));
  EXPECT_TRUE(valid_user("a.b-c_d$"));
  EXPECT_FALSE(valid_user("f@o"));
  EXPECT_FALSE(valid_user(""));
  EXPECT_TRUE(valid_uid(0));
  EXPECT_TRUE(valid_uid(2147483647));
  EXPECT_FALSE(valid_uid(-1));
}

TEST(LockdownWhitelist, CheckedWhitelistRefusesTheFirstBadEntryAndDropsDuplicates) {
  auto checked = checked_whitelist({{"/a", "/b", "/a"}, {}, {"root", "root"}, {0, 5, 0}});
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->commands, (std::vector<std::string>{"/a", "/b"}));
  EXPECT_EQ(checked->users, (std::vector<std::string>{"root"}));
  EXPECT_EQ(checked->uids, (std::vector<int32_t>{0, 5}));
  EXPECT_EQ(checked_whitelist({{"foo"}, {}, {}, {}}).error().message(), "INVALID_COMMAND: foo");
  EXPECT_EQ(checked_whitelist({{}, {"foo"}, {}, {}}).error().message(), "INVALID_CONTEXT: foo");
  EXPECT_EQ(checked_whitelist({{}, {}, {"f@o"}, {}}).error().message(), "INVALID_USER: f@o");
  EXPECT_EQ(checked_whitelist({{}, {}, {}, {-1}}).error().message(), "INVALID_UID: -1");
}

}  // namespace
}  // namespace fwctl::model
