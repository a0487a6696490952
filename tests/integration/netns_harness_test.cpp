// The traffic tests' plumbing, with no firewall anywhere: it must tell the outcomes apart and
// report the source address the listener saw before the firewall tests can rely on it.
//
// Needs root; exits 77 (skipped) without.

#include "netns_harness.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>

namespace fwctl::integration {
namespace {

class NetnsHarness : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lab = Lab::create();
    ASSERT_TRUE(lab) << lab.error().message();
    lab_.emplace(std::move(*lab));
  }

  // A listener on `port` in `ns`, failing the test when it cannot be opened.
  Listener listen(const Netns& ns, uint16_t port) {
    auto listener = Listener::open(ns, port);
    EXPECT_TRUE(listener) << listener.error().message();
    return std::move(*listener);
  }

  std::optional<Lab> lab_;
};

TEST_F(NetnsHarness, ClientConnectsToAListenerAndIsSeenWithItsAddress) {
  auto listener = listen(lab_->router, 22);
  EXPECT_EQ(connect_from(lab_->client, Lab::kRouterInside, 22), Outcome::Connected);
  auto peer = listener.accept_peer();
  ASSERT_TRUE(peer) << peer.error().message();
  EXPECT_EQ(*peer, Lab::kClient);
}

TEST_F(NetnsHarness, ClientConnectsFromItsSecondAddressWhenAskedTo) {
  auto listener = listen(lab_->router, 22);
  EXPECT_EQ(connect_from(lab_->client, Lab::kRouterInside, 22, Lab::kSecondClient),
            Outcome::Connected);
  auto peer = listener.accept_peer();
  ASSERT_TRUE(peer) << peer.error().message();
  EXPECT_EQ(*peer, Lab::kSecondClient);
}

TEST_F(NetnsHarness, ClientConnectsOverIpv6) {
  auto listener = listen(lab_->router, 22);
  EXPECT_EQ(connect_from(lab_->client, Lab::kRouterInside6, 22), Outcome::Connected);
  auto peer = listener.accept_peer();
  ASSERT_TRUE(peer) << peer.error().message();
  EXPECT_EQ(*peer, Lab::kClient6);
}

TEST_F(NetnsHarness, PortWithoutListenerIsRefusedByAReset) {
  EXPECT_EQ(connect_from(lab_->client, Lab::kRouterInside, 8080), Outcome::Refused);
}

TEST_F(NetnsHarness, RouterForwardsAndTheBackendSeesTheClientsOwnAddress) {
  ASSERT_TRUE(lab_->route_backend_to_client());
  auto listener = listen(lab_->backend, 8080);
  EXPECT_EQ(connect_from(lab_->client, Lab::kBackend, 8080), Outcome::Connected);
  auto peer = listener.accept_peer();
  ASSERT_TRUE(peer) << peer.error().message();
  EXPECT_EQ(*peer, Lab::kClient);
}

TEST_F(NetnsHarness, BackendWithoutARouteBackLeavesTheClientTimingOut) {
  auto listener = listen(lab_->backend, 8080);
  EXPECT_EQ(connect_from(lab_->client, Lab::kBackend, 8080), Outcome::TimedOut);
}

}  // namespace
}  // namespace fwctl::integration

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (geteuid() != 0) {
    std::fprintf(stderr, "skipped: needs root for network namespaces\n");
    return 77;
  }
  return RUN_ALL_TESTS();
}
