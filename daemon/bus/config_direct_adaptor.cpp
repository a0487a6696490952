#include "bus/config_direct_adaptor.hpp"

#include "bus/error_map.hpp"
#include "core/direct_settings.hpp"

namespace fwctl::bus {

void ConfigDirectAdaptor::store(Result<model::DirectConfig> next) {
  value_or_throw(direct_.set_permanent(value_or_throw(std::move(next))));
  emitUpdated();
}

void ConfigDirectAdaptor::getSettings(sdbus::Result<DirectStruct>&& result) {
  serve(std::move(result), "getSettings", [=, this] { return direct_struct(settings()); });
}

void ConfigDirectAdaptor::update(sdbus::Result<>&& result, DirectStruct settings) {
  serve(std::move(result), "update", [=, this] { store(direct_config(settings)); });
}

void ConfigDirectAdaptor::addChain(sdbus::Result<>&& result, std::string ipv, std::string table,
                                   std::string chain) {
  serve(std::move(result), "addChain", [=, this] {
    store(core::direct_with(settings(), model::DirectChain{ipv, table, chain}, true));
  });
}

void ConfigDirectAdaptor::removeChain(sdbus::Result<>&& result, std::string ipv, std::string table,
                                      std::string chain) {
  serve(std::move(result), "removeChain", [=, this] {
    store(core::direct_with(settings(), model::DirectChain{ipv, table, chain}, false));
  });
}

void ConfigDirectAdaptor::queryChain(sdbus::Result<bool>&& result, std::string ipv,
                                     std::string table, std::string chain) {
  serve(std::move(result), "queryChain", [=, this] {
    return settings().has(model::DirectChain{ipv, table, chain});
  });
}

void ConfigDirectAdaptor::getChains(sdbus::Result<Strings>&& result, std::string ipv,
                                    std::string table) {
  serve(std::move(result), "getChains", [=, this] {
    Strings out;
    for (const auto& c : settings().chains) {
      if (c.ipv == ipv && c.table == table) out.push_back(c.chain);
    }
    return out;
  });
}

void ConfigDirectAdaptor::getAllChains(sdbus::Result<std::vector<ChainStruct>>&& result) {
  serve(std::move(result), "getAllChains", [=, this] { return chain_structs(settings().chains); });
}

void ConfigDirectAdaptor::addRule(sdbus::Result<>&& result, std::string ipv, std::string table,
                                  std::string chain, int32_t priority, Strings args) {
  serve(std::move(result), "addRule", [=, this] {
    store(
        core::direct_with(settings(), model::DirectRule{ipv, table, chain, priority, args}, true));
  });
}

void ConfigDirectAdaptor::removeRule(sdbus::Result<>&& result, std::string ipv, std::string table,
                                     std::string chain, int32_t priority, Strings args) {
  serve(std::move(result), "removeRule", [=, this] {
    store(
        core::direct_with(settings(), model::DirectRule{ipv, table, chain, priority, args}, false));
  });
}

void ConfigDirectAdaptor::queryRule(sdbus::Result<bool>&& result, std::string ipv,
                                    std::string table, std::string chain, int32_t priority,
                                    Strings args) {
  serve(std::move(result), "queryRule", [=, this] {
    return settings().has(model::DirectRule{ipv, table, chain, priority, args});
  });
}

void ConfigDirectAdaptor::removeRules(sdbus::Result<>&& result, std::string ipv, std::string table,
                                      std::string chain) {
  serve(std::move(result), "removeRules",
        [=, this] { store(core::direct_without_rules(settings(), ipv, table, chain)); });
}

void ConfigDirectAdaptor::getRules(
    sdbus::Result<std::vector<sdbus::Struct<int32_t, Strings>>>&& result, std::string ipv,
    std::string table, std::string chain) {
  serve(std::move(result), "getRules", [=, this] {
    std::vector<sdbus::Struct<int32_t, Strings>> out;
    for (const auto& r : settings().rules) {
      if (r.ipv == ipv && r.table == table && r.chain == chain)
        out.emplace_back(r.priority, r.args);
    }
    return out;
  });
}

void ConfigDirectAdaptor::getAllRules(sdbus::Result<std::vector<RuleStruct>>&& result) {
  serve(std::move(result), "getAllRules", [=, this] { return rule_structs(settings().rules); });
}

void ConfigDirectAdaptor::addPassthrough(sdbus::Result<>&& result, std::string ipv, Strings args) {
  serve(std::move(result), "addPassthrough", [=, this] {
    store(core::direct_with(settings(), model::DirectPassthrough{ipv, args}, true));
  });
}

void ConfigDirectAdaptor::removePassthrough(sdbus::Result<>&& result, std::string ipv,
                                            Strings args) {
  serve(std::move(result), "removePassthrough", [=, this] {
    store(core::direct_with(settings(), model::DirectPassthrough{ipv, args}, false));
  });
}

void ConfigDirectAdaptor::queryPassthrough(sdbus::Result<bool>&& result, std::string ipv,
                                           Strings args) {
  serve(std::move(result), "queryPassthrough", [=, this] {
    return settings().has(model::DirectPassthrough{ipv, args});
  });
}

void ConfigDirectAdaptor::getPassthroughs(sdbus::Result<std::vector<Strings>>&& result,
                                          std::string ipv) {
  serve(std::move(result), "getPassthroughs", [=, this] {
    std::vector<Strings> out;
    for (const auto& p : settings().passthroughs) {
      if (p.ipv == ipv) out.push_back(p.args);
    }
    return out;
  });
}

void ConfigDirectAdaptor::getAllPassthroughs(
    sdbus::Result<std::vector<PassthroughStruct>>&& result) {
  serve(std::move(result), "getAllPassthroughs",
        [=, this] { return passthrough_structs(settings().passthroughs); });
}

}  // namespace fwctl::bus
