#pragma once
// lockdown-whitelist.xml (firewalld.lockdown-whitelist(5)), read and written as firewalld
// 1.3.3's io/lockdown_whitelist.py does. It lives in the system tree only
// (/etc/firewalld/lockdown-whitelist.xml).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "model/lockdown_whitelist.hpp"

namespace fwctl::config {

// As with direct.xml, firewalld keeps what it read before an error: `whitelist` is that.
struct WhitelistFile {
  model::LockdownWhitelist whitelist;
  std::optional<Error> error;  // INVALID_TYPE "Not a valid file: …", INVALID_COMMAND, …
  std::vector<Error> warnings;
};

WhitelistFile parse_lockdown_whitelist(std::string_view xml, const std::string& file);

// The bytes firewalld writes: commands, uids, user names, then SELinux contexts.
std::string format_lockdown_whitelist(const model::LockdownWhitelist& whitelist);

}  // namespace fwctl::config
