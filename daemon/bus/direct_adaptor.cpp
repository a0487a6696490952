#include "bus/direct_adaptor.hpp"

#include "bus/error_map.hpp"
#include "core/direct.hpp"
#include "sys/log.hpp"

namespace fwctl::bus {

std::vector<ChainStruct> chain_structs(const std::vector<model::DirectChain>& chains) {
  std::vector<ChainStruct> out;
  for (const auto& c : chains) out.emplace_back(c.ipv, c.table, c.chain);
  return out;
}

std::vector<RuleStruct> rule_structs(const std::vector<model::DirectRule>& rules) {
  std::vector<RuleStruct> out;
  for (const auto& r : rules) out.emplace_back(r.ipv, r.table, r.chain, r.priority, r.args);
  return out;
}

std::vector<PassthroughStruct> passthrough_structs(
    const std::vector<model::DirectPassthrough>& passthroughs) {
  std::vector<PassthroughStruct> out;
  for (const auto& p : passthroughs) out.emplace_back(p.ipv, p.args);
  return out;
}

DirectStruct direct_struct(const model::DirectConfig& config) {
  return DirectStruct(chain_structs(config.chains), rule_structs(config.rules),
                      passthrough_structs(config.passthroughs));
}

model::DirectConfig direct_config(const DirectStruct& settings) {
  model::DirectConfig out;
  for (const auto& c : std::get<0>(settings)) {
    out.chains.push_back({std::get<0>(c), std::get<1>(c), std::get<2>(c)});
  }
  for (const auto& r : std::get<1>(settings)) {
    out.rules.push_back(
        {std::get<0>(r), std::get<1>(r), std::get<2>(r), std::get<3>(r), std::get<4>(r)});
  }
  for (const auto& p : std::get<2>(settings))
    out.passthroughs.push_back({std::get<0>(p), std::get<1>(p)});
  return out;
}

void DirectAdaptor::addChain(sdbus::Result<>&& result, std::string ipv, std::string table,
                             std::string chain) {
  serve(std::move(result), "addChain", [=, this] {
    value_or_throw(direct_.add_chain(ipv, table, chain));
    emitChainAdded(ipv, table, chain);
  });
}

void DirectAdaptor::removeChain(sdbus::Result<>&& result, std::string ipv, std::string table,
                                std::string chain) {
  serve(std::move(result), "removeChain", [=, this] {
    value_or_throw(direct_.remove_chain(ipv, table, chain));
    emitChainRemoved(ipv, table, chain);
  });
}

void DirectAdaptor::queryChain(sdbus::Result<bool>&& result, std::string ipv, std::string table,
                               std::string chain) {
  serve(std::move(result), "queryChain",
        [=, this] { return value_or_throw(direct_.query_chain(ipv, table, chain)); });
}

void DirectAdaptor::getChains(sdbus::Result<Strings>&& result, std::string ipv, std::string table) {
  serve(std::move(result), "getChains",
        [=, this] { return value_or_throw(direct_.chains(ipv, table)); });
}

void DirectAdaptor::getAllChains(sdbus::Result<std::vector<ChainStruct>>&& result) {
  serve(std::move(result), "getAllChains",
        [=, this] { return chain_structs(direct_.config().chains); });
}

void DirectAdaptor::addRule(sdbus::Result<>&& result, std::string ipv, std::string table,
                            std::string chain, int32_t priority, Strings args) {
  serve(std::move(result), "addRule", [=, this] {
    value_or_throw(direct_.add_rule({ipv, table, chain, priority, args}));
    emitRuleAdded(ipv, table, chain, priority, args);
  });
}

void DirectAdaptor::removeRule(sdbus::Result<>&& result, std::string ipv, std::string table,
                               std::string chain, int32_t priority, Strings args) {
  serve(std::move(result), "removeRule", [=, this] {
    value_or_throw(direct_.remove_rule({ipv, table, chain, priority, args}));
    emitRuleRemoved(ipv, table, chain, priority, args);
  });
}

// firewalld removes the rules one by one, each with its signal.
void DirectAdaptor::removeRules(sdbus::Result<>&& result, std::string ipv, std::string table,
                                std::string chain) {
  serve(std::move(result), "removeRules", [=, this] {
    for (const auto& [priority, args] : value_or_throw(direct_.rules(ipv, table, chain))) {
      value_or_throw(direct_.remove_rule({ipv, table, chain, priority, args}));
      emitRuleRemoved(ipv, table, chain, priority, args);
    }
  });
}

void DirectAdaptor::queryRule(sdbus::Result<bool>&& result, std::string ipv, std::string table,
                              std::string chain, int32_t priority, Strings args) {
  serve(std::move(result), "queryRule", [=, this] {
    return value_or_throw(direct_.query_rule({ipv, table, chain, priority, args}));
  });
}

void DirectAdaptor::getRules(sdbus::Result<std::vector<sdbus::Struct<int32_t, Strings>>>&& result,
                             std::string ipv, std::string table, std::string chain) {
  serve(std::move(result), "getRules", [=, this] {
    std::vector<sdbus::Struct<int32_t, Strings>> out;
    for (const auto& [priority, args] : value_or_throw(direct_.rules(ipv, table, chain))) {
      out.emplace_back(priority, args);
    }
    return out;
  });
}

void DirectAdaptor::getAllRules(sdbus::Result<std::vector<RuleStruct>>&& result) {
  serve(std::move(result), "getAllRules",
        [=, this] { return rule_structs(direct_.config().rules); });
}

void DirectAdaptor::passthrough(sdbus::Result<std::string>&& result, std::string ipv,
                                Strings args) {
  serve(std::move(result), "passthrough", [=, this] {
    auto output = direct_.passthrough(ipv, args);
    if (output) return std::move(*output);
    const Error& error = output.error();
    if (error.code != Code::COMMAND_FAILED) throw_error(error);
    // firewalld logs a failed passthrough itself, as a warning, and not when it only looked.
    if (!core::passthrough_is_query(ipv, args)) sys::log::warning(error.message());
    throw to_dbus_error(error);
  });
}

void DirectAdaptor::addPassthrough(sdbus::Result<>&& result, std::string ipv, Strings args) {
  serve(std::move(result), "addPassthrough", [=, this] {
    value_or_throw(direct_.add_passthrough({ipv, args}));
    emitPassthroughAdded(ipv, args);
  });
}

void DirectAdaptor::removePassthrough(sdbus::Result<>&& result, std::string ipv, Strings args) {
  serve(std::move(result), "removePassthrough", [=, this] {
    value_or_throw(direct_.remove_passthrough({ipv, args}));
    emitPassthroughRemoved(ipv, args);
  });
}

void DirectAdaptor::queryPassthrough(sdbus::Result<bool>&& result, std::string ipv, Strings args) {
  serve(std::move(result), "queryPassthrough", [=, this] {
    return direct_.query_passthrough({ipv, args});
  });
}

void DirectAdaptor::getAllPassthroughs(sdbus::Result<std::vector<PassthroughStruct>>&& result) {
  serve(std::move(result), "getAllPassthroughs",
        [=, this] { return passthrough_structs(direct_.config().passthroughs); });
}

// Newest first, so that a chain is emptied before it is removed (firewalld's order).
void DirectAdaptor::removeAllPassthroughs(sdbus::Result<>&& result) {
  serve(std::move(result), "removeAllPassthroughs", [=, this] {
    auto all = direct_.config().passthroughs;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      value_or_throw(direct_.remove_passthrough(*it));
      emitPassthroughRemoved(it->ipv, it->args);
    }
  });
}

void DirectAdaptor::getPassthroughs(sdbus::Result<std::vector<Strings>>&& result, std::string ipv) {
  serve(std::move(result), "getPassthroughs", [=, this] { return direct_.passthroughs(ipv); });
}

}  // namespace fwctl::bus
