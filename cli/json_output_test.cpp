#include "json_output.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "json_sink.hpp"
#include "printer.hpp"

namespace fwctl::cli {
namespace {

ZoneSettings sample_zone() {
  ZoneSettings s;
  s.target = "default";
  s.services = {"ssh"};
  s.ports = {{"8080", "tcp"}};
  s.forward_ports = {{"22", "tcp", "2222", ""}};
  s.interfaces = {"eth0"};
  s.rules = {"rule family=\"ipv4\" drop"};
  s.forward = true;
  return s;
}

TEST(JsonOutput, AZoneHasTheKeysOfTheSettingsDictInOrder) {
  Json j = zone_json("public", sample_zone());
  std::vector<std::string> keys = {
      "name",      "version",     "short",        "description",          "target",     "services",
      "ports",     "icmp_blocks", "masquerade",   "forward_ports",        "interfaces", "sources",
      "rules_str", "protocols",   "source_ports", "icmp_block_inversion", "forward"};
  ASSERT_EQ(j.size(), keys.size());
  for (const auto& k : keys) EXPECT_NE(j.find(k), nullptr) << k;
  EXPECT_EQ(j.find("ports")->dump(), "[\n  [\n    \"8080\",\n    \"tcp\"\n  ]\n]");
  EXPECT_EQ(j.find("forward")->dump(), "true");
  EXPECT_EQ(j.find("rules_str")->dump(), "[\n  \"rule family=\\\"ipv4\\\" drop\"\n]");
}

TEST(JsonOutput, APolicyHasRichRulesPriorityAndZones) {
  ZoneSettings s = sample_zone();
  s.priority = -10;
  s.ingress_zones = {"HOST"};
  Json j = policy_json("allow-host-ipv6", s);
  EXPECT_EQ(j.find("rules_str"), nullptr);
  EXPECT_EQ(j.find("interfaces"), nullptr);
  EXPECT_EQ(j.find("priority")->dump(), "-10");
  EXPECT_EQ(j.find("ingress_zones")->dump(), "[\n  \"HOST\"\n]");
  EXPECT_NE(j.find("rich_rules"), nullptr);
}

TEST(JsonOutput, ActiveZonesListEveryKeyEvenEmpty) {
  ActiveMap active{{"public", {{"interfaces", {"eth0"}}}}};
  EXPECT_EQ(active_json(active, {"interfaces", "sources"}).dump(),
            "{\n  \"public\": {\n    \"interfaces\": [\n      \"eth0\"\n    ],\n"
            "    \"sources\": []\n  }\n}");
}

TEST(JsonOutput, AnErrorCarriesItsCodeNameNumberAndDetail) {
  EXPECT_EQ(diagnostic_json("Error: INVALID_PORT: 99999", 102).dump(),
            "{\n  \"error\": {\n    \"code\": \"INVALID_PORT\",\n    \"number\": 102,\n"
            "    \"detail\": \"99999\"\n  }\n}");
  Json bare = diagnostic_json("Error: NOT_RUNNING", 252);
  EXPECT_EQ(bare.find("error")->find("detail")->dump(), "\"\"");
}

TEST(JsonOutput, AnErrorWithoutACodeIsNamedAfterTheExitCode) {
  Json j = diagnostic_json("FirewallD is not running", 252);
  EXPECT_EQ(j.find("error")->find("code")->dump(), "\"NOT_RUNNING\"");
  EXPECT_EQ(j.find("error")->find("detail")->dump(), "\"FirewallD is not running\"");
  Json usage = diagnostic_json("argument --reload: not allowed with argument --state", 2);
  EXPECT_EQ(usage.find("error")->find("code")->dump(), "\"USAGE\"");
}

TEST(JsonOutput, AWarningTakesTheNumberOfItsCode) {
  Json j = diagnostic_json("Warning: ALREADY_ENABLED: 'ssh' already in 'public'", 0, "warning");
  EXPECT_EQ(j.find("warning")->find("number")->dump(), "11");
  EXPECT_EQ(j.find("warning")->find("detail")->dump(), "\"'ssh' already in 'public'\"");
}

// The printer in --json mode: what the dispatcher's calls turn into.
struct JsonPrinter : ::testing::Test {
  std::ostringstream out, err;
  JsonSink sink{out, err};
  Printer p{out, err, false};
  JsonPrinter() { p.set_json(&sink); }
  int exit_code(const std::function<void()>& f) {
    try {
      f();
    } catch (const Exit& e) {
      sink.flush(p.quiet());
      return e.code;
    }
    return -1;
  }
};

TEST_F(JsonPrinter, AQueryIsAResultBoolWithFirewallCmdsExitCode) {
  EXPECT_EQ(exit_code([&] { p.query_result(false); }), 1);
  EXPECT_EQ(out.str(), "{\n  \"result\": false\n}\n");
}

TEST_F(JsonPrinter, AListIsAResultArray) {
  EXPECT_EQ(exit_code([&] { p.list({"block", "dmz"}); }), 0);
  EXPECT_EQ(out.str(), "{\n  \"result\": [\n    \"block\",\n    \"dmz\"\n  ]\n}\n");
}

TEST_F(JsonPrinter, AnErrorGoesToStderrWithTheSameExitCodeAndNothingOnStdout) {
  EXPECT_EQ(exit_code([&] { p.and_exit("Error: INVALID_ZONE: nope", 112); }), 112);
  EXPECT_EQ(out.str(), "");
  EXPECT_NE(err.str().find("\"code\": \"INVALID_ZONE\""), std::string::npos);
}

TEST_F(JsonPrinter, QueriesOfSeveralItemsFormAnObjectByItem) {
  p.query_line("'80/tcp'", true);
  p.query_line("'81/tcp'", false);
  EXPECT_EQ(exit_code([&] { throw Exit{0}; }), 0);
  EXPECT_EQ(out.str(),
            "{\n  \"result\": {\n    \"80/tcp\": true,\n    \"81/tcp\": false\n  }\n}\n");
}

TEST_F(JsonPrinter, ASettingsEntryWinsOverChatterAndManyEntriesAreKeyedByName) {
  sink.set_many(true);
  p.msg("You're performing an operation over default zone");
  sink.entry("a", Json::object().set("name", "a"));
  sink.entry("b", Json::object().set("name", "b"));
  EXPECT_EQ(exit_code([&] { throw Exit{0}; }), 0);
  EXPECT_EQ(out.str(),
            "{\n  \"a\": {\n    \"name\": \"a\"\n  },\n  \"b\": {\n    \"name\": \"b\"\n  }\n}\n");
}

TEST_F(JsonPrinter, PlainLinesBecomeAResultArray) {
  p.msg("ipv4 filter INPUT 0 -j ACCEPT\nipv4 filter OUTPUT 0 -j ACCEPT");
  EXPECT_EQ(exit_code([&] { throw Exit{0}; }), 0);
  EXPECT_EQ(out.str(),
            "{\n  \"result\": [\n    \"ipv4 filter INPUT 0 -j ACCEPT\",\n"
            "    \"ipv4 filter OUTPUT 0 -j ACCEPT\"\n  ]\n}\n");
}

}  // namespace
}  // namespace fwctl::cli
