#include "core/lockdown.hpp"

#include <algorithm>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "core/permanent_direct.hpp"

namespace fwctl::core {
namespace {

template <typename T>
Status add_entry(std::vector<T>& list, const T& value, bool valid, Code invalid,
                 const std::string& what, const std::string& text) {
  if (!valid) return fail(invalid, text);
  if (contains(list, value)) {
    return fail(Code::ALREADY_ENABLED, what + " \"" + text + "\" already in whitelist");
  }
  list.push_back(value);
  return ok();
}

template <typename T>
Status remove_entry(std::vector<T>& list, const T& value, const std::string& what,
                    const std::string& text) {
  auto it = std::find(list.begin(), list.end(), value);
  if (it == list.end()) {
    return fail(Code::NOT_ENABLED, what + " \"" + text + "\" not in whitelist.");
  }
  list.erase(it);
  return ok();
}

}  // namespace

Status Lockdown::enable() {
  if (enabled_) return fail(Code::ALREADY_ENABLED, "enable_lockdown()");
  enabled_ = true;
  return ok();
}

Status Lockdown::disable() {
  if (!enabled_) return fail(Code::NOT_ENABLED, "disable_lockdown()");
  enabled_ = false;
  return ok();
}

bool Lockdown::allows(const Caller& caller) const {
  if (caller.context && contains(whitelist_.contexts, *caller.context)) return true;
  if (caller.uid && *caller.uid >= INT32_MIN && *caller.uid <= INT32_MAX &&
      contains(whitelist_.uids, static_cast<int32_t>(*caller.uid))) {
    return true;
  }
  if (caller.user && contains(whitelist_.users, *caller.user)) return true;
  return caller.command && whitelist_.match_command(*caller.command);
}

void Lockdown::reset(bool enabled, model::LockdownWhitelist whitelist) {
  enabled_ = enabled;
  whitelist_ = std::move(whitelist);
}

Status Lockdown::add_command(const std::string& command) {
  return add_entry(whitelist_.commands, command, model::valid_command(command),
                   Code::INVALID_COMMAND, "Command", command);
}
Status Lockdown::remove_command(const std::string& command) {
  return remove_entry(whitelist_.commands, command, "Command", command);
}
Status Lockdown::add_context(const std::string& context) {
  return add_entry(whitelist_.contexts, context, model::valid_context(context),
                   Code::INVALID_CONTEXT, "Context", context);
}
Status Lockdown::remove_context(const std::string& context) {
  return remove_entry(whitelist_.contexts, context, "Context", context);
}
Status Lockdown::add_user(const std::string& user) {
  return add_entry(whitelist_.users, user, model::valid_user(user), Code::INVALID_USER, "User",
                   user);
}
Status Lockdown::remove_user(const std::string& user) {
  return remove_entry(whitelist_.users, user, "User", user);
}
Status Lockdown::add_uid(int32_t uid) {
  return add_entry(whitelist_.uids, uid, model::valid_uid(uid), Code::INVALID_UID, "Uid",
                   std::to_string(uid));
}
Status Lockdown::remove_uid(int32_t uid) {
  return remove_entry(whitelist_.uids, uid, "Uid", std::to_string(uid));
}

void Lockdown::load(const std::string& conf, std::vector<Error>& warnings) {
  bool enabled = lockdown_from_conf(conf);
  permanent_ = load_permanent_whitelist(paths_, warnings, enabled);
  reset(enabled, permanent_);
}

Status Lockdown::set_permanent_whitelist(const model::LockdownWhitelist& whitelist) {
  auto saved = save_permanent_whitelist(paths_, whitelist);
  if (!saved) return saved;
  permanent_ = std::move(*saved);
  return ok();
}

}  // namespace fwctl::core
