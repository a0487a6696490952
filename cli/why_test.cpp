#include "why.hpp"

#include <gtest/gtest.h>

#include "compiler/bindings.hpp"
#include "config/loader.hpp"

namespace fwctl::cli {
namespace {

const std::string kWhySystem = FWCTL_TEST_DATA "/broken/ok-minimal";

struct WhyCommand : ::testing::Test {
  config::LoadResult loaded = config::load_config({FWCTL_SOURCE_DIR, kWhySystem});
  compiler::RuntimeBindings bindings = compiler::bindings_from_config(loaded.config);
};

TEST_F(WhyCommand, ReportsTheZoneThePathAndTheDecidingRule) {
  bindings.interfaces["public"] = {"eth0"};
  auto text = why_report(loaded.config, bindings, "tcp 198.51.100.7:40000 -> 22 in eth0", "files");
  ASSERT_TRUE(text) << text.error().message();
  EXPECT_NE(text->find("ruleset: files\nzone: public (interface eth0)\npath:\n"), std::string::npos)
      << *text;
  EXPECT_NE(text->find("  filter_INPUT_ZONES: iifname \"eth0\" goto filter_IN_public    # zone "
                       "public, interface eth0\n"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("verdict: accept\n  zone public, service ssh, port 22/tcp: accept\n  nft: "
                       "table inet firewalld chain filter_IN_public_allow: tcp dport 22 accept\n"),
            std::string::npos)
      << *text;
}

TEST_F(WhyCommand, ABadPacketIsInvalidRule) {
  auto text = why_report(loaded.config, bindings, "tcp 10.0.0.1 -> 22", "files");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, Code::INVALID_RULE);
}

TEST(WhyUsage, GoesWithTheConfigurationOptionsOnly) {
  auto ok = parse_command_line({"--why", "tcp 10.0.0.1 -> 22 in eth0", "--offline", "-q"});
  ASSERT_TRUE(ok);
  EXPECT_EQ(why_usage_error(*ok), "");
  auto bad = parse_command_line({"--why=tcp 10.0.0.1 -> 22 in eth0", "--zone=public"});
  ASSERT_TRUE(bad);
  EXPECT_EQ(why_usage_error(*bad), "--why cannot be combined with --zone");
}

}  // namespace
}  // namespace fwctl::cli
