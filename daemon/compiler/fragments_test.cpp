// port_value: every port goes into the ruleset as firewalld's getPortRange reads it.

#include "compiler/fragments.hpp"

#include <gtest/gtest.h>

namespace fwctl::compiler {
namespace {

TEST(PortValue, NumbersAndRanges) {
  EXPECT_EQ(port_value("22"), (Value{ValueKind::Integer, "22"}));
  EXPECT_EQ(port_value("1000-2000"), (Value{ValueKind::Range, "1000-2000"}));
  EXPECT_EQ(port_value("2000-1000"), (Value{ValueKind::Range, "1000-2000"}));
  EXPECT_EQ(port_value("80-80"), (Value{ValueKind::Integer, "80"}));
  EXPECT_EQ(port_value("80-"), (Value{ValueKind::Integer, "80"}));
}

// fail2ban's jails give `port = ssh`: its rich rules carry port='ssh'.
TEST(PortValue, ServiceNamesResolved) {
  EXPECT_EQ(port_value("ssh"), (Value{ValueKind::Integer, "22"}));
  EXPECT_EQ(port_value("ssh-http"), (Value{ValueKind::Range, "22-80"}));
  EXPECT_EQ(port_value("https"), (Value{ValueKind::Integer, "443"}));
}

}  // namespace
}  // namespace fwctl::compiler
