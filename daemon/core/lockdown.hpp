#pragma once
// Lockdown (firewalld's fw_policies.py): while it is on, only callers on the whitelist may use
// the D-Bus methods that change the firewall. The runtime whitelist starts as the permanent one
// (SYSTEM_DIR/lockdown-whitelist.xml). One owner of lockdown's state: on/off, the runtime
// whitelist and the permanent one change only through this class (the D-Bus policies and
// config.policies interfaces); core::Firewall only says when to load them.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "config/loader.hpp"
#include "model/lockdown_whitelist.hpp"

namespace fwctl::core {

// Who is calling, as firewalld finds out over the bus; what could not be found is unset.
struct Caller {
  std::optional<std::string> context;  // SELinux security context
  std::optional<int64_t> uid;
  std::optional<std::string> user;     // the uid's name in the passwd database
  std::optional<std::string> command;  // /proc/PID/cmdline, NULs turned into spaces, stripped
};

class Lockdown {
 public:
  // `paths`: where lockdown-whitelist.xml is (only the permanent whitelist's members use them).
  explicit Lockdown(config::Paths paths = {}) : paths_(std::move(paths)) {}

  bool enabled() const { return enabled_; }
  // ALREADY_ENABLED "enable_lockdown()" / NOT_ENABLED "disable_lockdown()".
  Status enable();
  Status disable();

  // firewalld's accessCheck order: context, uid, user, command; any match lets the call in.
  bool allows(const Caller& caller) const;

  const model::LockdownWhitelist& whitelist() const { return whitelist_; }
  // At start and reload: lockdown as firewalld.conf says, the whitelist as the file says.
  void reset(bool enabled, model::LockdownWhitelist whitelist);
  // firewalld's _start_load_lockdown_whitelist: lockdown as firewalld.conf's Lockdown value
  // `conf` says, both whitelists as the file says (a file that fails to read is reported in
  // `warnings` when lockdown is on, and what came before the failure is used).
  void load(const std::string& conf, std::vector<Error>& warnings);

  // config.policies.setLockdownWhitelist: checked (model::checked_whitelist), written to the
  // file, then the permanent whitelist; the runtime one follows on reload.
  const model::LockdownWhitelist& permanent_whitelist() const { return permanent_; }
  Status set_permanent_whitelist(const model::LockdownWhitelist& whitelist);

  // The runtime whitelist changes: INVALID_COMMAND (…_CONTEXT, _USER, _UID) with the entry,
  // ALREADY_ENABLED 'Command "/bin/x" already in whitelist', NOT_ENABLED 'Command "/bin/x" not in
  // whitelist.' (Context, User, Uid alike).
  Status add_command(const std::string& command);
  Status remove_command(const std::string& command);
  Status add_context(const std::string& context);
  Status remove_context(const std::string& context);
  Status add_user(const std::string& user);
  Status remove_user(const std::string& user);
  Status add_uid(int32_t uid);
  Status remove_uid(int32_t uid);

 private:
  config::Paths paths_;
  bool enabled_ = false;
  model::LockdownWhitelist whitelist_;
  model::LockdownWhitelist permanent_;
};

// firewalld.conf's Lockdown value: "yes" or "true" in any case.
bool lockdown_from_conf(const std::string& value);

}  // namespace fwctl::core
