#include "bus/config_policies_adaptor.hpp"

#include <algorithm>

#include "bus/error_map.hpp"
#include "common/lists.hpp"

namespace fwctl::bus {
namespace {}  // namespace

void ConfigPoliciesAdaptor::store(Result<model::LockdownWhitelist> next) {
  value_or_throw(lockdown_.set_permanent_whitelist(value_or_throw(std::move(next))));
  emitLockdownWhitelistUpdated();
}

void ConfigPoliciesAdaptor::change(sdbus::Result<>&& result, const char* member,
                                   core::WhitelistEntry kind, std::string value, bool add) {
  serve(std::move(result), member, [=, this, value = std::move(value)] {
    store(core::whitelist_with(whitelist(), kind, value, add));
  });
}

void ConfigPoliciesAdaptor::getLockdownWhitelist(sdbus::Result<WhitelistStruct>&& result) {
  serve(std::move(result), "getLockdownWhitelist", [=, this] {
    const auto& w = whitelist();
    return WhitelistStruct(w.commands, w.contexts, w.users, w.uids);
  });
}

void ConfigPoliciesAdaptor::setLockdownWhitelist(sdbus::Result<>&& result,
                                                 WhitelistStruct settings) {
  serve(std::move(result), "setLockdownWhitelist", [=, this] {
    store(model::LockdownWhitelist{std::get<0>(settings), std::get<1>(settings),
                                   std::get<2>(settings), std::get<3>(settings)});
  });
}

void ConfigPoliciesAdaptor::addLockdownWhitelistCommand(sdbus::Result<>&& result,
                                                        std::string command) {
  change(std::move(result), "addLockdownWhitelistCommand", core::WhitelistEntry::Command, command,
         true);
}

void ConfigPoliciesAdaptor::removeLockdownWhitelistCommand(sdbus::Result<>&& result,
                                                           std::string command) {
  change(std::move(result), "removeLockdownWhitelistCommand", core::WhitelistEntry::Command,
         command, false);
}

void ConfigPoliciesAdaptor::queryLockdownWhitelistCommand(sdbus::Result<bool>&& result,
                                                          std::string command) {
  serve(std::move(result), "queryLockdownWhitelistCommand",
        [=, this] { return contains(whitelist().commands, command); });
}

void ConfigPoliciesAdaptor::getLockdownWhitelistCommands(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistCommands",
        [=, this] { return whitelist().commands; });
}

void ConfigPoliciesAdaptor::addLockdownWhitelistContext(sdbus::Result<>&& result,
                                                        std::string context) {
  change(std::move(result), "addLockdownWhitelistContext", core::WhitelistEntry::Context, context,
         true);
}

void ConfigPoliciesAdaptor::removeLockdownWhitelistContext(sdbus::Result<>&& result,
                                                           std::string context) {
  change(std::move(result), "removeLockdownWhitelistContext", core::WhitelistEntry::Context,
         context, false);
}

void ConfigPoliciesAdaptor::queryLockdownWhitelistContext(sdbus::Result<bool>&& result,
                                                          std::string context) {
  serve(std::move(result), "queryLockdownWhitelistContext",
        [=, this] { return contains(whitelist().contexts, context); });
}

void ConfigPoliciesAdaptor::getLockdownWhitelistContexts(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistContexts",
        [=, this] { return whitelist().contexts; });
}

void ConfigPoliciesAdaptor::addLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) {
  change(std::move(result), "addLockdownWhitelistUser", core::WhitelistEntry::User, user, true);
}

void ConfigPoliciesAdaptor::removeLockdownWhitelistUser(sdbus::Result<>&& result,
                                                        std::string user) {
  change(std::move(result), "removeLockdownWhitelistUser", core::WhitelistEntry::User, user, false);
}

void ConfigPoliciesAdaptor::queryLockdownWhitelistUser(sdbus::Result<bool>&& result,
                                                       std::string user) {
  serve(std::move(result), "queryLockdownWhitelistUser",
        [=, this] { return contains(whitelist().users, user); });
}

void ConfigPoliciesAdaptor::getLockdownWhitelistUsers(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistUsers", [=, this] { return whitelist().users; });
}

void ConfigPoliciesAdaptor::addLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) {
  serve(std::move(result), "addLockdownWhitelistUid",
        [=, this] { store(core::whitelist_with_uid(whitelist(), uid, true)); });
}

void ConfigPoliciesAdaptor::removeLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) {
  serve(std::move(result), "removeLockdownWhitelistUid",
        [=, this] { store(core::whitelist_with_uid(whitelist(), uid, false)); });
}

void ConfigPoliciesAdaptor::queryLockdownWhitelistUid(sdbus::Result<bool>&& result, int32_t uid) {
  serve(std::move(result), "queryLockdownWhitelistUid",
        [=, this] { return contains(whitelist().uids, uid); });
}

void ConfigPoliciesAdaptor::getLockdownWhitelistUids(sdbus::Result<std::vector<int32_t>>&& result) {
  serve(std::move(result), "getLockdownWhitelistUids", [=, this] { return whitelist().uids; });
}

}  // namespace fwctl::bus
