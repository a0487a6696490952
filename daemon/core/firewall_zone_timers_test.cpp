// Timed runtime additions: the timer list alone, and Firewall::expire() with an injected clock
// (no sleeping), against a FakeNetlink.

#include <gtest/gtest.h>

#include <cerrno>

#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using namespace std::chrono_literals;
using config::testing::TempDir;
using Kind = ZoneElement;

const ZoneItem kPort{Kind::Port, {"8080", "tcp"}};
const ZoneItem kHttp{Kind::Service, {"http"}};

TEST(ZoneTimers, DueTimersComeOutEarliestFirstAndAreForgotten) {
  ZoneTimers timers;
  SteadyTime t0{};
  EXPECT_FALSE(timers.next_deadline());
  timers.start({"public", kHttp}, t0 + 5s);
  timers.start({"public", kPort}, t0 + 2s);
  EXPECT_EQ(*timers.next_deadline(), t0 + 2s);
  EXPECT_TRUE(timers.take_due(t0 + 1s).empty());
  EXPECT_EQ(timers.take_due(t0 + 9s),
            (std::vector<TimedItem>{{"public", kPort}, {"public", kHttp}}));
  EXPECT_TRUE(timers.empty());
}

TEST(ZoneTimers, CancelAndRestart) {
  ZoneTimers timers;
  SteadyTime t0{};
  timers.start({"public", kPort}, t0 + 2s);
  timers.start({"public", kPort}, t0 + 7s);  // one timer per item: the deadline moves
  EXPECT_EQ(*timers.next_deadline(), t0 + 7s);
  timers.cancel({"dmz", kPort});  // another zone's item: not this timer
  EXPECT_FALSE(timers.empty());
  timers.cancel({"public", kPort});
  EXPECT_TRUE(timers.empty());
}

class TimeoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fw_.set_clock([this] { return now_; });
    ASSERT_TRUE(fw_.start());
  }
  size_t batches() const { return netlink_.sent().size(); }

  SteadyTime now_ = SteadyTime{} + 1000s;
  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(TimeoutTest, APortWithATimeoutGoesAwayWhenDue) {
  ASSERT_TRUE(fw_.add_port("", "8080", "tcp", 2));
  EXPECT_EQ(*fw_.next_deadline(), now_ + 2s);
  auto early = fw_.expire(now_ + 1s);
  ASSERT_TRUE(early);
  EXPECT_TRUE(early->empty());
  EXPECT_EQ(batches(), 2u);
  auto due = fw_.expire(now_ + 2s);
  ASSERT_TRUE(due) << due.error().message();
  EXPECT_EQ(*due, (std::vector<TimedItem>{{"public", kPort}}));
  EXPECT_EQ(batches(), 3u);
  EXPECT_TRUE(netlink_.sent().back()[0].starts_with("delete rule")) << netlink_.sent().back()[0];
  EXPECT_FALSE(*fw_.query_port("public", "8080", "tcp"));
  EXPECT_FALSE(fw_.next_deadline());
}

TEST_F(TimeoutTest, EverythingDueGoesInOneBatch) {
  ASSERT_TRUE(fw_.add_zone_item("public", kPort, 2));
  ASSERT_TRUE(fw_.add_zone_item("public", kHttp, 3));
  ASSERT_TRUE(fw_.add_zone_item("public", {Kind::Masquerade, {}}, 60));
  auto due = fw_.expire(now_ + 10s);
  ASSERT_TRUE(due);
  EXPECT_EQ(*due, (std::vector<TimedItem>{{"public", kPort}, {"public", kHttp}}));
  EXPECT_EQ(batches(), 5u);  // start, three adds, one expiry
  EXPECT_FALSE(*fw_.query_service("public", "http"));
  EXPECT_TRUE(*fw_.query_zone_item("public", {Kind::Masquerade, {}}));
  EXPECT_EQ(*fw_.next_deadline(), now_ + 60s);
}

TEST_F(TimeoutTest, ARemoveCancelsTheTimer) {
  ASSERT_TRUE(fw_.add_service("public", "http", 5));
  ASSERT_TRUE(fw_.remove_service("", "http"));
  EXPECT_FALSE(fw_.next_deadline());
  ASSERT_TRUE(fw_.add_service("public", "http"));  // added again for good
  EXPECT_TRUE(fw_.expire(now_ + 10s)->empty());
  EXPECT_TRUE(*fw_.query_service("public", "http"));
}

TEST_F(TimeoutTest, ARichRuleTimerKeepsTheZoneAsGiven) {
  const ZoneItem rule{Kind::RichRule, {"rule family=ipv4 source address=10.0.0.1 drop"}};
  ASSERT_TRUE(fw_.add_zone_item("", rule, 1));
  auto due = fw_.expire(now_ + 1s);
  ASSERT_TRUE(due);
  EXPECT_EQ(*due, (std::vector<TimedItem>{{"", rule}}));
  EXPECT_TRUE(fw_.zone_settings("public")->rich_rules.empty());
}

TEST_F(TimeoutTest, AnItemRemovedAnotherWayIsSkipped) {
  ASSERT_TRUE(fw_.add_service("public", "http", 5));
  ZoneSettingsUpdate update;
  update.services = std::vector<std::string>{"ssh"};
  ASSERT_TRUE(fw_.set_zone_settings("public", update));  // firewalld keeps the timer then
  size_t sent = batches();
  auto due = fw_.expire(now_ + 5s);
  ASSERT_TRUE(due);
  EXPECT_TRUE(due->empty());
  EXPECT_EQ(batches(), sent);
}

TEST_F(TimeoutTest, AKernelRefusalAtExpiryLeavesTheItem) {
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp", 2));
  netlink_.fail_at(0, EPERM);
  auto due = fw_.expire(now_ + 2s);
  ASSERT_FALSE(due);
  EXPECT_EQ(due.error().code, Code::COMMAND_FAILED);
  EXPECT_TRUE(*fw_.query_port("public", "8080", "tcp"));
  EXPECT_FALSE(fw_.next_deadline());  // spent, as firewalld's timer is
}

}  // namespace
}  // namespace fwctl::core
