#include "core/permanent.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "config/item_file.hpp"
#include "config/test_support.hpp"
#include "core/permanent_edit.hpp"

namespace fwctl::core {
namespace {

using config::testing::read_text;
using config::testing::TempDir;
namespace fs = std::filesystem;

// The shipped defaults (the repository root) as the default tree and a fresh system tree.
class PermanentTest : public ::testing::Test {
 protected:
  PermanentTest() : paths_{FWCTL_SOURCE_DIR, system_.path()} {
    config_ = config::load_config(paths_).config;
  }

  std::string system_file(const std::string& relative) const {
    return system_.path() + "/" + relative;
  }
  // Nothing at all in the system tree: a refused change wrote nothing.
  bool system_tree_empty() const { return fs::is_empty(system_.path()); }

  TempDir system_;
  config::Paths paths_;
  model::Config config_;
  bool failed_ = false;
  Permanent store_{paths_, config_, [this] { return failed_; }};
};

TEST_F(PermanentTest, AddWritesAnOwnSystemItem) {
  model::Zone zone;
  zone.info.short_ = "Mine";
  zone.ports.push_back({"8080", "tcp"});
  ASSERT_TRUE(store_.add<model::Zone>("mine", zone));
  const auto& item = config_.zones.at("mine");
  EXPECT_EQ(item.value.info.name, "mine");
  EXPECT_EQ(item.path, system_file("zones/mine.xml"));
  EXPECT_EQ(read_text(item.path), config::format_item(item.value));
  ItemFile file = Permanent::file_of(item);
  EXPECT_EQ(file.filename, "mine.xml");
  EXPECT_EQ(file.path, system_file("zones"));
  EXPECT_FALSE(file.builtin);
  EXPECT_TRUE(file.default_);
}

TEST_F(PermanentTest, AddRefusesAnExistingOrBadNameAndWritesNothing) {
  auto conflict = store_.add<model::Zone>("public", model::Zone{});
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().message(), "NAME_CONFLICT: new_zone(): 'public'");
  auto bad = store_.add<model::Service>("a b", model::Service{});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Code::INVALID_NAME);
  EXPECT_TRUE(system_tree_empty());
  EXPECT_FALSE(config_.services.count("a b"));
}

TEST_F(PermanentTest, EditingADefaultItemWritesASystemCopyAndLoadDefaultsRemovesIt) {
  model::Zone before = config_.zones.at("public").value;
  ASSERT_TRUE(store_.edit<model::Zone>(
      "public", [](model::Zone& z) { return add_port(z.ports, "8080", "tcp"); }));
  const auto& item = config_.zones.at("public");
  EXPECT_EQ(item.origin, model::Origin::SystemOverridesDefault);
  EXPECT_EQ(item.path, system_file("zones/public.xml"));
  EXPECT_EQ(read_text(item.path), config::format_item(item.value));
  EXPECT_FALSE(Permanent::file_of(item).builtin);
  EXPECT_FALSE(Permanent::file_of(item).default_);

  ASSERT_TRUE(store_.load_defaults<model::Zone>("public"));
  const auto& restored = config_.zones.at("public");
  EXPECT_EQ(restored.origin, model::Origin::Default);
  EXPECT_EQ(restored.value, before);
  EXPECT_FALSE(fs::exists(system_file("zones/public.xml")));
  EXPECT_TRUE(fs::exists(system_file("zones/public.xml.old")));
  EXPECT_TRUE(Permanent::file_of(restored).builtin);
}

TEST_F(PermanentTest, LoadDefaultsNeedsASystemCopyOfADefault) {
  auto untouched = store_.load_defaults<model::Zone>("public");
  ASSERT_FALSE(untouched);
  EXPECT_EQ(untouched.error().message(), "NO_DEFAULTS: public");
  ASSERT_TRUE(store_.add<model::Zone>("mine", model::Zone{}));
  auto own = store_.load_defaults<model::Zone>("mine");
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().message(), "NO_DEFAULTS: 'mine' not a built-in zone");
}

TEST_F(PermanentTest, BadInputChangesNothing) {
  auto port = store_.edit<model::Zone>(
      "public", [](model::Zone& z) { return add_port(z.ports, "99999", "tcp"); });
  ASSERT_FALSE(port);
  EXPECT_EQ(port.error().code, Code::INVALID_PORT);
  auto service = store_.edit<model::Zone>(
      "public", [](model::Zone& z) { return add_name(z.services, "no-such-service"); });
  ASSERT_FALSE(service);
  EXPECT_EQ(service.error().code, Code::INVALID_SERVICE);
  auto target = store_.edit<model::Zone>("public", [](model::Zone& z) {
    z.target = "REJECT";
    return ok();
  });
  ASSERT_FALSE(target);
  EXPECT_EQ(target.error().code, Code::INVALID_TARGET);
  EXPECT_TRUE(system_tree_empty());
  EXPECT_EQ(config_.zones.at("public").origin, model::Origin::Default);
}

TEST_F(PermanentTest, AnInterfaceBelongsToOneZone) {
  ASSERT_TRUE(store_.edit<model::Zone>(
      "public", [](model::Zone& z) { return add_name(z.interfaces, "eth7"); }));
  auto second = store_.edit<model::Zone>(
      "work", [](model::Zone& z) { return add_name(z.interfaces, "eth7"); });
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, Code::INVALID_INTERFACE);
  EXPECT_FALSE(fs::exists(system_file("zones/work.xml")));
}

TEST_F(PermanentTest, OnlyOwnItemsCanBeRemoved) {
  auto builtin = store_.remove<model::Zone>("public");
  ASSERT_FALSE(builtin);
  EXPECT_EQ(builtin.error().message(), "BUILTIN_ZONE: 'public' is built-in zone");
  ASSERT_TRUE(store_.update<model::Service>("ssh", config_.services.at("ssh").value));
  auto copy = store_.remove<model::Service>("ssh");
  ASSERT_FALSE(copy);
  EXPECT_EQ(copy.error().code, Code::BUILTIN_SERVICE);

  ASSERT_TRUE(store_.add<model::IpSet>("blocked", model::IpSet{{}, "hash:ip", {}, {"10.0.0.1"}}));
  ASSERT_TRUE(store_.remove<model::IpSet>("blocked"));
  EXPECT_FALSE(config_.ipsets.count("blocked"));
  EXPECT_FALSE(fs::exists(system_file("ipsets/blocked.xml")));
  EXPECT_TRUE(fs::exists(system_file("ipsets/blocked.xml.old")));
}

TEST_F(PermanentTest, RemovingAServiceTakesItOutOfTheZonesUsingIt) {
  model::Service web;
  web.ports.push_back({"8443", "tcp"});
  ASSERT_TRUE(store_.add<model::Service>("web", web));
  for (const char* zone : {"public", "work"}) {
    ASSERT_TRUE(
        store_.edit<model::Zone>(zone, [](model::Zone& z) { return add_name(z.services, "web"); }));
  }
  auto cascade = store_.remove<model::Service>("web");
  ASSERT_TRUE(cascade);
  EXPECT_EQ(cascade->zones, (std::vector<std::string>{"public", "work"}));
  EXPECT_FALSE(has_name(config_.zones.at("work").value.services, "web"));
  EXPECT_EQ(read_text(system_file("zones/work.xml")),
            config::format_item(config_.zones.at("work").value));
}

TEST_F(PermanentTest, RenameMovesTheFile) {
  model::Zone zone;
  zone.interfaces.push_back("eth9");
  ASSERT_TRUE(store_.add<model::Zone>("old", zone));
  auto builtin = store_.rename<model::Zone>("public", "other");
  ASSERT_FALSE(builtin);
  EXPECT_EQ(builtin.error().code, Code::BUILTIN_ZONE);
  auto taken = store_.rename<model::Zone>("old", "work");
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().message(), "NAME_CONFLICT: new_zone(): 'work'");
  // The interface moves with the zone: no conflict with the zone it leaves.
  ASSERT_TRUE(store_.rename<model::Zone>("old", "new"));
  EXPECT_FALSE(config_.zones.count("old"));
  EXPECT_EQ(config_.zones.at("new").value.interfaces, std::vector<std::string>{"eth9"});
  EXPECT_TRUE(fs::exists(system_file("zones/new.xml")));
  EXPECT_FALSE(fs::exists(system_file("zones/old.xml")));
}

TEST_F(PermanentTest, SetConfValidatesAndWritesFirewalldConf) {
  auto bad = store_.set_conf("Lockdown", "maybe");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "INVALID_VALUE: 'maybe' for Lockdown");
  auto backend = store_.set_conf("FirewallBackend", "xtables");
  ASSERT_FALSE(backend);
  EXPECT_TRUE(system_tree_empty());
  auto ignored = store_.set_conf("MinimalMark", "5");
  ASSERT_TRUE(ignored);
  EXPECT_FALSE(*ignored);
  auto set = store_.set_conf("LogDenied", "all");
  ASSERT_TRUE(set);
  EXPECT_TRUE(*set);
  EXPECT_EQ(config_.conf.log_denied, "all");
  EXPECT_NE(read_text(system_file("firewalld.conf")).find("LogDenied=all"), std::string::npos);
}

TEST_F(PermanentTest, NothingChangesInStateFailed) {
  failed_ = true;
  auto refused = store_.add<model::Zone>("mine", model::Zone{});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Code::RUNNING_BUT_FAILED);
  EXPECT_FALSE(store_.set_conf("LogDenied", "all"));
  EXPECT_TRUE(system_tree_empty());
}

TEST(PermanentEdit, PortsMergeAndSplitAsFirewalldDoes) {
  std::vector<model::PortProto> ports{{"80", "tcp"}, {"82", "tcp"}, {"80", "udp"}};
  ASSERT_TRUE(add_port(ports, "80-85", "tcp"));
  EXPECT_EQ(ports, (std::vector<model::PortProto>{{"80", "udp"}, {"80-85", "tcp"}}));
  auto again = add_port(ports, "81", "tcp");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message(), "ALREADY_ENABLED: 81:tcp");
  ASSERT_TRUE(remove_port(ports, "82-83", "tcp"));
  EXPECT_EQ(ports,
            (std::vector<model::PortProto>{{"80", "udp"}, {"80-81", "tcp"}, {"84-85", "tcp"}}));
  auto missing = remove_port(ports, "90", "tcp");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message(), "NOT_ENABLED: 90:tcp");
}

TEST(PermanentEdit, RichRulesCompareInCanonicalForm) {
  std::vector<model::RichRule> rules;
  ASSERT_TRUE(add_rich_rule(rules, "rule family=ipv4 source address=10.0.0.1 accept"));
  auto again = add_rich_rule(rules, "rule family=\"ipv4\" source address=\"10.0.0.1\" accept");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Code::ALREADY_ENABLED);
  EXPECT_FALSE(add_rich_rule(rules, "rule bogus"));
  ASSERT_TRUE(remove_rich_rule(rules, "rule family=\"ipv4\" source address=\"10.0.0.1\" accept"));
  EXPECT_TRUE(rules.empty());
}

TEST(PermanentEdit, SourcesKeepTheirKind) {
  EXPECT_EQ(zone_source("ipset:blocked").ipset, "blocked");
  EXPECT_EQ(zone_source("00:11:22:33:44:55").mac, "00:11:22:33:44:55");
  EXPECT_EQ(zone_source("10.0.0.0/8").address, "10.0.0.0/8");
}

// config_service / config_helper: pairs compared whole, no range merging.
TEST(PermanentEdit, ServicePortsArePairs) {
  std::vector<model::PortProto> ports{{"80-85", "tcp"}};
  ASSERT_TRUE(add_port_entry(ports, {"81", "tcp"}));
  EXPECT_EQ(ports, (std::vector<model::PortProto>{{"80-85", "tcp"}, {"81", "tcp"}}));
  auto again = add_port_entry(ports, {"81", "tcp"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message(), "ALREADY_ENABLED: 81:tcp");
  EXPECT_FALSE(has_port_entry(ports, {"82", "tcp"}));
  auto missing = remove_port_entry(ports, {"82", "tcp"});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message(), "NOT_ENABLED: 82:tcp");
  ASSERT_TRUE(remove_port_entry(ports, {"80-85", "tcp"}));
  EXPECT_EQ(ports, (std::vector<model::PortProto>{{"81", "tcp"}}));
}

TEST(PermanentEdit, DictKeysKeepTheirPlace) {
  Pairs dict{{"family", "inet"}, {"maxelem", "10"}};
  ASSERT_TRUE(set_key(dict, "family", "inet6"));
  ASSERT_TRUE(set_key(dict, "timeout", "0"));
  EXPECT_EQ(dict, (Pairs{{"family", "inet6"}, {"maxelem", "10"}, {"timeout", "0"}}));
  auto same = set_key(dict, "maxelem", "10");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().message(), "ALREADY_ENABLED: 'maxelem': '10'");
  EXPECT_TRUE(has_key_value(dict, "timeout", "0"));
  EXPECT_FALSE(has_key_value(dict, "timeout", "1"));
  ASSERT_TRUE(remove_key(dict, "family"));
  auto gone = remove_key(dict, "family");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().message(), "NOT_ENABLED: family");
}

TEST(PermanentEdit, HelperValueAndIcmpDestinations) {
  std::string family = "ipv4";
  auto same = set_value(family, "ipv4");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().message(), "ALREADY_ENABLED: 'ipv4'");
  ASSERT_TRUE(set_value(family, ""));
  EXPECT_EQ(family, "");

  std::vector<std::string> both;  // empty: both families
  ASSERT_TRUE(remove_icmp_destination(both, "ipv4"));
  EXPECT_EQ(both, std::vector<std::string>{"ipv6"});
  auto missing = remove_icmp_destination(both, "ipv4");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message(), "NOT_ENABLED: ipv4");
}

TEST(PermanentEdit, ServiceDestinationsAsADict) {
  model::Service service;
  service.destination_ipv6 = "fd00::1";
  EXPECT_EQ(service_destinations(service), (Pairs{{"ipv6", "fd00::1"}}));
  ASSERT_TRUE(set_service_destinations(service, {{"ipv4", "10.0.0.1"}}));
  EXPECT_EQ(service.destination_ipv4, "10.0.0.1");
  EXPECT_EQ(service.destination_ipv6, "");
  auto bad = set_service_destinations(service, {{"ipv5", "x"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "INVALID_DESTINATION: 'ipv5' not in {'ipv4'|'ipv6'}");
  EXPECT_EQ(service.destination_ipv4, "10.0.0.1");
}

TEST(PermanentEdit, IpSetTypeAndServiceModule) {
  model::IpSet ipset;
  auto bad = set_ipset_type(ipset, "hash:foo");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "INVALID_TYPE: hash:foo");
  ASSERT_TRUE(set_ipset_type(ipset, "hash:net"));
  EXPECT_EQ(ipset.type, "hash:net");
  EXPECT_EQ(service_module("nf_conntrack_netbios_ns"), "netbios-ns");
  EXPECT_EQ(service_module("ftp"), "ftp");
}

TEST(PermanentEdit, IpSetEntriesAsConfigIpSet) {
  model::IpSet ipset;
  ipset.type = "hash:net";
  ASSERT_TRUE(add_ipset_entry(ipset, "10.1.2.3/8"));
  EXPECT_EQ(ipset.entries, std::vector<std::string>{"10.0.0.0/8"});
  auto again = add_ipset_entry(ipset, "10.0.0.0/8");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message(), "ALREADY_ENABLED: 10.0.0.0/8");
  auto overlap = add_ipset_entry(ipset, "10.1.0.0/16");
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().code, Code::INVALID_ENTRY);
  EXPECT_TRUE(*has_ipset_entry(ipset, "10.9.9.9/8"));
  ASSERT_TRUE(remove_ipset_entry(ipset, "10.9.9.9/8"));
  EXPECT_TRUE(ipset.entries.empty());
  EXPECT_FALSE(set_ipset_entries(ipset, {"10.0.0.0/8", "10.1.0.0/16"}));
  ASSERT_TRUE(set_ipset_entries(ipset, {"192.168.0.0/24", "10.0.0.0/8"}));
  EXPECT_EQ(ipset.entries.size(), 2u);

  ipset.options = {{"timeout", "60"}};
  for (auto st : {add_ipset_entry(ipset, "172.16.0.0/12"), remove_ipset_entry(ipset, "10.0.0.0/8"),
                  set_ipset_entries(ipset, {})}) {
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().message(), "IPSET_WITH_TIMEOUT");
  }
  EXPECT_FALSE(has_ipset_entry(ipset, "10.0.0.0/8"));
}

}  // namespace
}  // namespace fwctl::core
