#pragma once
// The permanent direct configuration and lockdown whitelist as config.direct and
// config.policies change them (firewalld's server/config.py): each change is made on a copy,
// which the caller then stores (Direct::set_permanent / Lockdown::set_permanent_whitelist).

#include <cstdint>
#include <string>

#include "common/result.hpp"
#include "model/direct.hpp"
#include "model/lockdown_whitelist.hpp"

namespace fwctl::core {

// What config.direct.update() stores: every chain and rule checked (INVALID_IPV,
// INVALID_TABLE), every passthrough's ipv checked, duplicates dropped, firewalld's order.
Result<model::DirectConfig> checked_direct(const model::DirectConfig& settings);

// config.direct's add*/remove*: ALREADY_ENABLED "chain 'c' already is in 'ipv4:filter'",
// "rule '['-j', 'ACCEPT']' already is in 'ipv4:filter:c'", "passthrough 'ipv4', '[…]'";
// NOT_ENABLED "… is not in …" likewise. Entries are not checked here (checked_direct does).
Result<model::DirectConfig> direct_with(model::DirectConfig config, const model::DirectChain& c,
                                        bool add);
Result<model::DirectConfig> direct_with(model::DirectConfig config, const model::DirectRule& r,
                                        bool add);
Result<model::DirectConfig> direct_with(model::DirectConfig config,
                                        const model::DirectPassthrough& p, bool add);
// config.direct.removeRules: every rule of one chain removed; never an error.
model::DirectConfig direct_without_rules(model::DirectConfig config, const std::string& ipv,
                                         const std::string& table, const std::string& chain);

// config.policies' add/remove of whitelist entries: ALREADY_ENABLED / NOT_ENABLED with the entry
// as detail. Validity is checked when stored (model::checked_whitelist).
enum class WhitelistEntry { Command, Context, User };
Result<model::LockdownWhitelist> whitelist_with(model::LockdownWhitelist whitelist,
                                                WhitelistEntry kind, const std::string& value,
                                                bool add);
Result<model::LockdownWhitelist> whitelist_with_uid(model::LockdownWhitelist whitelist, int32_t uid,
                                                    bool add);

}  // namespace fwctl::core
