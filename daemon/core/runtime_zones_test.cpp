// RuntimeZones alone, with a commit point of the test's own that accepts or refuses: what the
// part describes (an element as an edit in place, a binding as the next bindings), that nothing
// of its own state changes unless the commit point accepted, and who bound what. The Firewall
// tests (firewall_zone_test, firewall_bindings_test, firewall_nm_bindings_test,
// firewall_zone_timers_test, splice_change_test) cover the part behind the real commit point.

#include "core/runtime_zones.hpp"

#include <gtest/gtest.h>

#include "config/loader.hpp"

namespace fwctl::core {
namespace {

using namespace std::chrono_literals;
using Strings = std::vector<std::string>;

// The stock configuration, as loaded; "public" the default zone.
class RuntimeZonesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = config::load_config({FWCTL_SOURCE_DIR, FWCTL_SOURCE_DIR});
    ASSERT_TRUE(loaded.errors.empty());
    runtime_ = std::move(loaded.config);
    compiler::RuntimeBindings bindings;
    bindings.default_zone = "public";
    zones_.loaded(std::move(bindings));
    zones_.set_clock([this] { return now_; });
  }

  // As Firewall::commit_runtime does, without a kernel: the change made (the edit in place,
  // the zones swapped in), then kept or, when refusing, taken back.
  Status commit(RuntimeChange change) {
    changes_.push_back(change);
    if (change.in_place)
      apply(runtime_.zones.at(change.in_place->zone).value, change.in_place->edit);
    if (refuse_) {
      if (change.in_place)
        undo(runtime_.zones.at(change.in_place->zone).value, change.in_place->edit);
      return fail(Code::COMMAND_FAILED, "refused");
    }
    for (auto& [name, zone] : change.zones) runtime_.zones.at(name).value = std::move(zone);
    if (change.bindings) zones_.adopt(std::move(*change.bindings));
    return ok();
  }

  const model::Zone& public_zone() const { return runtime_.zones.at("public").value; }

  model::Config runtime_;
  std::vector<RuntimeChange> changes_;
  bool refuse_ = false;
  SteadyTime now_{};
  RuntimeZones zones_{runtime_, [this](RuntimeChange c) { return commit(std::move(c)); }};
};

TEST_F(RuntimeZonesTest, AnElementIsAnEditInPlaceNotACopyOfTheZone) {
  const size_t ports = public_zone().ports.size();
  auto added = zones_.add_item("", {ZoneElement::Port, {"8080", "tcp"}});
  ASSERT_TRUE(added);
  EXPECT_EQ(*added, "public");
  ASSERT_EQ(changes_.size(), 1u);
  const RuntimeChange& change = changes_[0];
  EXPECT_TRUE(change.zones.empty());
  ASSERT_TRUE(change.in_place);
  EXPECT_EQ(change.in_place->zone, "public");
  ASSERT_TRUE(change.element);  // one port appended: spliced
  EXPECT_TRUE(change.element->added);
  EXPECT_EQ(change.element->index, ports);
  EXPECT_EQ(change.element->port, (model::PortProto{"8080", "tcp"}));
  EXPECT_EQ(change.scope.zones, Strings{"public"});
  EXPECT_EQ(public_zone().ports.back(), (model::PortProto{"8080", "tcp"}));
}

TEST_F(RuntimeZonesTest, ARefusedElementLeavesTheZoneAndStartsNoTimer) {
  const model::Zone before = public_zone();
  refuse_ = true;
  EXPECT_FALSE(zones_.add_item("public", {ZoneElement::Service, {"http"}}, 30));
  EXPECT_FALSE(zones_.remove_item("public", {ZoneElement::Service, {"ssh"}}));
  EXPECT_EQ(public_zone(), before);
  EXPECT_FALSE(zones_.next_deadline());
}

TEST_F(RuntimeZonesTest, ACheckThatFailsCommitsNothing) {
  auto again = zones_.add_item("public", {ZoneElement::Service, {"ssh"}});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Code::ALREADY_ENABLED);
  EXPECT_FALSE(zones_.add_item("nowhere", {ZoneElement::Service, {"http"}}));
  EXPECT_FALSE(zones_.add_item("public", {ZoneElement::Service, {"http"}}, -1));
  EXPECT_TRUE(changes_.empty());
}

TEST_F(RuntimeZonesTest, ATimedAdditionGoesThroughTheCommitPointWhenDue) {
  ASSERT_TRUE(zones_.add_item("public", {ZoneElement::Service, {"http"}}, 5));
  EXPECT_EQ(zones_.next_deadline(), now_ + 5s);
  auto removed = zones_.expire(now_ + 6s);
  ASSERT_TRUE(removed);
  EXPECT_EQ(*removed, (std::vector<TimedItem>{{"public", {ZoneElement::Service, {"http"}}}}));
  EXPECT_EQ(changes_.back().scope.zones, Strings{"public"});
  EXPECT_EQ(public_zone().services, (Strings{"ssh", "dhcpv6-client"}));
  EXPECT_FALSE(zones_.next_deadline());
}

TEST_F(RuntimeZonesTest, BindingsChangeOnlyOnceTheCommitPointAccepted) {
  refuse_ = true;
  EXPECT_FALSE(zones_.add_interface("", "eth1"));
  EXPECT_TRUE(zones_.bindings().interfaces.empty());
  EXPECT_TRUE(zones_.saved().default_zone_interfaces.empty());
  refuse_ = false;
  ASSERT_TRUE(zones_.add_interface("", "eth1"));
  EXPECT_EQ(zones_.zone_of_interface("eth1"), "public");
  EXPECT_EQ(zones_.saved().default_zone_interfaces, Strings{"eth1"});
  const RuntimeChange& change = changes_.back();
  ASSERT_TRUE(change.bindings);
  EXPECT_EQ(change.scope.zones, Strings{"public"});
  EXPECT_TRUE(change.scope.shared_chains);
}

TEST_F(RuntimeZonesTest, TheDefaultZoneTakesTheInterfacesAddedToIt) {
  ASSERT_TRUE(zones_.add_interface("", "eth1"));
  ASSERT_TRUE(zones_.add_interface("public", "eth2"));
  auto next = zones_.default_zone_change("home");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->zone, "home");
  ASSERT_TRUE(next->change.bindings);
  EXPECT_EQ(next->change.bindings->default_zone, "home");
  EXPECT_EQ(next->change.bindings->interfaces.at("home"), Strings{"eth1"});
  EXPECT_EQ(next->change.bindings->interfaces.at("public"), Strings{"eth2"});
  EXPECT_EQ(zones_.default_zone(), "public");  // described, not made
  auto same = zones_.default_zone_change("");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, Code::ZONE_ALREADY_SET);
}

TEST_F(RuntimeZonesTest, NetworkManagersInterfacesAreKeptUntilSomeoneElseMovesThem) {
  ASSERT_TRUE(zones_.add_interface("", "nm0", Binder::NetworkManager));
  ASSERT_TRUE(zones_.add_interface("work", "nm1", Binder::NetworkManager));
  EXPECT_EQ(zones_.nm_interfaces(), (Strings{"nm0", "nm1"}));
  ASSERT_TRUE(zones_.change_zone_of_interface("home", "nm1"));
  EXPECT_EQ(zones_.nm_interfaces(), Strings{"nm0"});

  // A reload that flushes the bindings keeps nm0, which follows the new default zone.
  compiler::RuntimeBindings next;
  next.default_zone = "work";
  zones_.keep_nm_interfaces(runtime_, next);
  EXPECT_EQ(next.interfaces.at("work"), Strings{"nm0"});
  zones_.loaded(next);
  EXPECT_EQ(zones_.nm_interfaces(), Strings{"nm0"});
  compiler::RuntimeBindings none;
  none.default_zone = "work";
  zones_.loaded(none);  // nm0 no longer bound: forgotten
  EXPECT_TRUE(zones_.nm_interfaces().empty());
}

TEST_F(RuntimeZonesTest, AReloadThatKeepsTheRuntimeBindingsPutsEachInterfaceBack) {
  ASSERT_TRUE(zones_.add_interface("work", "eth1"));
  compiler::RuntimeBindings next;
  next.default_zone = "public";
  next.interfaces["home"] = {"eth1"};  // the files bind it elsewhere
  zones_.keep_interfaces(runtime_, next);
  EXPECT_EQ(next.interfaces.at("work"), Strings{"eth1"});
  EXPECT_TRUE(next.interfaces.at("home").empty());
}

}  // namespace
}  // namespace fwctl::core
