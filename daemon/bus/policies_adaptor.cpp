#include "bus/policies_adaptor.hpp"

#include <algorithm>

#include "bus/error_map.hpp"
#include "common/lists.hpp"

namespace fwctl::bus {
namespace {}  // namespace

void PoliciesAdaptor::enableLockdown(sdbus::Result<>&& result) {
  serve(std::move(result), "enableLockdown", [=, this] {
    value_or_throw(fw_.lockdown().enable());
    emitLockdownEnabled();
  });
}

void PoliciesAdaptor::disableLockdown(sdbus::Result<>&& result) {
  serve(std::move(result), "disableLockdown", [=, this] {
    value_or_throw(fw_.lockdown().disable());
    emitLockdownDisabled();
  });
}

void PoliciesAdaptor::queryLockdown(sdbus::Result<bool>&& result) {
  serve(std::move(result), "queryLockdown", [=, this] { return fw_.lockdown().enabled(); });
}

void PoliciesAdaptor::addLockdownWhitelistCommand(sdbus::Result<>&& result, std::string command) {
  serve(std::move(result), "addLockdownWhitelistCommand", [=, this] {
    value_or_throw(fw_.lockdown().add_command(command));
    emitLockdownWhitelistCommandAdded(command);
  });
}

void PoliciesAdaptor::removeLockdownWhitelistCommand(sdbus::Result<>&& result,
                                                     std::string command) {
  serve(std::move(result), "removeLockdownWhitelistCommand", [=, this] {
    value_or_throw(fw_.lockdown().remove_command(command));
    emitLockdownWhitelistCommandRemoved(command);
  });
}

void PoliciesAdaptor::queryLockdownWhitelistCommand(sdbus::Result<bool>&& result,
                                                    std::string command) {
  serve(std::move(result), "queryLockdownWhitelistCommand",
        [=, this] { return contains(fw_.lockdown().whitelist().commands, command); });
}

void PoliciesAdaptor::getLockdownWhitelistCommands(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistCommands",
        [=, this] { return fw_.lockdown().whitelist().commands; });
}

void PoliciesAdaptor::addLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) {
  serve(std::move(result), "addLockdownWhitelistUid", [=, this] {
    value_or_throw(fw_.lockdown().add_uid(uid));
    emitLockdownWhitelistUidAdded(uid);
  });
}

void PoliciesAdaptor::removeLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) {
  serve(std::move(result), "removeLockdownWhitelistUid", [=, this] {
    value_or_throw(fw_.lockdown().remove_uid(uid));
    emitLockdownWhitelistUidRemoved(uid);
  });
}

void PoliciesAdaptor::queryLockdownWhitelistUid(sdbus::Result<bool>&& result, int32_t uid) {
  serve(std::move(result), "queryLockdownWhitelistUid",
        [=, this] { return contains(fw_.lockdown().whitelist().uids, uid); });
}

void PoliciesAdaptor::getLockdownWhitelistUids(sdbus::Result<std::vector<int32_t>>&& result) {
  serve(std::move(result), "getLockdownWhitelistUids",
        [=, this] { return fw_.lockdown().whitelist().uids; });
}

void PoliciesAdaptor::addLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) {
  serve(std::move(result), "addLockdownWhitelistUser", [=, this] {
    value_or_throw(fw_.lockdown().add_user(user));
    emitLockdownWhitelistUserAdded(user);
  });
}

void PoliciesAdaptor::removeLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) {
  serve(std::move(result), "removeLockdownWhitelistUser", [=, this] {
    value_or_throw(fw_.lockdown().remove_user(user));
    emitLockdownWhitelistUserRemoved(user);
  });
}

void PoliciesAdaptor::queryLockdownWhitelistUser(sdbus::Result<bool>&& result, std::string user) {
  serve(std::move(result), "queryLockdownWhitelistUser",
        [=, this] { return contains(fw_.lockdown().whitelist().users, user); });
}

void PoliciesAdaptor::getLockdownWhitelistUsers(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistUsers",
        [=, this] { return fw_.lockdown().whitelist().users; });
}

void PoliciesAdaptor::addLockdownWhitelistContext(sdbus::Result<>&& result, std::string context) {
  serve(std::move(result), "addLockdownWhitelistContext", [=, this] {
    value_or_throw(fw_.lockdown().add_context(context));
    emitLockdownWhitelistContextAdded(context);
  });
}

void PoliciesAdaptor::removeLockdownWhitelistContext(sdbus::Result<>&& result,
                                                     std::string context) {
  serve(std::move(result), "removeLockdownWhitelistContext", [=, this] {
    value_or_throw(fw_.lockdown().remove_context(context));
    emitLockdownWhitelistContextRemoved(context);
  });
}

void PoliciesAdaptor::queryLockdownWhitelistContext(sdbus::Result<bool>&& result,
                                                    std::string context) {
  serve(std::move(result), "queryLockdownWhitelistContext",
        [=, this] { return contains(fw_.lockdown().whitelist().contexts, context); });
}

void PoliciesAdaptor::getLockdownWhitelistContexts(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getLockdownWhitelistContexts",
        [=, this] { return fw_.lockdown().whitelist().contexts; });
}

}  // namespace fwctl::bus
