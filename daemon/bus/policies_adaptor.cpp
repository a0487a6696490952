#include "bus/policies_adaptor.hpp"

#include <algorithm>

#include "bus/error_map.hpp"
#include "common/lists.hpp"

namespace fwctl::bus {
namespace {}  // namespace

void PoliciesAdaptor::enableLockdown(sdbus::Result<>&& result) {
  serve(std::move(result), "enableLockdown", [=, this] {
    value_or_throw(lockdown_.enable());
    emitLockdownEnabled();
  });
}

void PoliciesAdaptor::disableLockdown(sdbus::Result<>&& result) {
  serve(std::move(result), "disableLockdown", [=, this] {
    value_or_throw(lockdown_.disable());
    emitLockdownDisabled();
  });
}

void PoliciesAdaptor::queryLockdown(sdbus::Result<bool>&& result) {
  serve(std::move(result), "queryLockdown", [=, this] { return lockdown_.enabled(); });
}

void PoliciesAdaptor::addLockdownWhitelistCommand(sdbus::Result<>&& result, std::string command) {
  serve(std::move(result), "addLockdownWhitelistCommand", [=, this] {
    value_or_throw(lockdown_.add_command(command));
    emitLockdownWhitelistCommandAdded(command);
  });
}

void PoliciesAdaptor::removeLockdownWhitelistCommand(sdbus::Result<>&& result,
                                                     std::string command) {
  serve(std::move(result), "removeLockdownWhitelistCommand", [=, this] {
    value_or_throw(lockdown_.remove_command(command));
    emitLockdownWhitelistCommandRemoved(command);
  });
}

void PoliciesAdaptor::queryLockdownWhitelistCommand(sdbus::Result<bool>&& result,
                                                    std::string command) {
  serve(std::move(result), "queryLockdownWhitelistCommand",
        [=, this] { return contains(lockdown_.whitelist().commands, command); });
}

void PoliciesAdaptor::getLockdownWhitelistCommands(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistCommands",
        [=, this] { return lockdown_.whitelist().commands; });
}

void PoliciesAdaptor::addLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) {
  serve(std::move(result), "addLockdownWhitelistUid", [=, this] {
    value_or_throw(lockdown_.add_uid(uid));
    emitLockdownWhitelistUidAdded(uid);
  });
}

void PoliciesAdaptor::removeLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) {
  serve(std::move(result), "removeLockdownWhitelistUid", [=, this] {
    value_or_throw(lockdown_.remove_uid(uid));
    emitLockdownWhitelistUidRemoved(uid);
  });
}

void PoliciesAdaptor::queryLockdownWhitelistUid(sdbus::Result<bool>&& result, int32_t uid) {
  serve(std::move(result), "queryLockdownWhitelistUid",
        [=, this] { return contains(lockdown_.whitelist().uids, uid); });
}

void PoliciesAdaptor::getLockdownWhitelistUids(sdbus::Result<std::vector<int32_t>>&& result) {
  serve(std::move(result), "getLockdownWhitelistUids",
        [=, this] { return lockdown_.whitelist().uids; });
}

void PoliciesAdaptor::addLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) {
  serve(std::move(result), "addLockdownWhitelistUser", [=, this] {
    value_or_throw(lockdown_.add_user(user));
    emitLockdownWhitelistUserAdded(user);
  });
}

void PoliciesAdaptor::removeLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) {
  serve(std::move(result), "removeLockdownWhitelistUser", [=, this] {
    value_or_throw(lockdown_.remove_user(user));
    emitLockdownWhitelistUserRemoved(user);
  });
}

void PoliciesAdaptor::queryLockdownWhitelistUser(sdbus::Result<bool>&& result, std::string user) {
  serve(std::move(result), "queryLockdownWhitelistUser",
        [=, this] { return contains(lockdown_.whitelist().users, user); });
}

void PoliciesAdaptor::getLockdownWhitelistUsers(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistUsers",
        [=, this] { return lockdown_.whitelist().users; });
}

void PoliciesAdaptor::addLockdownWhitelistContext(sdbus::Result<>&& result, std::string context) {
  serve(std::move(result), "addLockdownWhitelistContext", [=, this] {
    value_or_throw(lockdown_.add_context(context));
    emitLockdownWhitelistContextAdded(context);
  });
}

void PoliciesAdaptor::removeLockdownWhitelistContext(sdbus::Result<>&& result,
                                                     std::string context) {
  serve(std::move(result), "removeLockdownWhitelistContext", [=, this] {
    value_or_throw(lockdown_.remove_context(context));
    emitLockdownWhitelistContextRemoved(context);
  });
}

void PoliciesAdaptor::queryLockdownWhitelistContext(sdbus::Result<bool>&& result,
                                                    std::string context) {
  serve(std::move(result), "queryLockdownWhitelistContext",
        [=, this] { return contains(lockdown_.whitelist().contexts, context); });
}

void PoliciesAdaptor::getLockdownWhitelistContexts(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistContexts",
        [=, this] { return lockdown_.whitelist().contexts; });
}

}  // namespace fwctl::bus
