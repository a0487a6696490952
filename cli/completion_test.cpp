// completion/fwctl.bash lists fwctl's options by hand; this keeps it equal to the option table.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

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

TEST(Completion, CompletesExactlyTheLongOptionsOfTheTable) {
  std::set<std::string> flags, values;
  for (const auto& option : option_table())
    for (const auto& name : option.names)
      if (name.rfind("--", 0) == 0)
        (option.kind == argparse::Kind::Flag ? flags : values).insert(name);
  EXPECT_EQ(script_words("_fwctl_flags"), flags);
  EXPECT_EQ(script_words("_fwctl_value_options"), values);
}

}  // namespace
}  // namespace fwctl::cli
