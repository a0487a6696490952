#include "core/direct_settings.hpp"

#include <algorithm>

namespace fwctl::core {
namespace {

template <typename T>
Result<std::vector<T>> list_with(std::vector<T> list, const T& value, bool add,
                                 const std::string& text) {
  auto it = std::find(list.begin(), list.end(), value);
  if (add && it != list.end()) return fail(Code::ALREADY_ENABLED, text);
  if (!add && it == list.end()) return fail(Code::NOT_ENABLED, text);
  if (add) {
    list.push_back(value);
  } else {
    list.erase(it);
  }
  return list;
}

}  // namespace

Result<model::DirectConfig> checked_direct(const model::DirectConfig& settings) {
  model::DirectConfig out;
  for (const auto& c : settings.chains) {
    if (Status st = model::check_ipv_table(c.ipv, c.table); !st) return st;
    out.add(c);
  }
  for (const auto& r : settings.rules) {
    if (Status st = model::check_ipv_table(r.ipv, r.table); !st) return st;
    out.add(r);
  }
  for (const auto& p : settings.passthroughs) {
    if (Status st = model::check_ipv(p.ipv); !st) return st;
    out.add(p);
  }
  return out;
}

Result<model::DirectConfig> direct_with(model::DirectConfig config, const model::DirectChain& c,
                                        bool add) {
  bool done = add ? config.add(c) : config.remove(c);
  if (done) return config;
  std::string place = "'" + c.ipv + ":" + c.table + "'";
  if (add) return fail(Code::ALREADY_ENABLED, "chain '" + c.chain + "' already is in " + place);
  return fail(Code::NOT_ENABLED, "chain '" + c.chain + "' is not in " + place);
}

Result<model::DirectConfig> direct_with(model::DirectConfig config, const model::DirectRule& r,
                                        bool add) {
  bool done = add ? config.add(r) : config.remove(r);
  if (done) return config;
  std::string text = "rule '" + model::python_list_repr(r.args) + "'";
  std::string place = "'" + r.ipv + ":" + r.table + ":" + r.chain + "'";
  if (add) return fail(Code::ALREADY_ENABLED, text + " already is in " + place);
  return fail(Code::NOT_ENABLED, text + " is not in " + place);
}

Result<model::DirectConfig> direct_with(model::DirectConfig config,
                                        const model::DirectPassthrough& p, bool add) {
  bool done = add ? config.add(p) : config.remove(p);
  if (done) return config;
  return fail(add ? Code::ALREADY_ENABLED : Code::NOT_ENABLED,
              "passthrough '" + p.ipv + "', '" + model::python_list_repr(p.args) + "'");
}

model::DirectConfig direct_without_rules(model::DirectConfig config, const std::string& ipv,
                                         const std::string& table, const std::string& chain) {
  std::erase_if(config.rules, [&](const model::DirectRule& r) {
    return r.ipv == ipv && r.table == table && r.chain == chain;
  });
  return config;
}

Result<model::LockdownWhitelist> whitelist_with(model::LockdownWhitelist whitelist,
                                                WhitelistEntry kind, const std::string& value,
                                                bool add) {
  auto& list = kind == WhitelistEntry::Command   ? whitelist.commands
               : kind == WhitelistEntry::Context ? whitelist.contexts
                                                 : whitelist.users;
  auto next = list_with(list, value, add, value);
  if (!next) return next;
  list = std::move(*next);
  return whitelist;
}

Result<model::LockdownWhitelist> whitelist_with_uid(model::LockdownWhitelist whitelist, int32_t uid,
                                                    bool add) {
  auto next = list_with(whitelist.uids, uid, add, std::to_string(uid));
  if (!next) return next;
  whitelist.uids = std::move(*next);
  return whitelist;
}

}  // namespace fwctl::core
