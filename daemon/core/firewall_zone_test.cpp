// Firewall's runtime changes of every zone element kind, against a FakeNetlink: added, already
// enabled, removed, not enabled, invalid input, and a kernel refusal that leaves everything.

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "compiler/compiler.hpp"
#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;
using Kind = ZoneElement;

struct Case {
  const char* name;
  ZoneItem item;
  std::optional<ZoneItem> invalid;  // input firewalld refuses
  Code invalid_code;
  std::string already;  // ALREADY_ENABLED detail in zone public
  std::string missing;  // NOT_ENABLED detail
};

const Case kCases[] = {
    {"service",
     {Kind::Service, {"http"}},
     ZoneItem{Kind::Service, {"nope"}},
     Code::INVALID_SERVICE,
     "'http' already in 'public'",
     "'http' not in 'public'"},
    {"port",
     {Kind::Port, {"8080", "tcp"}},
     ZoneItem{Kind::Port, {"8080", "icmp"}},
     Code::INVALID_PROTOCOL,
     "'8080:tcp' already in 'public'",
     "'8080:tcp' not in 'public'"},
    {"protocol",
     {Kind::Protocol, {"gre"}},
     ZoneItem{Kind::Protocol, {"nope"}},
     Code::INVALID_PROTOCOL,
     "'gre' already in 'public'",
     "'gre' not in 'public'"},
    {"source_port",
     {Kind::SourcePort, {"5000", "udp"}},
     ZoneItem{Kind::SourcePort, {"99999", "udp"}},
     Code::INVALID_PORT,
     "'5000:udp' already in 'public'",
     "'5000:udp' not in 'public'"},
    {"icmp_block",
     {Kind::IcmpBlock, {"echo-request"}},
     ZoneItem{Kind::IcmpBlock, {"nope"}},
     Code::INVALID_ICMPTYPE,
     "'echo-request' already in 'public'",
     "'echo-request' not in 'public'"},
    {"forward_port",
     {Kind::ForwardPort, {"80", "tcp", "8080", ""}},
     ZoneItem{Kind::ForwardPort, {"80", "tcp", "", ""}},
     Code::INVALID_FORWARD,
     "'80:tcp:8080:' already in 'public'",
     "'80:tcp:8080:' not in 'public'"},
    {"masquerade",
     {Kind::Masquerade, {}},
     std::nullopt,
     Code::UNKNOWN_ERROR,
     "masquerade already enabled in 'public'",
     "masquerade not enabled in 'public'"},
    {"icmp_block_inversion",
     {Kind::IcmpBlockInversion, {}},
     std::nullopt,
     Code::UNKNOWN_ERROR,
     "icmp-block-inversion already enabled in 'public'",
     "icmp-block-inversion not enabled in 'public'"},
    {"rich_rule",
     {Kind::RichRule, {"rule family=ipv4 source address=10.0.0.1 accept"}},
     ZoneItem{Kind::RichRule, {"rule bad"}},
     Code::INVALID_RULE,
     "'rule family=\"ipv4\" source address=\"10.0.0.1\" accept' already in 'public'",
     "'rule family=\"ipv4\" source address=\"10.0.0.1\" accept' not in 'public'"},
};

class ZoneElementTest : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override { ASSERT_TRUE(fw_.start()); }
  size_t batches() const { return netlink_.sent().size(); }
  bool has(const ZoneItem& item) { return *fw_.query_zone_item("public", item); }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_P(ZoneElementTest, AddedInOneBatchThenAlreadyEnabled) {
  const Case& c = GetParam();
  auto zone = fw_.add_zone_item("public", c.item);
  ASSERT_TRUE(zone) << zone.error().message();
  EXPECT_EQ(*zone, "public");
  EXPECT_EQ(batches(), 2u);
  EXPECT_FALSE(netlink_.sent().back().empty());
  EXPECT_TRUE(has(c.item));
  auto again = fw_.add_zone_item("public", c.item);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Code::ALREADY_ENABLED);
  EXPECT_EQ(again.error().detail, c.already);
  EXPECT_EQ(batches(), 2u);
}

TEST_P(ZoneElementTest, RemovedInOneBatchThenNotEnabled) {
  const Case& c = GetParam();
  ASSERT_TRUE(fw_.add_zone_item("", c.item));
  auto zone = fw_.remove_zone_item("", c.item);
  ASSERT_TRUE(zone) << zone.error().message();
  EXPECT_EQ(batches(), 3u);
  EXPECT_FALSE(has(c.item));
  auto gone = fw_.remove_zone_item("public", c.item);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, Code::NOT_ENABLED);
  EXPECT_EQ(gone.error().detail, c.missing);
  EXPECT_EQ(batches(), 3u);
}

TEST_P(ZoneElementTest, InvalidInputChangesNothing) {
  const Case& c = GetParam();
  auto before = *fw_.zone_settings("public");
  EXPECT_EQ(fw_.add_zone_item("nope", c.item).error().code, Code::INVALID_ZONE);
  EXPECT_EQ(fw_.add_zone_item("public", c.item, -1).error().code, Code::INVALID_VALUE);
  if (c.invalid) {
    auto refused = fw_.add_zone_item("public", *c.invalid);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, c.invalid_code) << refused.error().message();
    EXPECT_EQ(fw_.remove_zone_item("public", *c.invalid).error().code, c.invalid_code);
  }
  EXPECT_EQ(batches(), 1u);
  EXPECT_EQ(*fw_.zone_settings("public"), before);
}

TEST_P(ZoneElementTest, AKernelRefusalLeavesTheZoneAsItWas) {
  const Case& c = GetParam();
  auto before = *fw_.zone_settings("public");
  netlink_.fail_at(0, ENOENT);
  auto refused = fw_.add_zone_item("public", c.item, 30);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Code::COMMAND_FAILED);
  EXPECT_FALSE(has(c.item));
  EXPECT_EQ(*fw_.zone_settings("public"), before);
  EXPECT_FALSE(fw_.next_deadline());  // no timer for what was not added
  // The same change goes through once the kernel takes it.
  ASSERT_TRUE(fw_.add_zone_item("public", c.item));
  netlink_.fail_at(0, ENOENT);
  EXPECT_EQ(fw_.remove_zone_item("public", c.item).error().code, Code::COMMAND_FAILED);
  EXPECT_TRUE(has(c.item));
}

INSTANTIATE_TEST_SUITE_P(Kinds, ZoneElementTest, ::testing::ValuesIn(kCases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

class FirewallZoneTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fw_.start()); }
  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(FirewallZoneTest, PortsMergeAndSplitAsFirewalldDoes) {
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
  ASSERT_TRUE(fw_.add_port("public", "8000-9000", "tcp"));
  EXPECT_EQ(fw_.zone_settings("public")->ports,
            (std::vector<std::pair<std::string, std::string>>{{"8000-9000", "tcp"}}));
  ASSERT_TRUE(fw_.remove_port("public", "8080", "tcp"));
  EXPECT_EQ(fw_.zone_settings("public")->ports, (std::vector<std::pair<std::string, std::string>>{
                                                    {"8000-8079", "tcp"}, {"8081-9000", "tcp"}}));
  EXPECT_TRUE(*fw_.query_port("public", "8100", "tcp"));
  EXPECT_FALSE(*fw_.query_port("public", "8100", "udp"));
}

// The edit is made in place while the batch is sent and undone when the kernel refuses it: every
// list comes back in its order, a merge and a removal from the middle included.
TEST_F(FirewallZoneTest, ARefusedEditPutsEveryListBackInItsOrder) {
  for (const char* port : {"80-81", "83"}) ASSERT_TRUE(fw_.add_port("public", port, "tcp"));
  ASSERT_TRUE(fw_.add_port("public", "53", "udp"));
  const std::string middle = "rule family=\"ipv4\" source address=\"10.0.0.2\" accept";
  for (const std::string& rule :
       {std::string("rule family=\"ipv4\" source address=\"10.0.0.1\" accept"), middle,
        std::string("rule family=\"ipv4\" source address=\"10.0.0.3\" accept")}) {
    ASSERT_TRUE(fw_.add_zone_item("public", {Kind::RichRule, {rule}}));
  }
  const ZoneSettings before = *fw_.zone_settings("public");
  netlink_.fail_at(0, ENOENT);
  EXPECT_FALSE(fw_.add_port("public", "81-83", "tcp"));  // would merge with both
  netlink_.fail_at(0, ENOENT);
  EXPECT_FALSE(fw_.remove_zone_item("public", {Kind::RichRule, {middle}}));
  EXPECT_EQ(*fw_.zone_settings("public"), before);
  // The kernel's record still matches: the same changes go through now.
  ASSERT_TRUE(fw_.add_port("public", "81-83", "tcp"));
  ASSERT_TRUE(fw_.remove_zone_item("public", {Kind::RichRule, {middle}}));
  auto whole = compiler::compile(fw_.runtime(), fw_.bindings());
  ASSERT_TRUE(whole);
  auto chains_by_name = [](compiler::Table table) {
    std::sort(table.chains.begin(), table.chains.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return compiler::to_text(table);
  };
  EXPECT_EQ(chains_by_name(*fw_.kernel().table(compiler::kTableName)),
            chains_by_name(whole->tables[0]));
}

TEST_F(FirewallZoneTest, ForwardPortsAreStoredWithCanonicalPorts) {
  ASSERT_TRUE(fw_.add_zone_item("public", {Kind::ForwardPort, {"http", "tcp", "8081", ""}}));
  EXPECT_EQ(fw_.zone_settings("public")->forward_ports.back(),
            (std::array<std::string, 4>{"80", "tcp", "8081", ""}));
  EXPECT_TRUE(*fw_.query_zone_item("public", {Kind::ForwardPort, {"80", "tcp", "8081", ""}}));
  EXPECT_EQ(fw_.query_zone_item("public", {Kind::ForwardPort, {"80", "tcp", "8081", "x"}})
                .error()
                .message(),
            "INVALID_ADDR: x");
  EXPECT_EQ(fw_.add_zone_item("public", {Kind::Port, {"80", ""}}).error().code,
            Code::MISSING_PROTOCOL);
  EXPECT_EQ(fw_.add_zone_item("public", {Kind::Port, {"80", "icmp"}}).error().detail,
            "'icmp' not in {'tcp'|'udp'|'sctp'|'dccp'}");
}

TEST_F(FirewallZoneTest, ARichRuleAnswersWithTheZoneAsGiven) {
  const ZoneItem rule{Kind::RichRule, {"rule family=ipv4 masquerade"}};
  auto zone = fw_.add_zone_item("", rule);
  ASSERT_TRUE(zone) << zone.error().message();
  EXPECT_EQ(*zone, "");
  EXPECT_EQ(fw_.zone_settings("public")->rich_rules,
            std::vector<std::string>{"rule family=\"ipv4\" masquerade"});
  EXPECT_TRUE(
      *fw_.query_zone_item("public", {Kind::RichRule, {"rule family=\"ipv4\" masquerade"}}));
  // A bad rule is refused before the zone is looked at, as firewalld parses it first.
  EXPECT_EQ(fw_.add_zone_item("nope", {Kind::RichRule, {"rule bad"}}).error().code,
            Code::INVALID_RULE);
}

TEST_F(FirewallZoneTest, ARichRuleNamingAMissingServiceIsRefusedInAnActiveZone) {
  auto refused = fw_.add_zone_item("public", {Kind::RichRule, {"rule service name=nope accept"}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Code::INVALID_SERVICE);
  EXPECT_TRUE(fw_.zone_settings("public")->rich_rules.empty());
}

}  // namespace
}  // namespace fwctl::core
