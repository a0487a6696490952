#pragma once
// The lockdown whitelist (firewalld.lockdown-whitelist(5)): who may still change the firewall
// over D-Bus while lockdown is on: commands (a trailing '*' matches any command line starting
// with what precedes it), SELinux contexts, user names and uids.

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace fwctl::model {

struct LockdownWhitelist {
  std::vector<std::string> commands;
  std::vector<std::string> contexts;
  std::vector<std::string> users;
  std::vector<int32_t> uids;

  bool match_command(const std::string& command) const;
  bool operator==(const LockdownWhitelist&) const = default;
};

// firewalld's checkCommand, checkContext, checkUser, checkUid.
bool valid_command(const std::string& command);
bool valid_context(const std::string& context);
bool valid_user(const std::string& user);
bool valid_uid(int64_t uid);

// What setLockdownWhitelist makes of its argument (import_config): every entry checked
// (INVALID_COMMAND, INVALID_CONTEXT, INVALID_USER, INVALID_UID with the entry as detail), then
// duplicates dropped, order kept.
Result<LockdownWhitelist> checked_whitelist(LockdownWhitelist whitelist);

}  // namespace fwctl::model
