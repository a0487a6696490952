// bus::ConfigObjects on a private dbus-daemon (no root): the per-item objects under /config are
// exported when a call first reaches their path (issue 13: idle memory, start-up), yet every
// item answers at its path from the start, Introspect of /config and /config/<kind> names every
// item, and Updated of an item no call has reached comes from its path.
#include "bus/config_objects.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <sdbus-c++/sdbus-c++.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "bus/authorizer.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"
#include "private_bus.hpp"

namespace {

constexpr const char* kBusName = "org.fedoraproject.FirewallD1";
constexpr const char* kConfig = "/org/fedoraproject/FirewallD1/config";

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The firewall on the shipped defaults (the source tree) and an empty system tree.
class Defaults {
 public:
  Defaults() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "fwctl-objects-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    etc_ = tmpl;
    fw_ = std::make_unique<fwctl::core::Firewall>(
        fwctl::config::Paths{FWCTL_SOURCE_DIR, etc_.string()}, netlink_);
  }
  ~Defaults() {
    std::error_code ignored;
    std::filesystem::remove_all(etc_, ignored);
  }
  fwctl::core::Firewall& fw() { return *fw_; }

 private:
  std::filesystem::path etc_;
  fwctl::nft::FakeNetlink netlink_;
  std::unique_ptr<fwctl::core::Firewall> fw_;
};

// Processes `client` until `done` or 20 s have passed (a bound for a dead bus, not a timing).
void process_until(sdbus::IConnection& client, const bool& done) {
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done && std::chrono::steady_clock::now() < end) {
    while (client.processPendingRequest()) {
    }
    if (done) return;
    auto data = client.getEventLoopPollData();
    pollfd fd{data.fd, data.events, 0};
    ::poll(&fd, 1, 100);
  }
}

TEST(ConfigObjects, ExportsAnItemsObjectWhenACallFirstReachesItsPath) {
  fwctl::testing::PrivateBus bus("fwctl-objects");
  ASSERT_FALSE(bus.address().empty()) << "dbus-daemon did not start";
  Defaults defaults;
  ASSERT_TRUE(defaults.fw().start());
  const auto& permanent = defaults.fw().permanent();
  ASSERT_EQ(permanent.ipsets.size(), 0u);  // an empty kind: no node of its own

  auto server = sdbus::createSessionBusConnectionWithAddress(bus.address());
  auto config_object = sdbus::createObject(*server, kConfig);
  fwctl::bus::Authorizer authorizer(*server);
  fwctl::bus::ConfigObjects objects(*server, *config_object, authorizer,
                                    defaults.fw().permanent_store());
  objects.rebuild();
  EXPECT_EQ(objects.exported(), 0u);
  auto services = objects.paths<fwctl::model::Service>();
  ASSERT_EQ(services.size(), permanent.services.size());
  EXPECT_TRUE(objects.serves(services.front()));

  // Updated of an item not exported: sent from the item's path all the same, nothing exported.
  auto client = sdbus::createSessionBusConnectionWithAddress(bus.address());
  std::string public_path = *objects.path_of<fwctl::model::Zone>("public");
  std::string updated;
  bool got = false;
  auto match = client->addMatch("type='signal',member='Updated',path='" + public_path + "'",
                                [&](sdbus::Message& signal) {
                                  signal >> updated;
                                  got = true;
                                });
  objects.updated<fwctl::model::Zone>("public");
  process_until(*client, got);
  EXPECT_EQ(updated, "public");
  EXPECT_EQ(objects.exported(), 0u);
  // An item removed leaves the listing at once.
  objects.remove<fwctl::model::Service>("http");

  server->requestName(kBusName);
  std::thread loop([&] { server->enterEventLoop(); });
  struct Stop {  // even when an assertion returns early
    sdbus::IConnection& server;
    std::thread& loop;
    ~Stop() {
      server.leaveEventLoop();
      loop.join();
    }
  } stop{*server, loop};
  auto introspect = [&](const std::string& path) {
    std::string xml;
    sdbus::createProxy(*client, kBusName, path)
        ->callMethod("Introspect")
        .onInterface("org.freedesktop.DBus.Introspectable")
        .storeResultsTo(xml);
    return xml;
  };
  std::string kinds = introspect(kConfig);
  for (const char* kind : {"helper", "icmptype", "policy", "service", "zone"}) {
    EXPECT_EQ(count(kinds, std::string("<node name=\"") + kind + "\"/>"), 1u) << kind;
  }
  EXPECT_EQ(count(kinds, "<node name=\"ipset\"/>"), 0u);
  EXPECT_EQ(count(introspect(std::string(kConfig) + "/service"), "<node name="),
            permanent.services.size() - 1);
  EXPECT_EQ(count(introspect(std::string(kConfig) + "/zone"), "<node name="),
            permanent.zones.size());
  EXPECT_EQ(objects.exported(), 0u);

  std::string ssh_path = *objects.path_of<fwctl::model::Service>("ssh");
  sdbus::Variant name = sdbus::createProxy(*client, kBusName, ssh_path)
                            ->getProperty("name")
                            .onInterface("org.fedoraproject.FirewallD1.config.service");
  EXPECT_EQ(name.get<std::string>(), "ssh");
  EXPECT_EQ(objects.exported(), 1u);
  EXPECT_NE(count(introspect(ssh_path), "org.fedoraproject.FirewallD1.config.service"), 0u);
  EXPECT_EQ(objects.exported(), 1u);
}

}  // namespace
