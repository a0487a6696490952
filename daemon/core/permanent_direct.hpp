#pragma once
// The permanent direct configuration (SYSTEM_DIR/direct.xml) and lockdown whitelist
// (SYSTEM_DIR/lockdown-whitelist.xml) on disk: read as firewalld reads them at start, written as
// config.direct.update and config.policies.setLockdownWhitelist write them. Part of the
// permanent store, shared by fwctld (core::Firewall) and `fwctl --offline`.
//
//   std::vector<Error> warnings;
//   model::DirectConfig direct = core::load_permanent_direct(paths, warnings);
//   auto next = core::direct_with(direct, model::DirectChain{"ipv4", "filter", "c"}, true);
//   if (next) direct = core::save_permanent_direct(paths, *next).value();

#include <string>
#include <vector>

#include "common/result.hpp"
#include "config/loader.hpp"
#include "model/direct.hpp"
#include "model/lockdown_whitelist.hpp"

namespace fwctl::core {

std::string direct_file(const config::Paths& paths);
std::string whitelist_file(const config::Paths& paths);

// Empty without a file; a file that fails to read or parse is reported in `warnings` and what
// came before the failure is used (firewalld's _start_load_direct_rules).
model::DirectConfig load_permanent_direct(const config::Paths& paths, std::vector<Error>& warnings);
// Likewise; a parse error is reported only when `report_error` (firewalld logs a broken
// whitelist only with lockdown on).
model::LockdownWhitelist load_permanent_whitelist(const config::Paths& paths,
                                                  std::vector<Error>& warnings, bool report_error);

// firewalld's check_on_disk_config for the two files: each file that exists is read and its
// entries checked; the first problem comes back as "'FILE': detail".
Status check_direct_lockdown_files_in(const config::Paths& paths);

// Checked (core::checked_direct, model::checked_whitelist), then written atomically; the checked
// value, or the check's or the write's error (nothing written then).
Result<model::DirectConfig> save_permanent_direct(const config::Paths& paths,
                                                  const model::DirectConfig& config);
Result<model::LockdownWhitelist> save_permanent_whitelist(
    const config::Paths& paths, const model::LockdownWhitelist& whitelist);

}  // namespace fwctl::core
