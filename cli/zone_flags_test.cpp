// zone_flags.hpp and item_lists.hpp: each option of the tables reaches its row and verb, and an
// executor without the setting leaves the option to what comes after.
#include "zone_flags.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "item_lists.hpp"

namespace fwctl::cli {
namespace {

Args parsed(const std::vector<std::string>& argv) {
  auto a = parse_command_line(argv);
  EXPECT_TRUE(a) << argv[0];
  return a ? *a : *parse_command_line({});
}

std::string option(Dest dest) {
  std::string name(dest.name());
  for (char& ch : name)
    if (ch == '_') ch = '-';
  return "--" + name;
}

// The exit code and stdout of `run`, which must exit.
std::pair<int, std::string> exit_of(const std::function<void(const Printer&)>& run) {
  std::ostringstream out, err;
  Printer p(out, err, false);
  try {
    run(p);
  } catch (const Exit& e) {
    return {e.code, out.str()};
  }
  ADD_FAILURE() << "no exit";
  return {-1, out.str()};
}

TEST(CliZoneFlags, EachFlagOptionSwitchesOrAsksItsFlag) {
  std::ostringstream out, err;
  Printer p(out, err, false);
  for (const ZoneFlagRow& row : kZoneFlags) {
    for (bool on : {true, false}) {
      std::optional<bool> set;
      auto executor = [&](const ZoneFlagRow& r) {
        EXPECT_EQ(r.flag, row.flag);
        return FlagActions{[&](bool value) { set = value; }, [] { return true; }};
      };
      Args a = parsed({option(on ? row.dests.add : row.dests.remove)});
      EXPECT_TRUE(run_zone_flag(a, p, executor)) << row.word;
      EXPECT_EQ(set, std::optional<bool>(on)) << row.word;
      EXPECT_FALSE(run_zone_flag(a, p, executor, kReads)) << row.word;
    }
    Args query = parsed({option(row.dests.query)});
    auto asked = [&](const ZoneFlagRow&) { return FlagActions{nullptr, [] { return false; }}; };
    EXPECT_EQ(exit_of([&](const Printer& q) { run_zone_flag(query, q, asked); }),
              std::pair(1, std::string("no\n")))
        << row.word;
    EXPECT_FALSE(run_zone_flag(query, p, asked, kEdits)) << row.word;
  }
}

TEST(CliZoneFlags, AFlagTheExecutorLacksFallsThrough) {
  std::ostringstream out, err;
  Printer p(out, err, false);
  auto none = [](const ZoneFlagRow&) { return FlagActions{}; };
  EXPECT_FALSE(run_zone_flag(parsed({"--add-masquerade"}), p, none));
  EXPECT_FALSE(run_zone_flag(parsed({"--query-forward"}), p, none));
  EXPECT_FALSE(run_zone_flag(parsed({"--add-port=80/tcp"}), p, none));
}

TEST(CliZoneFlags, EachValueOptionSetsOrGetsItsValue) {
  std::ostringstream out, err;
  Printer p(out, err, false);
  int rows = 0;
  for (auto table :
       {std::span<const ValueRow>(kZoneValues), std::span<const ValueRow>(kInfoValues)})
    for (const ValueRow& row : table) {
      std::string set;
      auto executor = [&](ZoneValue v) {
        EXPECT_EQ(v, row.value);
        return ValueActions{[&](const std::string& text) { set = text; },
                            [] { return std::string("shown"); }};
      };
      EXPECT_TRUE(run_zone_value(parsed({option(row.set) + "=12"}), p, table, executor));
      EXPECT_EQ(set, "12") << row.set.name();
      Args get = parsed({option(row.get)});
      EXPECT_EQ(exit_of([&](const Printer& q) { run_zone_value(get, q, table, executor); }),
                std::pair(0, std::string("shown\n")))
          << row.get.name();
      EXPECT_FALSE(run_zone_value(get, p, table, executor, kEdits));
      EXPECT_FALSE(run_zone_value(get, p, table, [](ZoneValue) { return ValueActions{}; }));
      ++rows;
    }
  EXPECT_EQ(rows, 6);
}

TEST(CliItemLists, EachServiceListOptionFindsItsVerb) {
  for (const ServiceListRow& row : kServiceLists) {
    EXPECT_NE(row.ports == nullptr, row.names == nullptr) << row.get.name();
    for (auto [verb, dest] :
         {std::pair{ListVerb::kAdd, row.dests.add}, std::pair{ListVerb::kRemove, row.dests.remove},
          std::pair{ListVerb::kQuery, row.dests.query}}) {
      auto op = element_op(parsed({"--service=s", option(dest) + "=x"}), row.dests);
      ASSERT_TRUE(op) << dest.name();
      EXPECT_EQ(op->verb, verb);
      EXPECT_EQ(op->dest, dest);
    }
  }
  EXPECT_FALSE(element_op(parsed({"--ipset=s", "--get-entries"}), kEntryDests));
  EXPECT_EQ(element_op(parsed({"--ipset=s", "--query-entry=1.2.3.4"}), kEntryDests)->verb,
            ListVerb::kQuery);
}

}  // namespace
}  // namespace fwctl::cli
