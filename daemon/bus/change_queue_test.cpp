// ChangeQueue (bus/change_queue.hpp, issue 13) without a bus: queued changes made in order as
// one kernel batch, each answered; a group the kernel refuses made again change by change, so
// that only the bad change fails and the others land; a change that cannot join goes alone.

#include "bus/change_queue.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <optional>

#include "config/test_support.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::bus {
namespace {

using config::testing::TempDir;
using core::ZoneElement;
using core::ZoneItem;

ZoneItem port(const std::string& number) { return {ZoneElement::Port, {number, "tcp"}}; }

class ChangeQueueTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fw_.start()); }

  // Queues add (or remove) of `item`; its answer lands in answers_[slot].
  void push(ChangeQueue& queue, ZoneItem item, bool add = true) {
    size_t slot = answers_.size();
    answers_.emplace_back();
    queue.push(
        [this, item, add] {
          return add ? fw_.add_zone_item("public", item) : fw_.remove_zone_item("public", item);
        },
        [this, slot](const Result<std::string>& made) {
          ASSERT_FALSE(answers_[slot]) << "answered twice";
          answers_[slot] = made;
          order_.push_back(slot);
        });
  }

  bool has_port(const std::string& number) const {
    for (const auto& p : fw_.runtime().zones.at("public").value.ports) {
      if (p.port == number) return true;
    }
    return false;
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  core::Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
  std::vector<std::optional<Result<std::string>>> answers_;
  std::vector<size_t> order_;
};

TEST_F(ChangeQueueTest, QueuedChangesGoAsOneBatchAndAreAnsweredInOrder) {
  ChangeQueue queue(fw_);
  size_t sent = netlink_.sent().size();
  for (const char* p : {"7001", "7002", "7003", "7004"}) push(queue, port(p));
  EXPECT_EQ(netlink_.sent().size(), sent) << "nothing made before the flush";
  EXPECT_FALSE(queue.empty());
  queue.flush();
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(netlink_.sent().size(), sent + 1);
  ASSERT_EQ(order_, (std::vector<size_t>{0, 1, 2, 3}));
  for (const auto& answer : answers_) {
    ASSERT_TRUE(answer && *answer);
    EXPECT_EQ(**answer, "public");
  }
}

TEST_F(ChangeQueueTest, ABadChangeInAGroupFailsAloneAndTheOthersLand) {
  ChangeQueue queue(fw_);
  // The kernel refuses this change, whenever it comes.
  const ZoneItem bad{ZoneElement::RichRule,
                     {"rule family=\"ipv4\" source address=\"10.1.0.0/16\" "
                      "log prefix=\"group-refused\" level=\"info\" accept"}};
  netlink_.refuse_containing("group-refused", ENOSPC);
  size_t sent = netlink_.sent().size();
  push(queue, port("7001"));
  push(queue, bad);
  push(queue, port("7003"));
  queue.flush();
  ASSERT_EQ(order_, (std::vector<size_t>{0, 1, 2}));
  ASSERT_TRUE(answers_[0] && *answers_[0]);
  ASSERT_TRUE(answers_[1] && !*answers_[1]);
  EXPECT_EQ(answers_[1]->error().code, Code::COMMAND_FAILED);
  ASSERT_TRUE(answers_[2] && *answers_[2]);
  EXPECT_TRUE(has_port("7001"));
  EXPECT_TRUE(fw_.runtime().zones.at("public").value.rules.empty());
  EXPECT_TRUE(has_port("7003"));
  // The group's batch (refused), then one batch per change.
  EXPECT_EQ(netlink_.sent().size(), sent + 4);
}

TEST_F(ChangeQueueTest, AChangeThatCannotJoinGoesAloneInItsPlace) {
  ChangeQueue queue(fw_);
  size_t sent = netlink_.sent().size();
  push(queue, port("7001"));
  push(queue, port("7002"));
  push(queue, port("7001"), false);  // names a rule the group adds: after the group
  push(queue, port("7003"));
  queue.flush();
  ASSERT_EQ(order_, (std::vector<size_t>{0, 1, 2, 3}));
  for (const auto& answer : answers_) ASSERT_TRUE(answer && *answer);
  EXPECT_FALSE(has_port("7001"));
  EXPECT_TRUE(has_port("7002"));
  EXPECT_TRUE(has_port("7003"));
  EXPECT_EQ(netlink_.sent().size(), sent + 3);  // {7001, 7002}, the remove, {7003}
}

TEST_F(ChangeQueueTest, AFullQueueIsMadeAtOnce) {
  ChangeQueue queue(fw_, 2);
  push(queue, port("7001"));
  EXPECT_FALSE(answers_[0]);
  push(queue, port("7002"));
  EXPECT_TRUE(answers_[0] && answers_[1]);
  EXPECT_TRUE(queue.empty());
}

TEST(QueuedCall, OnlyZoneElementChanges) {
  EXPECT_TRUE(queued_call("org.fedoraproject.FirewallD1.zone", "addPort"));
  EXPECT_TRUE(queued_call("org.fedoraproject.FirewallD1.zone", "removeRichRule"));
  EXPECT_FALSE(queued_call("org.fedoraproject.FirewallD1.zone", "queryPort"));
  EXPECT_FALSE(queued_call("org.fedoraproject.FirewallD1.zone", "addInterface"));
  EXPECT_FALSE(queued_call("org.fedoraproject.FirewallD1.policy", "addPort"));
}

}  // namespace
}  // namespace fwctl::bus
