// Firewall: start, fallback, reload, stop and the read-only queries, against a FakeNetlink.

#include "core/firewall.hpp"

#include <gtest/gtest.h>

#include <cerrno>

#include "compiler/compiler.hpp"
#include "config/test_support.hpp"
#include "nft/batch_text.hpp"
#include "nft/fake_netlink.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

constexpr const char* kPublicWithEth0 =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<zone>\n  <short>Public</short>\n"
    "  <service name=\"ssh\"/>\n  <interface name=\"eth0\"/>\n"
    "  <source address=\"10.1.0.0/16\"/>\n</zone>\n";

class FirewallTest : public ::testing::Test {
 protected:
  Firewall make() { return Firewall({FWCTL_SOURCE_DIR, etc_.path()}, netlink_); }

  // What a whole-table load of the configuration in the two trees sends.
  std::vector<std::string> expected_batch() const {
    auto loaded = config::load_config({FWCTL_SOURCE_DIR, etc_.path()});
    auto ruleset = compiler::compile(loaded.config, compiler::bindings_from_config(loaded.config));
    EXPECT_TRUE(ruleset);
    // Firewall loads through KernelRuleset: the same whole-table batch, with rule echoes.
    nft::FakeNetlink fake;
    KernelRuleset kernel(fake);
    EXPECT_TRUE(kernel.load(std::move(*ruleset)));
    return fake.sent().empty() ? std::vector<std::string>{} : fake.sent().back();
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
};

TEST_F(FirewallTest, StartsInStateInitAndProgramsNothingBeforeStart) {
  Firewall fw = make();
  EXPECT_EQ(fw.state(), State::Init);
  EXPECT_STREQ(to_string(fw.state()), "INIT");
  EXPECT_TRUE(netlink_.sent().empty());
}

TEST_F(FirewallTest, StartProgramsTheWholeTableInOneBatch) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Running);
  EXPECT_STREQ(to_string(fw.state()), "RUNNING");
  EXPECT_EQ(fw.failure(), nullptr);
  ASSERT_EQ(netlink_.committed().size(), 1u);
  EXPECT_EQ(netlink_.committed()[0], expected_batch());
}

TEST_F(FirewallTest, ListsTheStockItemsSorted) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.default_zone(), "public");
  EXPECT_EQ(fw.zone_names(), (std::vector<std::string>{"block", "dmz", "drop", "external", "home",
                                                       "internal", "public", "trusted", "work"}));
  auto services = fw.service_names();
  EXPECT_EQ(services.size(), 221u);
  EXPECT_TRUE(std::is_sorted(services.begin(), services.end()));
  EXPECT_EQ(fw.icmptype_names().size(), 45u);
}

TEST_F(FirewallTest, ZoneSettingsOfTheDefaultZone) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  auto settings = fw.zone_settings("");
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->short_, "Public Network");
  EXPECT_EQ(settings->target, "default");
  EXPECT_EQ(settings->services, (std::vector<std::string>{"ssh", "dhcpv6-client"}));
  EXPECT_TRUE(settings->forward);
  EXPECT_FALSE(settings->masquerade);
  EXPECT_TRUE(settings->interfaces.empty());
  EXPECT_EQ(*fw.zone_settings("public"), *settings);
}

TEST_F(FirewallTest, UnknownZoneIsInvalidZone) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  auto settings = fw.zone_settings("nope");
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().message(), "INVALID_ZONE: nope");
  EXPECT_EQ(fw.service("nope").error().code, Code::INVALID_SERVICE);
  EXPECT_EQ(fw.icmptype("nope").error().code, Code::INVALID_ICMPTYPE);
  EXPECT_EQ((*fw.service("ssh"))->ports.at(0).port, "22");
}

TEST_F(FirewallTest, BindingsFromTheFilesMakeZonesActive) {
  etc_.write("zones/public.xml", kPublicWithEth0);
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.active_zones(), (std::vector<ActiveZone>{{"public", {"eth0"}, {"10.1.0.0/16"}}}));
  EXPECT_EQ(fw.zone_of_interface("eth0"), "public");
  EXPECT_EQ(fw.zone_of_interface("eth1"), "");
  EXPECT_EQ(fw.zone_of_source("10.1.0.0/16"), "public");
  EXPECT_EQ(fw.zone_settings("public")->interfaces, std::vector<std::string>{"eth0"});
}

TEST_F(FirewallTest, AnUnknownDefaultZoneFallsBackToPublic) {
  etc_.write("firewalld.conf", "DefaultZone=nowhere\n");
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Running);
  EXPECT_EQ(fw.default_zone(), "public");
}

// Suite case 124: firewalld logs read()'s error, then the OSError and the fallback as warnings,
// and nothing else about the missing file.
TEST_F(FirewallTest, AMissingFirewalldConfIsLoggedAsFirewalldDoes) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Running);
  std::string path = etc_.path() + "/firewalld.conf";
  std::string os_error = "[Errno 2] No such file or directory: '" + path + "'";
  std::vector<std::pair<Error::LogLevel, std::string>> logged;
  for (const Error& w : fw.warnings()) logged.emplace_back(w.log_level, w.log_line());
  std::vector<std::pair<Error::LogLevel, std::string>> expected = {
      {Error::LogLevel::Error, "Failed to load '" + path + "': " + os_error},
      {Error::LogLevel::Warning, os_error},
      {Error::LogLevel::Warning, "Using fallback firewalld configuration settings."},
  };
  EXPECT_EQ(logged, expected);
  ASSERT_TRUE(fw.reload());  // firewalld reads firewalld.conf again on reload, and logs again
  EXPECT_EQ(fw.warnings().size(), 3u);
}

// Suite case 105: a direct.xml expat refuses is logged at ERROR, and firewalld goes on.
TEST_F(FirewallTest, ABrokenDirectXmlIsLoggedAsFirewalldDoes) {
  etc_.write("firewalld.conf", "DefaultZone=public\n");
  etc_.write("direct.xml",
             "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<direct>\n"
             "<rule table=\"filter\" chain=\"INPUT\" ipv=\"ipv4\" priority=\"1\">-j ACCEPT\n"
             "</direct>\n");
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Running);
  ASSERT_FALSE(fw.warnings().empty());  // then the direct layer's lack of a command runner
  EXPECT_EQ(fw.warnings()[0].log_level, Error::LogLevel::Error);
  EXPECT_EQ(fw.warnings()[0].log_line(),
            "Failed to load direct rules file '" + etc_.path() +
                "/direct.xml': INVALID_TYPE: Not a valid file: mismatched tag: line 4, column 2");
}

TEST_F(FirewallTest, ABrokenFileFallsBackToTheStockConfigurationInStateFailed) {
  etc_.write("firewalld.conf", "DefaultZone=home\n");
  etc_.write("zones/mine.xml", "<zone><service name=\"no-such-service\"/></zone>\n");
  etc_.write("zones/broken.xml", "<zone");
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Failed);
  EXPECT_STREQ(to_string(fw.state()), "FAILED");
  ASSERT_NE(fw.failure(), nullptr);
  EXPECT_EQ(fw.default_zone(), "public");  // firewalld.conf's built-in default
  EXPECT_EQ(fw.zone_names().size(), 9u);
  ASSERT_EQ(netlink_.committed().size(), 1u);
}

TEST_F(FirewallTest, AKernelRefusalAtStartFallsBackInStateFailed) {
  netlink_.fail_at(3, EINVAL);
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Failed);
  ASSERT_NE(fw.failure(), nullptr);
  EXPECT_EQ(fw.failure()->code, Code::COMMAND_FAILED);
  EXPECT_EQ(netlink_.sent().size(), 2u);
  EXPECT_EQ(netlink_.committed().size(), 1u);
}

TEST_F(FirewallTest, StartFailsWhenEvenTheFallbackCannotBeApplied) {
  Firewall fw({etc_.path() + "/no-default-tree", etc_.path()}, netlink_);
  EXPECT_FALSE(fw.start());  // no block, drop or trusted zone
  EXPECT_EQ(fw.state(), State::Failed);
  EXPECT_TRUE(netlink_.committed().empty());
}

TEST_F(FirewallTest, ReloadRereadsTheFilesAndReplacesTheTable) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  etc_.write("firewalld.conf", "DefaultZone=home\n");
  ASSERT_TRUE(fw.reload());
  EXPECT_EQ(fw.default_zone(), "home");
  EXPECT_EQ(fw.runtime().conf.default_zone, "home");
  ASSERT_EQ(netlink_.committed().size(), 2u);
  EXPECT_EQ(netlink_.committed()[1], expected_batch());
}

TEST_F(FirewallTest, ReloadOfABrokenConfigurationChangesNothing) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  etc_.write("firewalld.conf", "DefaultZone=home\n");
  etc_.write("zones/broken.xml", "<zone");
  EXPECT_FALSE(fw.reload());
  EXPECT_EQ(fw.state(), State::Running);
  EXPECT_EQ(fw.default_zone(), "public");
  EXPECT_EQ(netlink_.sent().size(), 1u);
}

TEST_F(FirewallTest, ReloadOfRulesTheCompilerRefusesEndsInStateFailedWithTheOldRuleset) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  etc_.write("zones/public.xml",
             "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<zone>\n  <rule family=\"ipv4\">\n"
             "    <destination address=\"192.168.122.235/32\"/>\n    <service name=\"mdns\"/>\n"
             "    <accept/>\n  </rule>\n</zone>\n");
  Status reloaded = fw.reload();
  ASSERT_FALSE(reloaded);
  EXPECT_EQ(reloaded.error().code, Code::INVALID_RULE);
  EXPECT_EQ(fw.state(), State::Failed);
  ASSERT_NE(fw.failure(), nullptr);
  EXPECT_EQ(fw.failure()->code, Code::INVALID_RULE);
  EXPECT_EQ(netlink_.sent().size(), 1u);  // nothing sent: the start's ruleset stays
  std::filesystem::remove(etc_.path() + "/zones/public.xml");
  ASSERT_TRUE(fw.reload());
  EXPECT_EQ(fw.state(), State::Running);
}

TEST_F(FirewallTest, ReloadRefusedByTheKernelChangesNothing) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  etc_.write("firewalld.conf", "DefaultZone=home\n");
  netlink_.fail_at(0, EPERM);
  EXPECT_FALSE(fw.reload());
  EXPECT_EQ(fw.default_zone(), "public");
  EXPECT_EQ(fw.state(), State::Running);
}

TEST_F(FirewallTest, ReloadDropsRuntimeInterfacesByDefault) {
  etc_.write("zones/public.xml", kPublicWithEth0);
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  std::filesystem::remove(etc_.path() + "/zones/public.xml");
  ASSERT_TRUE(fw.reload());
  EXPECT_EQ(fw.zone_of_interface("eth0"), "");
  EXPECT_TRUE(fw.active_zones().empty());
}

TEST_F(FirewallTest, ReloadKeepsInterfacesWhenFlushAllOnReloadIsOff) {
  etc_.write("zones/public.xml", kPublicWithEth0);
  etc_.write("firewalld.conf", "FlushAllOnReload=no\n");
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  std::filesystem::remove(etc_.path() + "/zones/public.xml");
  ASSERT_TRUE(fw.reload());
  EXPECT_EQ(fw.zone_of_interface("eth0"), "public");
  EXPECT_EQ(fw.zone_of_source("10.1.0.0/16"), "");  // firewalld keeps interfaces only
}

TEST_F(FirewallTest, TheFlushAllOnReloadInForceDecidesAReloadNotTheNewOne) {
  etc_.write("zones/public.xml", kPublicWithEth0);
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  std::filesystem::remove(etc_.path() + "/zones/public.xml");
  etc_.write("firewalld.conf", "FlushAllOnReload=no\n");
  ASSERT_TRUE(fw.reload());  // firewalld read FlushAllOnReload=yes before this reload
  EXPECT_EQ(fw.zone_of_interface("eth0"), "");
}

TEST_F(FirewallTest, ReloadKeepsRuntimeIpsetEntriesWhenFlushAllOnReloadIsOff) {
  constexpr const char* kIpSet =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:ip\">\n"
      "  <entry>1.2.3.4</entry>\n</ipset>\n";
  etc_.write("ipsets/kept.xml", kIpSet);
  etc_.write("ipsets/dropped.xml", kIpSet);
  etc_.write("firewalld.conf", "FlushAllOnReload=no\n");
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  ASSERT_TRUE(fw.add_ipset_entry("kept", "10.10.10.10"));
  ASSERT_TRUE(fw.add_ipset_entry("dropped", "10.10.10.11"));
  etc_.write("ipsets/kept.xml",
             "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:ip\">\n"
             "  <entry>5.6.7.8</entry>\n</ipset>\n");
  std::filesystem::remove(etc_.path() + "/ipsets/dropped.xml");
  ASSERT_TRUE(fw.reload());
  ASSERT_TRUE(fw.ipset("kept"));
  EXPECT_EQ((*fw.ipset("kept"))->entries,
            (std::vector<std::string>{"5.6.7.8", "1.2.3.4", "10.10.10.10"}));
  ASSERT_TRUE(fw.ipset("dropped"));  // gone from the files, kept at runtime as firewalld does
  EXPECT_EQ((*fw.ipset("dropped"))->entries, (std::vector<std::string>{"1.2.3.4", "10.10.10.11"}));

  etc_.write("firewalld.conf", "FlushAllOnReload=yes\n");
  ASSERT_TRUE(fw.reload());  // still "no" in force: kept once more
  ASSERT_TRUE(fw.reload());
  EXPECT_EQ((*fw.ipset("kept"))->entries, (std::vector<std::string>{"5.6.7.8"}));
  EXPECT_FALSE(fw.ipset("dropped"));
}

TEST_F(FirewallTest, ReloadLeavesStateFailedOnceTheFilesAreFixed) {
  etc_.write("zones/broken.xml", "<zone");
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  ASSERT_EQ(fw.state(), State::Failed);
  std::filesystem::remove(etc_.path() + "/zones/broken.xml");
  ASSERT_TRUE(fw.reload());
  EXPECT_EQ(fw.state(), State::Running);
  EXPECT_EQ(fw.failure(), nullptr);
}

TEST_F(FirewallTest, StopRemovesTheTableWhenCleanupOnExitIsOn) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  ASSERT_TRUE(fw.stop());
  ASSERT_EQ(netlink_.committed().size(), 2u);
  nft::Batch remove;
  ASSERT_TRUE(nft::add_remove_table(remove, {"inet", "firewalld"}));
  EXPECT_EQ(netlink_.committed()[1], nft::describe(remove));
}

TEST_F(FirewallTest, StopLeavesTheTableWhenCleanupOnExitIsOff) {
  etc_.write("firewalld.conf", "CleanupOnExit=No\n");
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  ASSERT_TRUE(fw.stop());
  EXPECT_EQ(netlink_.committed().size(), 1u);
}

TEST_F(FirewallTest, AddPortSendsOneRuleMessageAndCommitsTheRuntimeZone) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  auto zone = fw.add_port("", "8080", "tcp");
  ASSERT_TRUE(zone) << zone.error().message();
  EXPECT_EQ(*zone, "public");
  ASSERT_EQ(netlink_.sent().size(), 2u);
  ASSERT_EQ(netlink_.sent().back().size(), 1u);
  EXPECT_TRUE(
      netlink_.sent().back()[0].starts_with("add rule inet firewalld filter_IN_public_allow"))
      << netlink_.sent().back()[0];
  EXPECT_TRUE(netlink_.sent().back()[0].ends_with(" (echo)")) << netlink_.sent().back()[0];
  EXPECT_NE(netlink_.sent().back()[0].find("0x0000901f"), std::string::npos);  // port 8080
  auto has = fw.query_port("public", "8080", "tcp");
  ASSERT_TRUE(has);
  EXPECT_TRUE(*has);
  EXPECT_EQ(fw.zone_settings("public")->ports.back(),
            std::pair(std::string("8080"), std::string("tcp")));
  auto again = fw.add_port("public", "8080", "tcp");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Code::ALREADY_ENABLED);
  EXPECT_EQ(again.error().detail, "'8080:tcp' already in 'public'");
  EXPECT_EQ(netlink_.sent().size(), 2u);

  ASSERT_TRUE(fw.remove_port("public", "8080", "tcp"));
  ASSERT_EQ(netlink_.sent().back().size(), 1u);
  EXPECT_TRUE(netlink_.sent().back()[0].starts_with("delete rule")) << netlink_.sent().back()[0];
  EXPECT_FALSE(*fw.query_port("public", "8080", "tcp"));
  auto gone = fw.remove_port("public", "8080", "tcp");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, Code::NOT_ENABLED);
  EXPECT_EQ(gone.error().detail, "'8080:tcp' not in 'public'");
}

TEST_F(FirewallTest, AddPortValidatesLikeFirewalld) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.add_port("nope", "80", "tcp").error().code, Code::INVALID_ZONE);
  EXPECT_EQ(fw.add_port("public", "99999", "tcp").error().code, Code::INVALID_PORT);
  EXPECT_EQ(fw.add_port("public", "80", "icmp").error().code, Code::INVALID_PROTOCOL);
  EXPECT_EQ(fw.add_port("public", "80", "tcp", -1).error().code, Code::INVALID_VALUE);
  EXPECT_EQ(netlink_.sent().size(), 1u);
}

TEST_F(FirewallTest, AKernelRefusalLeavesTheRuntimeConfigurationUnchanged) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  auto before = fw.zone_settings("public")->ports;
  netlink_.fail_at(0, ENOENT);
  auto refused = fw.add_port("public", "8080", "tcp");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Code::COMMAND_FAILED);
  EXPECT_EQ(fw.zone_settings("public")->ports, before);
  EXPECT_FALSE(*fw.query_port("public", "8080", "tcp"));
  // Accepted the second time.
  ASSERT_TRUE(fw.add_port("public", "8080", "tcp"));
  EXPECT_TRUE(*fw.query_port("public", "8080", "tcp"));

  netlink_.fail_at(0, ENOENT);
  ASSERT_FALSE(fw.add_service("public", "http"));
  EXPECT_FALSE(*fw.query_service("public", "http"));
}

TEST_F(FirewallTest, AddAndRemoveService) {
  Firewall fw = make();
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.add_service("public", "no-such-service").error().code, Code::INVALID_SERVICE);
  auto zone = fw.add_service("", "http");
  ASSERT_TRUE(zone) << zone.error().message();
  EXPECT_EQ(*zone, "public");
  EXPECT_EQ(netlink_.sent().size(), 2u);
  EXPECT_TRUE(*fw.query_service("public", "http"));
  auto again = fw.add_service("public", "http");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Code::ALREADY_ENABLED);
  EXPECT_EQ(again.error().detail, "'http' already in 'public'");
  ASSERT_TRUE(fw.remove_service("public", "http"));
  EXPECT_FALSE(*fw.query_service("public", "http"));
  auto gone = fw.remove_service("public", "http");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, Code::NOT_ENABLED);
  EXPECT_EQ(gone.error().detail, "'http' not in 'public'");
}

}  // namespace
}  // namespace fwctl::core
