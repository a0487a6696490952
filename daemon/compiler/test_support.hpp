#pragma once
// Test-only helpers for the compiler goldens: model values built in code (the stock items the
// goldens need, with firewalld 1.3.3's facts), and golden file access.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "compiler/stock_config.hpp"
#include "model/config.hpp"

namespace fwctl::compiler::testing {

// The parts of firewalld 1.3.3's stock configuration the goldens use: the stock zones and ftp.
inline model::Config stock_config() {
  model::Config c = stock_zones();
  c.services["ftp"].value = service({pp("21", "tcp")});
  c.services["ftp"].value.helpers = {"ftp"};
  c.helpers["ftp"].value = model::Helper{{}, "", "nf_conntrack_ftp", {pp("21", "tcp")}};
  return c;
}

// The golden file's text. nft prints a trailing newline after the table; the stored files may
// add one more, which is not part of the ruleset.
inline std::string read_golden(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  while (text.size() >= 2 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n') {
    text.pop_back();
  }
  return text;
}

inline std::string golden_path(const std::string& name) {
  return std::string(FWCTL_SOURCE_DIR) + "/tests/golden/" + name + ".nft";
}

// Compiles and prints, failing the test on a compile error.
inline std::string compile_text(const model::Config& config, const RuntimeBindings& bindings) {
  auto result = compile(config, bindings);
  if (!result) {
    ADD_FAILURE() << result.error().message();
    return {};
  }
  return to_text(*result);
}

}  // namespace fwctl::compiler::testing
