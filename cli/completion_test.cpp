// completion/fwctl.bash lists fwctl's options by hand; this keeps it equal to the option table.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "offline_cmd_options.hpp"
#include "options.hpp"

namespace fwctl::cli {
namespace {

// The words of the shell variable `name="..."` in the completion script.
std::set<std::string> script_words(const std::string& name) {
  std::ifstream in(FWCTL_SOURCE_DIR "/completion/fwctl.bash");
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str(), start = name + "=\"";
  auto begin = text.find(start);
  if (begin == std::string::npos) return {};
  begin += start.size();
  std::istringstream words(text.substr(begin, text.find('"', begin) - begin));
  std::set<std::string> out;
  for (std::string w; words >> w;) out.insert(w);
  return out;
}

// The long options of `table`, flags and options taking values apart.
std::pair<std::set<std::string>, std::set<std::string>> long_options(
    const std::vector<argparse::Option>& table) {
  std::set<std::string> flags, values;
  for (const auto& option : table)
    for (const auto& name : option.names)
      if (name.rfind("--", 0) == 0)
        (option.kind == argparse::Kind::Flag ? flags : values).insert(name);
  return {flags, values};
}

TEST(Completion, CompletesExactlyTheLongOptionsOfTheTable) {
  auto [flags, values] = long_options(option_table());
  EXPECT_EQ(script_words("_fwctl_flags"), flags);
  EXPECT_EQ(script_words("_fwctl_value_options"), values);
}

// Issue 19: a line with --offline completes firewall-offline-cmd's options.
TEST(Completion, CompletesExactlyTheOfflineOptions) {
  auto [flags, values] = long_options(offline_option_table());
  EXPECT_EQ(script_words("_fwctl_offline_flags"), flags);
  EXPECT_EQ(script_words("_fwctl_offline_value_options"), values);
  EXPECT_TRUE(flags.count("--policy-server"));
  EXPECT_TRUE(values.count("--remove-service-from-zone"));
}

}  // namespace
}  // namespace fwctl::cli
