#pragma once
// Internal to rule_encoder: the state of one rule being linearized.

#include <optional>

#include "nft/rule_encoder.hpp"
#include "nft/selectors.hpp"

namespace fwctl::nft::detail {

class RuleBuilder {
 public:
  RuleBuilder(nftnl_rule* rule, const RuleEnv& env, std::vector<AnonymousSet>& sets)
      : rule_(rule), env_(env), sets_(sets) {}

  Status match(const compiler::Match& m);
  Status statement(const compiler::Statement& s);  // anything but a match

  // Adds `meta nfproto X` / `meta l4proto Y` / `meta iiftype ether` unless known already.
  void ensure(const Dependency& needs);

 private:
  Status single(const compiler::Match& m, const SelectorSpec& spec);
  Status concat(const compiler::Match& m, const std::vector<SelectorSpec>& specs);
  Status value_match(const SelectorSpec& spec, compiler::Op op, const compiler::Value& v);
  Status prefix_match(const SelectorSpec& spec, compiler::Op op, const compiler::Value& v);
  Status range_match(const SelectorSpec& spec, compiler::Op op, const compiler::Value& v);
  Status anon_set_match(const SelectorSpec& spec, compiler::Op op, const compiler::AnonSet& set);
  void remember(const compiler::Match& m);

  nftnl_rule* rule_;
  const RuleEnv& env_;
  std::vector<AnonymousSet>& sets_;
  std::optional<uint8_t> nfproto_;
  std::optional<uint8_t> l4proto_;
  bool ether_ = false;
};

// nft's element size for a byteorder conversion of `len` bytes.
uint32_t byteorder_size(uint32_t len);

}  // namespace fwctl::nft::detail
