#include "core/direct.hpp"

#include <algorithm>

#include "core/direct_commands.hpp"
#include "core/permanent_direct.hpp"

namespace fwctl::core {
namespace {

using direct::Args;

std::string joined(const Args& args) {
  std::string out;
  for (const auto& a : args) out += (out.empty() ? "" : " ") + a;
  return out;
}

// firewalld's zone_from_chain: "IN_public", "FWD_work_allow" and the like name zone chains.
bool is_zone_chain(const std::string& chain, const Direct::IsZone& is_zone) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t at = chain.find('_', start);
    parts.push_back(chain.substr(start, at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  if (parts.size() < 2) return false;
  static const std::vector<std::string> shortcuts = {"PRE", "POST", "IN", "FWD", "OUT"};
  if (std::find(shortcuts.begin(), shortcuts.end(), parts[0]) == shortcuts.end()) return false;
  if (!is_zone(parts[1])) return false;
  static const std::vector<std::string> suffixes = {"pre", "log", "deny", "allow", "post"};
  return parts.size() == 2 || (parts.size() == 3 && std::find(suffixes.begin(), suffixes.end(),
                                                              parts[2]) != suffixes.end());
}

// The chain a rule goes into: with nftables, "INPUT_direct" is INPUT itself.
std::string kernel_chain(const model::DirectRule& rule) {
  const std::string& c = rule.chain;
  constexpr std::string_view suffix = "_direct";
  if (c.size() > suffix.size() && c.ends_with(suffix) &&
      model::is_builtin_chain(rule.ipv, rule.table, c.substr(0, c.size() - suffix.size()))) {
    return c.substr(0, c.size() - suffix.size());
  }
  return c;
}

std::string where(const std::string& ipv, const std::string& table) { return ipv + ":" + table; }

}  // namespace

bool passthrough_is_query(const std::string& ipv, const std::vector<std::string>& args) {
  bool ip = ipv == "ipv4" || ipv == "ipv6";
  return std::any_of(args.begin(), args.end(), [ip](const std::string& a) {
    return a == "-L" || a == "--list" || (ip && (a == "-C" || a == "--check"));
  });
}

Result<std::string> Direct::passthrough(const std::string& ipv, const Args& args) {
  if (Status st = model::check_ipv(ipv); !st) {
    return fail(Code::COMMAND_FAILED,
                "INVALID_IPV: '" + ipv + "' is not a valid backend or is unavailable");
  }
  const direct::Tool& t = direct::tool(ipv);
  Args run_args = args;
  if (std::find(args.begin(), args.end(), t.wait) == args.end()) {
    run_args.insert(run_args.begin(), t.wait);
  }
  if (!runner_) return fail(Code::COMMAND_FAILED, "no command runner");
  CommandOutput out = runner_->run(t.command, run_args, {});
  std::string output = direct::utf8_replace(out.output);
  if (out.status != 0) {
    // ebtables' message leaves out the option it added; iptables' shows it.
    const Args& shown = t.eb ? args : run_args;
    return fail(Code::COMMAND_FAILED,
                "'" + t.command + " " + joined(shown) + "' failed: " + output);
  }
  return output;
}

Status Direct::restore(const std::string& ipv, const std::vector<Args>& commands) {
  const direct::Tool& t = direct::tool(ipv);
  if (!runner_) return fail(Code::COMMAND_FAILED, "no command runner");
  CommandOutput out =
      runner_->run(t.restore, t.restore_options, direct::restore_input(t, commands));
  if (out.status == 0) return ok();
  return fail(Code::COMMAND_FAILED, "'" + t.restore + " " + joined(t.restore_options) +
                                        "' failed: " + direct::utf8_replace(out.output));
}

Status Direct::restore_adding(const std::string& ipv, const std::vector<Args>& commands) {
  if (state_.empty() && before_first_) {
    if (Status st = before_first_(); !st) return st;
  }
  return restore(ipv, commands);
}

Status Direct::check_chain_name(const std::string& ipv, const std::string& table,
                                const std::string& chain) const {
  if (Status st = model::check_ipv_table(ipv, table); !st) return st;
  if (model::is_builtin_chain(ipv, table, chain)) {
    return fail(Code::BUILTIN_CHAIN, "chain '" + chain + "' is built-in chain");
  }
  if (ipv == "eb") {
    constexpr std::string_view suffix = "_direct";
    if (chain.ends_with(suffix) &&
        model::is_builtin_chain(ipv, table, chain.substr(0, chain.size() - suffix.size()))) {
      return fail(Code::BUILTIN_CHAIN, "chain '" + chain + "' is reserved");
    }
    return ok();
  }
  if (is_zone_chain(chain, is_zone_)) {
    return fail(Code::INVALID_CHAIN, "Chain '" + chain + "' is reserved");
  }
  return ok();
}

Status Direct::add_chain(const std::string& ipv, const std::string& table,
                         const std::string& chain) {
  if (Status st = check_chain_name(ipv, table, chain); !st) return st;
  model::DirectChain entry{ipv, table, chain};
  if (state_.has(entry)) {
    return fail(Code::ALREADY_ENABLED,
                "chain '" + chain + "' already is in '" + where(ipv, table) + "'");
  }
  std::vector<Args> commands{{"-t", table, "-N", chain}};
  if (ipv == "eb") commands.push_back({"-t", table, "-I", chain, "1", "-j", "RETURN"});
  if (Status st = restore_adding(ipv, commands); !st) return st;
  state_.add(entry);
  return ok();
}

Status Direct::remove_chain(const std::string& ipv, const std::string& table,
                            const std::string& chain) {
  if (Status st = check_chain_name(ipv, table, chain); !st) return st;
  model::DirectChain entry{ipv, table, chain};
  if (!state_.has(entry)) {
    return fail(Code::NOT_ENABLED, "chain '" + chain + "' is not in '" + where(ipv, table) + "'");
  }
  if (Status st = restore(ipv, {{"-t", table, "-X", chain}}); !st) return st;
  state_.remove(entry);
  return ok();
}

Result<bool> Direct::query_chain(const std::string& ipv, const std::string& table,
                                 const std::string& chain) const {
  if (Status st = check_chain_name(ipv, table, chain); !st) return st;
  return state_.has(model::DirectChain{ipv, table, chain});
}

Result<std::vector<std::string>> Direct::chains(const std::string& ipv,
                                                const std::string& table) const {
  if (Status st = model::check_ipv_table(ipv, table); !st) return st;
  std::vector<std::string> out;
  for (const auto& c : state_.chains) {
    if (c.ipv == ipv && c.table == table) out.push_back(c.chain);
  }
  return out;
}

Status Direct::change_rule(bool add, const model::DirectRule& rule) {
  if (Status st = model::check_ipv_table(rule.ipv, rule.table); !st) return st;
  std::string place = "'" + rule.ipv + ":" + rule.table + ":" + rule.chain + "'";
  std::string text = model::python_tuple_repr(rule.args);
  if (add && state_.has(rule)) {
    return fail(Code::ALREADY_ENABLED, "rule '" + text + "' already is in " + place);
  }
  if (!add && !state_.has(rule)) {
    return fail(Code::NOT_ENABLED, "rule '" + text + "' is not in " + place);
  }
  ChainKey key{rule.ipv, rule.table, rule.chain};
  // iptables -I position: after every rule of a lower or equal priority.
  int index = 1;
  for (const auto& [priority, count] : positions_[key]) {
    if (rule.priority < priority) break;
    index += count;
  }
  std::vector<Args> commands;
  std::string chain = kernel_chain(rule);
  for (const auto& args : direct::split_addresses(rule.args)) {
    Args command{"-t", rule.table};
    if (add) {
      command.insert(command.end(), {"-I", chain, std::to_string(index++)});
    } else {
      command.insert(command.end(), {"-D", chain});
    }
    command.insert(command.end(), args.begin(), args.end());
    commands.push_back(std::move(command));
  }
  if (Status st = add ? restore_adding(rule.ipv, commands) : restore(rule.ipv, commands); !st) {
    return st;
  }
  int count = static_cast<int>(commands.size());
  positions_[key][rule.priority] += add ? count : -count;
  if (add) {
    state_.add(rule);
  } else {
    state_.remove(rule);
  }
  return ok();
}

Status Direct::add_rule(const model::DirectRule& rule) { return change_rule(true, rule); }
Status Direct::remove_rule(const model::DirectRule& rule) { return change_rule(false, rule); }

Result<bool> Direct::query_rule(const model::DirectRule& rule) const {
  if (Status st = model::check_ipv_table(rule.ipv, rule.table); !st) return st;
  return state_.has(rule);
}

Result<std::vector<std::pair<int, Direct::Args>>> Direct::rules(const std::string& ipv,
                                                                const std::string& table,
                                                                const std::string& chain) const {
  if (Status st = model::check_ipv_table(ipv, table); !st) return st;
  std::vector<std::pair<int, Args>> out;
  for (const auto& r : state_.rules) {
    if (r.ipv == ipv && r.table == table && r.chain == chain) out.emplace_back(r.priority, r.args);
  }
  return out;
}

Status Direct::add_passthrough(const model::DirectPassthrough& p) {
  if (Status st = model::check_ipv(p.ipv); !st) return st;
  if (state_.has(p)) {
    return fail(Code::ALREADY_ENABLED,
                "passthrough '" + p.ipv + "', '" + model::python_list_repr(p.args) + "'");
  }
  if (Status st = direct::check_passthrough(p.args); !st) return st;
  if (Status st = restore_adding(p.ipv, {p.args}); !st) return st;
  state_.add(p);
  return ok();
}

Status Direct::remove_passthrough(const model::DirectPassthrough& p) {
  if (Status st = model::check_ipv(p.ipv); !st) return st;
  if (!state_.has(p)) {
    return fail(Code::NOT_ENABLED,
                "passthrough '" + p.ipv + "', '" + model::python_list_repr(p.args) + "'");
  }
  auto reversed = direct::reverse_passthrough(p.args);
  if (!reversed) return reversed;
  if (Status st = restore(p.ipv, {*reversed}); !st) return st;
  state_.remove(p);
  return ok();
}

std::vector<Direct::Args> Direct::passthroughs(const std::string& ipv) const {
  std::vector<Args> out;
  for (const auto& p : state_.passthroughs) {
    if (p.ipv == ipv) out.push_back(p.args);
  }
  return out;
}

void Direct::apply(const model::DirectConfig& config, std::vector<Error>& warnings) {
  auto note = [&](Status st) {
    if (!st) warnings.push_back(st.error());
  };
  for (const auto& c : config.chains) {
    if (!state_.has(c)) note(add_chain(c.ipv, c.table, c.chain));
  }
  for (const auto& r : config.rules) {
    if (!state_.has(r)) note(add_rule(r));
  }
  for (const auto& p : config.passthroughs) {
    if (!state_.has(p)) note(add_passthrough(p));
  }
}

Status Direct::apply_all(const model::DirectConfig& config, std::vector<Error>& warnings) {
  model::DirectConfig added;
  Status failed = ok();
  // Ok when `st` is, or when it is a refusal before anything ran (a warning).
  auto step = [&](Status st) {
    if (st) return true;
    if (st.error().code != Code::COMMAND_FAILED) {
      warnings.push_back(st.error());
      return true;
    }
    failed = st;
    return false;
  };
  bool going = true;
  for (const auto& c : config.chains) {
    if (!going) break;
    if (state_.has(c)) continue;
    Status st = add_chain(c.ipv, c.table, c.chain);
    going = step(st);
    if (st) added.add(c);
  }
  for (const auto& r : config.rules) {
    if (!going) break;
    if (state_.has(r)) continue;
    Status st = add_rule(r);
    going = step(st);
    if (st) added.add(r);
  }
  for (const auto& p : config.passthroughs) {
    if (!going) break;
    if (state_.has(p)) continue;
    Status st = add_passthrough(p);
    going = step(st);
    if (st) added.add(p);
  }
  if (failed) return ok();
  // The rollback of the transaction: what fails to go is reported and stays tracked.
  auto note = [&](Status st) {
    if (!st) warnings.push_back(st.error());
  };
  for (auto it = added.passthroughs.rbegin(); it != added.passthroughs.rend(); ++it) {
    note(remove_passthrough(*it));
  }
  for (auto it = added.rules.rbegin(); it != added.rules.rend(); ++it) note(remove_rule(*it));
  for (auto it = added.chains.rbegin(); it != added.chains.rend(); ++it) {
    note(remove_chain(it->ipv, it->table, it->chain));
  }
  return failed;
}

void Direct::clear(std::vector<Error>& warnings) {
  auto note = [&](Status st) {
    if (!st) warnings.push_back(st.error());
  };
  auto passthroughs = state_.passthroughs;
  for (auto it = passthroughs.rbegin(); it != passthroughs.rend(); ++it) {
    note(remove_passthrough(*it));
  }
  auto rules = state_.rules;
  for (auto it = rules.rbegin(); it != rules.rend(); ++it) note(remove_rule(*it));
  auto chains = state_.chains;
  for (auto it = chains.rbegin(); it != chains.rend(); ++it) {
    // Flushed first: rules others put into our chain must not keep it alive.
    note(
        restore(it->ipv, {{"-t", it->table, "-F", it->chain}, {"-t", it->table, "-X", it->chain}}));
  }
  state_ = {};
  positions_.clear();
}

Status Direct::set_permanent(const model::DirectConfig& config) {
  auto saved = save_permanent_direct(paths_, config);
  if (!saved) return saved;
  permanent_ = std::move(*saved);
  return ok();
}

void Direct::load_permanent(std::vector<Error>& warnings) {
  permanent_ = load_permanent_direct(paths_, warnings);
}

model::DirectConfig Direct::runtime_only() const {
  model::DirectConfig out;
  for (const auto& c : state_.chains) {
    if (!permanent_.has(c)) out.add(c);
  }
  for (const auto& r : state_.rules) {
    if (!permanent_.has(r)) out.add(r);
  }
  for (const auto& p : state_.passthroughs) {
    if (!permanent_.has(p)) out.add(p);
  }
  return out;
}

}  // namespace fwctl::core
