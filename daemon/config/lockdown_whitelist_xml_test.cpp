#include "config/lockdown_whitelist_xml.hpp"

#include <gtest/gtest.h>

namespace fwctl::config {
namespace {

// What firewalld 1.3.3 wrote after --permanent --add-lockdown-whitelist-uid=0, -user=root and
// -context=system_u:system_r:foo_t:s0 to a whitelist holding one command.
constexpr const char* kFirewalldLockdownFile = R"(<?xml version="1.0" encoding="utf-8"?>
<whitelist>
  <command name="/usr/bin/python3 /usr/bin/firewall-cmd*"/>
  <user id="0"/>
  <user name="root"/>
  <selinux context="system_u:system_r:foo_t:s0"/>
</whitelist>
)";

model::LockdownWhitelist firewalld_whitelist() {
  return {
      {"/usr/bin/python3 /usr/bin/firewall-cmd*"}, {"system_u:system_r:foo_t:s0"}, {"root"}, {0}};
}

TEST(LockdownWhitelistXml, WritesWhatFirewalldWrites) {
  EXPECT_EQ(format_lockdown_whitelist(firewalld_whitelist()), kFirewalldLockdownFile);
}

TEST(LockdownWhitelistXml, ReadsDebiansDefaultFile) {
  WhitelistFile read = parse_lockdown_whitelist(R"(<?xml version="1.0" encoding="utf-8"?>
<whitelist>
  <command name="/usr/bin/python3 /usr/bin/firewall-config"/>
  <selinux context="system_u:system_r:NetworkManager_t:s0"/>
  <selinux context="system_u:system_r:virtd_t:s0-s0:c0.c1023"/>
  <user id="0"/>
</whitelist>
)",
                                                "lockdown-whitelist.xml");
  EXPECT_FALSE(read.error);
  EXPECT_EQ(read.whitelist.commands.size(), 1u);
  EXPECT_EQ(read.whitelist.contexts.size(), 2u);
  EXPECT_EQ(read.whitelist.uids, (std::vector<int32_t>{0}));
  EXPECT_EQ(parse_lockdown_whitelist(kFirewalldLockdownFile, "f").whitelist, firewalld_whitelist());
}

TEST(LockdownWhitelistXml, StopsAtAnInvalidOrDuplicateEntry) {
  WhitelistFile read = parse_lockdown_whitelist(R"(<whitelist>
  <user id="5"/>
  <user id="5"/>
  <user id="7"/>
</whitelist>)",
                                                "f");
  ASSERT_TRUE(read.error);
  EXPECT_EQ(read.error->message(), "ALREADY_ENABLED: Uid \"5\" already in whitelist");
  EXPECT_EQ(read.whitelist.uids, (std::vector<int32_t>{5}));
  read = parse_lockdown_whitelist("<whitelist><command name=\"x\"/></whitelist>", "f");
  ASSERT_TRUE(read.error);
  EXPECT_EQ(read.error->message(), "INVALID_COMMAND: x");
  read = parse_lockdown_whitelist("<whitelist><group name=\"x\"/></whitelist>", "f");
  ASSERT_TRUE(read.error);
  EXPECT_EQ(read.error->message(), "PARSE_ERROR: Unexpected element group");
}

}  // namespace
}  // namespace fwctl::config
