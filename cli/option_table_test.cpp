// The option table (option_table.hpp) against what the two command lines accept: one row per
// dest and command line, no option string twice, every option the help texts name, and the
// options only one of the command lines has, as firewall-cmd and firewall-offline-cmd have them.
#include "option_table.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "help.hpp"
#include "offline_cmd_help.hpp"
#include "offline_cmd_options.hpp"
#include "option_groups.hpp"
#include "options.hpp"

namespace fwctl::cli {
namespace {

std::set<std::string> option_strings(const std::vector<argparse::Option>& table) {
  std::set<std::string> out;
  for (const auto& option : table) out.insert(option.names.begin(), option.names.end());
  return out;
}

// The long options of the rows that only `line` has.
std::set<std::string> only(CommandLines line) {
  std::set<std::string> out;
  for (const auto& row : option_rows::kRows)
    if (row.lines == line) out.insert(std::string(row.names[0]));
  return out;
}

TEST(CliOptionTable, EachCommandLineHasEachDestAndOptionStringOnce) {
  for (CommandLines line : {kCmd, kOfflineCmd}) {
    std::map<std::string, int> dests, strings;
    for (const auto& option : argparse_table(line)) {
      ++dests[option.dest()];
      for (const auto& name : option.names) ++strings[name];
    }
    for (const auto& [dest, count] : dests) EXPECT_EQ(count, 1) << dest;
    for (const auto& [name, count] : strings) EXPECT_EQ(count, 1) << name;
  }
}

TEST(CliOptionTable, RowsAreWellFormed) {
  for (const auto& row : option_rows::kRows) {
    EXPECT_TRUE(row.lines == kCmd || row.lines == kOfflineCmd || row.lines == kBoth);
    EXPECT_TRUE(row.names[0].starts_with("-")) << row.names[0];
    EXPECT_EQ(row.kind == argparse::Kind::NArgs, row.nargs > 0) << row.names[0];
  }
}

// Args finds each option, through its Dest, where the command line's parser put it.
TEST(CliOptionTable, DestsFindTheirOption) {
  auto a = parse_command_line({"--permanent", "--zone=work", "--add-service=ssh"});
  ASSERT_TRUE(a);
  EXPECT_EQ(a->str("zone"), "work");
  EXPECT_EQ(a->list("add_service"), std::vector<std::string>{"ssh"});
  EXPECT_TRUE(a->t("permanent"));
  EXPECT_FALSE(a->t("remove_service"));
  auto o = parse_offline_command_line({"-s", "ssh", "--remove-service=http", "--check-config"});
  ASSERT_TRUE(o);
  // The lokkit --service and --remove-service: other rows with the same dests.
  EXPECT_EQ(o->list("service"), std::vector<std::string>{"ssh"});
  EXPECT_EQ(o->list("remove_service"), std::vector<std::string>{"http"});
  EXPECT_TRUE(o->t("check_config"));
  EXPECT_FALSE(o->t("permanent"));  // firewall-cmd's only: never given here
  EXPECT_EQ(o->str("timeout"), "0");
  static_assert(Dest("add_port").name() == "add-port");
  static_assert(kZoneDests.create_from_file.name() == "new-zone-from-file");
}

// Every option the help texts name is an option of that command line. The help writes
// "--list-lockdown-whitelist-{commands,contexts,uids,users}" for four options.
std::set<std::string> named_options(const std::string& text) {
  std::regex option(R"(--[a-z][a-z0-9-]*(\{[a-z,]+\})?)");
  std::set<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), option), end; it != end; ++it) {
    std::string name = it->str();
    auto brace = name.find('{');
    if (brace == std::string::npos) {
      out.insert(name);
      continue;
    }
    std::stringstream tails(name.substr(brace + 1, name.size() - brace - 2));
    for (std::string tail; std::getline(tails, tail, ',');)
      out.insert(name.substr(0, brace) + tail);
  }
  return out;
}

TEST(CliOptionTable, HelpNamesOnlyOptionsOfTheTable) {
  std::set<std::string> cmd = option_strings(option_table());
  for (const auto& name : named_options(help_text("fwctl"))) EXPECT_TRUE(cmd.count(name)) << name;
  std::set<std::string> offline = option_strings(offline_option_table());
  // firewall-offline-cmd reads this one in a pre-parse of its own (offline_cmd.cpp: migration).
  offline.insert("--migrate-system-config-firewall");
  for (const auto& name : named_options(offline_help_text()))
    EXPECT_TRUE(offline.count(name)) << name;
  EXPECT_TRUE(cmd.count("--list-lockdown-whitelist-uids"));
}

// What only one command line accepts, as firewall-cmd 1.3.3 and firewall-offline-cmd 1.3.3 do
// (plus fwctl's own); the options both accept are checked against completion/fwctl.bash.
TEST(CliOptionTable, OptionsOfOneCommandLine) {
  EXPECT_EQ(only(kCmd), (std::set<std::string>{"--state",
                                               "--reload",
                                               "--complete-reload",
                                               "--runtime-to-permanent",
                                               "--reset-to-defaults",
                                               "--check-config",
                                               "--get-ipset-types",
                                               "--panic-on",
                                               "--panic-off",
                                               "--query-panic",
                                               "--get-active-zones",
                                               "--get-active-policies",
                                               "--permanent",
                                               "--timeout",
                                               "--remove-service",
                                               "--service",
                                               "--passthrough",
                                               "--default-config",
                                               "--system-config",
                                               "--explain",
                                               "--why",
                                               "--confirm",
                                               "--counters",
                                               "--zero-counters",
                                               "--trace",
                                               "--count"}));
  EXPECT_EQ(only(kOfflineCmd), (std::set<std::string>{"--enabled",
                                                      "--disabled",
                                                      "--addmodule",
                                                      "--removemodule",
                                                      "--service",
                                                      "--remove-service",
                                                      "--port",
                                                      "--trust",
                                                      "--masq",
                                                      "--custom-rules",
                                                      "--forward-port",
                                                      "--block-icmp",
                                                      "--system-config",
                                                      "--default-config",
                                                      "--check-config",
                                                      "--policy-server",
                                                      "--policy-desktop",
                                                      "--reset-to-defaults",
                                                      "--remove-service-from-zone",
                                                      "--remove-service-from-policy"}));
  EXPECT_EQ(option_table().size(), 232u);
  EXPECT_EQ(offline_option_table().size(), 226u);
}

}  // namespace
}  // namespace fwctl::cli
