// Goldens compiled from their configuration files: the repository's default tree plus
// tests/golden/NAME.etc, loaded as fwctld loads them, compared with what firewalld 1.3.3 made of
// the same tree (tests/golden/README.md says what each one covers and how it was captured).

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "compiler/test_support.hpp"
#include "config/loader.hpp"

namespace fwctl::compiler {
namespace {

using testing::golden_path;
using testing::read_golden;

std::string compile_tree(const std::string& name) {
  const std::string source = FWCTL_SOURCE_DIR;
  auto loaded = config::load_config({source, source + "/tests/golden/" + name + ".etc"});
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.located_message();
  return testing::compile_text(loaded.config, bindings_from_config(loaded.config));
}

class GoldenTree : public ::testing::TestWithParam<const char*> {};

// FWCTL_GOLDEN_OUT=DIR writes each compiled text to DIR/NAME.nft, to diff against the golden.
void save_actual(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("FWCTL_GOLDEN_OUT");
  if (dir) std::ofstream(std::string(dir) + "/" + name + ".nft") << text;
}

TEST_P(GoldenTree, CompilesLikeFirewalld) {
  auto text = compile_tree(GetParam());
  save_actual(GetParam(), text);
  EXPECT_EQ(text, read_golden(golden_path(GetParam())));
}

INSTANTIATE_TEST_SUITE_P(Goldens, GoldenTree,
                         ::testing::Values("default", "zone_elements", "zone_elements_log_denied",
                                           "zones_and_policies", "rich_nflog", "rich_priorities",
                                           "sources_mac_not", "ipset_concat", "policies_host_any",
                                           "icmp_inversion", "forward_port_v6"));

}  // namespace
}  // namespace fwctl::compiler
