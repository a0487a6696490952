#pragma once
// Test-only helpers: IR rules written compactly.

#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "nft/batch.hpp"
#include "nft/batch_text.hpp"

namespace fwctl::nft::testing {

using compiler::Value;
using compiler::ValueKind;

inline Value sym(std::string s) { return {ValueKind::Symbol, std::move(s)}; }
inline Value num(std::string s) { return {ValueKind::Integer, std::move(s)}; }

inline compiler::Match match(compiler::Selector selector, compiler::Rhs rhs,
                             compiler::Op op = compiler::Op::Eq) {
  compiler::Match m;
  m.left.push_back(std::move(selector));
  m.op = op;
  m.right = std::move(rhs);
  return m;
}

inline compiler::Rule rule(std::vector<compiler::Statement> stmts) {
  compiler::Rule r;
  r.stmts = std::move(stmts);
  return r;
}

inline compiler::Statement accept() { return compiler::Verdict{compiler::VerdictKind::Accept, {}}; }

inline const TableId kTable{"inet", "firewalld"};

// The describe() text of the batch's messages from `first` on.
inline std::vector<std::string> lines(const Batch& batch, size_t first = 0) {
  auto all = describe(batch);
  return {all.begin() + static_cast<std::ptrdiff_t>(first), all.end()};
}

// One rule added to an empty batch, as text.
inline std::vector<std::string> encode(const compiler::Rule& r, const std::string& chain = "c") {
  Batch batch;
  auto status = batch.add_rule(kTable, chain, r, "test");
  if (!status) return {status.error().message()};
  return lines(batch);
}

}  // namespace fwctl::nft::testing
