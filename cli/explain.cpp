#include "explain.hpp"

#include <array>
#include <ostream>
#include <string_view>

#include "check_config.hpp"
#include "compiler/compiler.hpp"
#include "model/config_check.hpp"

namespace fwctl::cli {
namespace {

// "filter_IN_public_allow" -> "public_allow": what follows "<table>_<DIRECTION>_".
std::string_view chain_subject(std::string_view chain) {
  auto first = chain.find('_');
  if (first == std::string_view::npos) return {};
  auto second = chain.find('_', first + 1);
  if (second == std::string_view::npos) return {};
  std::string_view direction = chain.substr(first + 1, second - first - 1);
  for (char ch : direction)
    if (ch < 'A' || ch > 'Z') return {};
  return chain.substr(second + 1);
}

// Whether `chain` is one of `subject`'s chains and not those of another zone or policy whose
// name merely extends it ("public" and a zone called "public_allow").
bool belongs(std::string_view chain, const std::string& subject, const model::Config& config) {
  std::string_view rest = chain_subject(chain);
  if (rest == subject) return true;
  if (rest.substr(0, subject.size()) != subject || rest.size() <= subject.size() + 1 ||
      rest[subject.size()] != '_')
    return false;
  std::string whole(rest);
  bool another_policy = whole.rfind("policy_", 0) == 0 && config.policies.count(whole.substr(7));
  if (config.zones.count(whole) || another_policy) return false;
  static constexpr std::array<std::string_view, 5> kSubChains = {"pre", "log", "deny", "allow",
                                                                 "post"};
  std::string_view sub = rest.substr(subject.size() + 1);
  for (auto s : kSubChains)
    if (sub == s) return true;
  return false;
}

}  // namespace

std::string explain_usage_error(const Args& a) {
  if (const auto* option = a.given_except({"explain", "zone", "policy", "permanent", "offline",
                                           "default_config", "system_config", "quiet", "verbose"}))
    return "--explain cannot be combined with " + option->names.back();
  if (a.given("zone") && a.given("policy")) return "--explain takes --zone or --policy, not both";
  return {};
}

Result<std::string> explain(const model::Config& config, const compiler::RuntimeBindings& bindings,
                            const ExplainTarget& target) {
  std::string name = target.name.empty() ? bindings.default_zone : target.name;
  if (target.policy ? !config.policies.count(name) : !config.zones.count(name))
    return fail(target.policy ? Code::INVALID_POLICY : Code::INVALID_ZONE, name);
  auto ruleset = compiler::compile(config, bindings);
  if (!ruleset) return ruleset;
  std::string subject = target.policy ? "policy_" + name : name;
  std::string text;
  for (const auto& table : ruleset->tables) {
    std::string chains;
    for (const auto& chain : table.chains)
      if (belongs(chain.name, subject, config)) chains += compiler::to_text(chain);
    if (!chains.empty())
      text += "table " + table.family + " " + table.name + " {\n" + chains + "}\n";
  }
  return text;
}

int run_explain(const config::Paths& paths, const ExplainTarget& target, const Printer& p,
                std::ostream& out, std::ostream& err) {
  config::LoadResult loaded = config::load_config(paths);
  CheckReport report{std::move(loaded.errors), {}};
  for (Error& e : model::check_references(loaded.config)) report.errors.push_back(std::move(e));
  if (!report.errors.empty()) return print_check_report(report, false, out, err);
  auto text = explain(loaded.config, compiler::bindings_from_config(loaded.config), target);
  if (!text) {
    p.error_msg("Error: " + text.error().located_message());
    return static_cast<int>(text.error().code);
  }
  out << *text;
  return 0;
}

}  // namespace fwctl::cli
