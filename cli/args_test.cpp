#include "args.hpp"

#include <gtest/gtest.h>

namespace fwctl::cli {
namespace {

TEST(CliArgs, OfflineCheckConfigWithTrees) {
  auto args = parse_args({"--offline", "--check-config", "--default-config", "/d",
                          "--system-config=/s"});
  ASSERT_TRUE(args) << args.error().message();
  EXPECT_TRUE(args->offline);
  EXPECT_EQ(args->action, Action::CheckConfig);
  EXPECT_EQ(args->default_config, "/d");
  EXPECT_EQ(args->system_config, "/s");
}

TEST(CliArgs, TreesDefaultToFirewalldPaths) {
  auto args = parse_args({"--check-config"});
  ASSERT_TRUE(args);
  EXPECT_FALSE(args->offline);
  EXPECT_EQ(args->default_config, "/usr/lib/firewalld");
  EXPECT_EQ(args->system_config, "/etc/firewalld");
}

TEST(CliArgs, UnknownOptionsAndMissingValuesAreUsageErrors) {
  for (auto argv : std::vector<std::vector<std::string>>{
           {"--no-such-option"}, {"--system-config"}, {"--default-config="},
           {"--check-config", "--version"}}) {
    auto args = parse_args(argv);
    ASSERT_FALSE(args) << argv[0];
    EXPECT_EQ(args.error().code, Code::INVALID_OPTION);
  }
}

}  // namespace
}  // namespace fwctl::cli
