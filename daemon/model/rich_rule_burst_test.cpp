// Rich-rule limit burst (firewalld 2.2): `limit value="5/m" burst=10`, parsed with the two
// attributes in any order, printed unquoted as 2.x prints it, checked 1 to 10,000,000 packets.

#include <gtest/gtest.h>

#include "model/rich_rule.hpp"
#include "model/rich_rule_check.hpp"

namespace fwctl::model {
namespace {

std::string canonical(const std::string& text) {
  auto rule = parse_rich_rule(text);
  return rule ? to_string(*rule) : "error " + rule.error().message();
}

TEST(RichRuleBurst, ParsesAndPrintsIt) {
  EXPECT_EQ(canonical("rule service name=ftp audit limit value=\"1/m\" burst=\"1\" accept"),
            "rule service name=\"ftp\" audit limit value=\"1/m\" burst=1 accept");
  EXPECT_EQ(canonical("rule service name=ftp audit limit burst=\"1\" value=\"1/m\" accept"),
            "rule service name=\"ftp\" audit limit value=\"1/m\" burst=1 accept");
  EXPECT_EQ(canonical("rule family=\"ipv4\" source address=\"192.168.0.0/24\" service "
                      "name=\"tftp\" log prefix=\"tftp: \" level=\"info\" limit value=\"1/m\" "
                      "burst=5 accept"),
            "rule family=\"ipv4\" source address=\"192.168.0.0/24\" service name=\"tftp\" log "
            "prefix=\"tftp: \" level=\"info\" limit value=\"1/m\" burst=5 accept");
  EXPECT_EQ(canonical("rule port port=80 protocol=tcp accept limit value=\"3/minute\" burst=010"),
            "rule port port=\"80\" protocol=\"tcp\" accept limit value=\"3/m\" burst=10");
}

TEST(RichRuleBurst, WithoutBurstNothingChanges) {
  EXPECT_EQ(canonical("rule service name=ssh accept limit value=\"3/m\""),
            "rule service name=\"ssh\" accept limit value=\"3/m\"");
  EXPECT_EQ(canonical("rule service name=ssh accept limit burst=3"),
            "error INVALID_RULE: invalid 'limit' element");
}

TEST(RichRuleBurst, RefusesABurstOutOfRange) {
  for (const char* bad : {"0", "-1", "10000001", "x", "1.5"}) {
    EXPECT_EQ(
        canonical(std::string("rule service name=ssh accept limit value=\"3/m\" burst=") + bad),
        std::string("error INVALID_LIMIT: ") + bad);
  }
  EXPECT_EQ(canonical("rule service name=ssh accept limit value=\"3/m\" burst=10000000"),
            "rule service name=\"ssh\" accept limit value=\"3/m\" burst=10000000");
}

}  // namespace
}  // namespace fwctl::model
