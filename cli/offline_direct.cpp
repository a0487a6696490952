#include "offline_direct.hpp"

#include <algorithm>
#include <ostream>

#include "client.hpp"
#include "common/lists.hpp"
#include "core/direct_settings.hpp"
#include "core/permanent_direct.hpp"

namespace fwctl::cli {
namespace {

template <typename T>
T value_or_throw(Result<T> r) {
  if (!r) throw FwError{r.error().message()};
  return std::move(*r);
}

// What fwctld reads at start; a broken file is used as far as it reads, as the daemon does.
template <typename T, typename Load>
T load(const config::Paths& paths, Load load_fn) {
  std::vector<Error> ignored;
  return load_fn(paths, ignored);
}

}  // namespace

OfflineDirect::OfflineDirect(const config::Paths& paths)
    : paths_(paths),
      config_(load<model::DirectConfig>(paths, [](const config::Paths& p, std::vector<Error>& w) {
        return core::load_permanent_direct(p, w);
      })) {}

void OfflineDirect::store(const model::DirectConfig& next) {
  if (log_) config_ = next;
  else config_ = value_or_throw(core::save_permanent_direct(paths_, next));
}

void OfflineDirect::write() {
  config_ = value_or_throw(core::save_permanent_direct(paths_, config_));
}

void OfflineDirect::change(Result<model::DirectConfig> next, const std::string& what, bool) {
  if (!next && log_ && next.error().code == Code::ALREADY_ENABLED) {
    *log_ << "WARNING: " << what << "already in list, ignoring\n";
    return;
  }
  // A python ValueError: UNKNOWN_ERROR for the daemon, a bare message (exit 2) offline.
  if (!next && log_ && next.error().code == Code::NOT_ENABLED)
    throw FwError{"UNKNOWN_ERROR: " + what + "not in list"};
  store(value_or_throw(std::move(next)));
}

namespace {
// io/direct.py's "',".join(args).
std::string python_joined(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& each : args) out += (out.empty() ? "" : "',") + each;
  return out;
}
}  // namespace

void OfflineDirect::addChain(const std::string& ipv, const std::string& table,
                             const std::string& chain) {
  change(core::direct_with(config_, model::DirectChain{ipv, table, chain}, true),
         "Chain '" + chain + "' for table '" + table + "' with ipv '" + ipv + "' ", true);
}

void OfflineDirect::removeChain(const std::string& ipv, const std::string& table,
                                const std::string& chain) {
  change(core::direct_with(config_, model::DirectChain{ipv, table, chain}, false),
         "Chain '" + chain + "' with table '" + table + "' with ipv '" + ipv + "' ", false);
}

bool OfflineDirect::queryChain(const std::string& ipv, const std::string& table,
                               const std::string& chain) const {
  return config_.has(model::DirectChain{ipv, table, chain});
}

OfflineDirect::Strings OfflineDirect::getChains(const std::string& ipv,
                                                const std::string& table) const {
  Strings out;
  for (const auto& c : config_.chains)
    if (c.ipv == ipv && c.table == table) out.push_back(c.chain);
  return out;
}

std::vector<sdbus::Struct<std::string, std::string, std::string>> OfflineDirect::getAllChains()
    const {
  std::vector<sdbus::Struct<std::string, std::string, std::string>> out;
  for (const auto& c : config_.chains) out.emplace_back(c.ipv, c.table, c.chain);
  return out;
}

void OfflineDirect::addRule(const std::string& ipv, const std::string& table,
                            const std::string& chain, int32_t priority, const Strings& args) {
  change(core::direct_with(config_, model::DirectRule{ipv, table, chain, priority, args}, true),
         "Rule '" + python_joined(args) + "' for table '" + table + "' and chain '" + chain +
             "' with ipv '" + ipv + "' and priority " + std::to_string(priority) + " ",
         true);
}

void OfflineDirect::removeRule(const std::string& ipv, const std::string& table,
                               const std::string& chain, int32_t priority, const Strings& args) {
  change(core::direct_with(config_, model::DirectRule{ipv, table, chain, priority, args}, false),
         "Rule '" + python_joined(args) + "' for table '" + table + "' and chain '" + chain +
             "' with ipv '" + ipv + "' and priority " + std::to_string(priority) + " ",
         false);
}

void OfflineDirect::removeRules(const std::string& ipv, const std::string& table,
                                const std::string& chain) {
  store(core::direct_without_rules(config_, ipv, table, chain));
}

bool OfflineDirect::queryRule(const std::string& ipv, const std::string& table,
                              const std::string& chain, int32_t priority,
                              const Strings& args) const {
  return config_.has(model::DirectRule{ipv, table, chain, priority, args});
}

std::vector<sdbus::Struct<int32_t, OfflineDirect::Strings>> OfflineDirect::getRules(
    const std::string& ipv, const std::string& table, const std::string& chain) const {
  std::vector<sdbus::Struct<int32_t, Strings>> out;
  for (const auto& r : config_.rules)
    if (r.ipv == ipv && r.table == table && r.chain == chain) out.emplace_back(r.priority, r.args);
  return out;
}

std::vector<sdbus::Struct<std::string, std::string, std::string, int32_t, OfflineDirect::Strings>>
OfflineDirect::getAllRules() const {
  std::vector<sdbus::Struct<std::string, std::string, std::string, int32_t, Strings>> out;
  for (const auto& r : config_.rules) out.emplace_back(r.ipv, r.table, r.chain, r.priority, r.args);
  return out;
}

void OfflineDirect::addPassthrough(const std::string& ipv, const Strings& args) {
  change(core::direct_with(config_, model::DirectPassthrough{ipv, args}, true),
         "Passthrough '" + python_joined(args) + "' for ipv '" + ipv + "'", true);
}

void OfflineDirect::removePassthrough(const std::string& ipv, const Strings& args) {
  change(core::direct_with(config_, model::DirectPassthrough{ipv, args}, false),
         "Passthrough '" + python_joined(args) + "' for ipv '" + ipv + "'", false);
}

bool OfflineDirect::queryPassthrough(const std::string& ipv, const Strings& args) const {
  return config_.has(model::DirectPassthrough{ipv, args});
}

std::vector<OfflineDirect::Strings> OfflineDirect::getPassthroughs(const std::string& ipv) const {
  std::vector<Strings> out;
  for (const auto& p : config_.passthroughs)
    if (p.ipv == ipv) out.push_back(p.args);
  return out;
}

std::vector<sdbus::Struct<std::string, OfflineDirect::Strings>> OfflineDirect::getAllPassthroughs()
    const {
  std::vector<sdbus::Struct<std::string, Strings>> out;
  for (const auto& p : config_.passthroughs) out.emplace_back(p.ipv, p.args);
  return out;
}

OfflineWhitelist::OfflineWhitelist(const config::Paths& paths)
    : paths_(paths),
      whitelist_(
          load<model::LockdownWhitelist>(paths, [](const config::Paths& p, std::vector<Error>& w) {
            return core::load_permanent_whitelist(p, w, false);
          })) {}

void OfflineWhitelist::change(Kind kind, const std::string& value, bool add) {
  auto entry = kind == Kind::Command   ? core::WhitelistEntry::Command
               : kind == Kind::Context ? core::WhitelistEntry::Context
                                       : core::WhitelistEntry::User;
  const char* what = kind == Kind::Command ? "Command" : kind == Kind::Context ? "Context" : "User";
  take(core::whitelist_with(whitelist_, entry, value, add), what, value, add);
}

void OfflineWhitelist::change_uid(int32_t uid, bool add) {
  take(core::whitelist_with_uid(whitelist_, uid, add), "Uid", std::to_string(uid), add);
}

void OfflineWhitelist::take(Result<model::LockdownWhitelist> next, const char* what,
                            const std::string& value, bool add) {
  if (!next && offline_cmd_ &&
      (next.error().code == Code::ALREADY_ENABLED || next.error().code == Code::NOT_ENABLED)) {
    std::string text = std::string(what) + " \"" + value + "\"";
    throw FwError{add ? "ALREADY_ENABLED: " + text + " already in whitelist"
                      : "NOT_ENABLED: " + text + " not in whitelist."};
  }
  model::LockdownWhitelist changed = value_or_throw(std::move(next));
  if (offline_cmd_) whitelist_ = std::move(changed);
  else whitelist_ = value_or_throw(core::save_permanent_whitelist(paths_, changed));
}

void OfflineWhitelist::write() {
  whitelist_ = value_or_throw(core::save_permanent_whitelist(paths_, whitelist_));
}

bool OfflineWhitelist::queryLockdownWhitelistCommand(const std::string& v) const {
  return contains(whitelist_.commands, v);
}
bool OfflineWhitelist::queryLockdownWhitelistContext(const std::string& v) const {
  return contains(whitelist_.contexts, v);
}
bool OfflineWhitelist::queryLockdownWhitelistUser(const std::string& v) const {
  return contains(whitelist_.users, v);
}
bool OfflineWhitelist::queryLockdownWhitelistUid(int32_t uid) const {
  return contains(whitelist_.uids, uid);
}

}  // namespace fwctl::cli
