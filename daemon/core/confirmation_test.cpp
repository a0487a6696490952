// Changes that undo themselves: Confirmation over a Firewall on a FakeNetlink, with the times
// given (no sleeping).

#include "core/confirmation.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <fstream>
#include <sstream>

#include "config/test_support.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using namespace std::chrono_literals;
using config::testing::TempDir;

class ConfirmationTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fw_.start()); }
  size_t batches() const { return netlink_.sent().size(); }
  bool port_open() const { return *fw_.query_port("public", "8080", "tcp"); }

  SteadyTime t0_ = SteadyTime{} + 1000s;
  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
  Confirmation confirmation_{fw_};
};

TEST_F(ConfirmationTest, NotConfirmedTheChangeGoesBackInOneBatch) {
  ASSERT_TRUE(confirmation_.begin(30s, t0_));
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
  ASSERT_TRUE(fw_.add_service("public", "http"));
  EXPECT_EQ(*confirmation_.deadline(), t0_ + 30s);
  EXPECT_EQ(confirmation_.seconds_left(t0_ + 100ms), 30);
  size_t sent = batches();
  EXPECT_FALSE(*confirmation_.expire(t0_ + 29s));
  EXPECT_EQ(batches(), sent);
  auto undone = confirmation_.expire(t0_ + 30s);
  ASSERT_TRUE(undone) << undone.error().message();
  EXPECT_TRUE(*undone);
  EXPECT_EQ(batches(), sent + 1);
  EXPECT_FALSE(port_open());
  EXPECT_FALSE(*fw_.query_service("public", "http"));
  EXPECT_FALSE(confirmation_.pending());
  EXPECT_EQ(confirmation_.seconds_left(t0_ + 31s), 0);
}

TEST_F(ConfirmationTest, ConfirmedTheChangeStays) {
  ASSERT_TRUE(confirmation_.begin(5s, t0_));
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
  ASSERT_TRUE(confirmation_.confirm());
  size_t sent = batches();
  EXPECT_FALSE(*confirmation_.expire(t0_ + 60s));
  EXPECT_EQ(batches(), sent);
  EXPECT_TRUE(port_open());
}

TEST_F(ConfirmationTest, NothingPendingIsAnError) {
  auto st = confirmation_.confirm();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, Code::NOT_ENABLED);
  EXPECT_EQ(st.error().message(), "NOT_ENABLED: no change waits for confirmation");
  ASSERT_TRUE(confirmation_.begin(5s, t0_));
  ASSERT_TRUE(confirmation_.confirm());
  EXPECT_EQ(confirmation_.confirm().error().code, Code::NOT_ENABLED);  // spent
}

TEST_F(ConfirmationTest, OnePendingAtATimeAndATimeoutInRange) {
  EXPECT_EQ(confirmation_.begin(0s, t0_).error().code, Code::INVALID_VALUE);
  EXPECT_EQ(confirmation_.begin(86401s, t0_).error().code, Code::INVALID_VALUE);
  ASSERT_TRUE(confirmation_.begin(10s, t0_));
  auto again = confirmation_.begin(10s, t0_ + 2s);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message(),
            "ALREADY_ENABLED: a change already waits for confirmation (8 s left)");
  EXPECT_EQ(*confirmation_.deadline(), t0_ + 10s);  // the first one's
}

TEST_F(ConfirmationTest, AReloadGoesBackToTheRuntimeStateBeforeIt) {
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));  // runtime only: a reload drops it
  ASSERT_TRUE(fw_.add_interface("dmz", "eth7"));
  ASSERT_TRUE(confirmation_.begin(5s, t0_));
  ASSERT_TRUE(fw_.reload());
  EXPECT_FALSE(port_open());
  ASSERT_TRUE(*confirmation_.expire(t0_ + 5s));
  EXPECT_TRUE(port_open());
  EXPECT_EQ(fw_.zone_of_interface("eth7"), "dmz");
}

TEST_F(ConfirmationTest, ADefaultZoneGoesBackInFirewalldConfToo) {
  ASSERT_TRUE(confirmation_.begin(5s, t0_));
  ASSERT_TRUE(fw_.set_default_zone("dmz"));
  ASSERT_TRUE(*confirmation_.expire(t0_ + 5s));
  EXPECT_EQ(fw_.default_zone(), "public");
  EXPECT_EQ(fw_.permanent().conf.default_zone, "public");
  std::ifstream in(etc_.path() + "/firewalld.conf");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("\nDefaultZone=public\n"), std::string::npos) << text.str();
}

TEST_F(ConfirmationTest, AKernelRefusalLeavesTheChangeAndSpendsTheConfirmation) {
  ASSERT_TRUE(confirmation_.begin(5s, t0_));
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
  netlink_.fail_at(0, EPERM);
  auto undone = confirmation_.expire(t0_ + 5s);
  ASSERT_FALSE(undone);
  EXPECT_EQ(undone.error().code, Code::COMMAND_FAILED);
  EXPECT_TRUE(port_open());
  EXPECT_FALSE(confirmation_.pending());
}

}  // namespace
}  // namespace fwctl::core
