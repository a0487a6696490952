#pragma once
// `fwctl --offline` and fwctl run as `firewall-offline-cmd`: firewall-offline-cmd 1.3.3's
// command line, checks, dispatch, output and exit codes, on the files through the daemon's
// store (offline_store.hpp). See docs/offline.md.

#include <iosfwd>
#include <string>
#include <vector>

namespace fwctl::cli {

struct Offline;

// argv without the program name; `prog` is argv[0]'s basename. Returns the exit code.
int run_offline_cmd(std::vector<std::string> argv, const std::string& prog, std::ostream& out,
                    std::ostream& err, bool err_is_tty);

// The pieces of firewall-offline-cmd's dispatch, each in its own file.
// Its zone branch (the final `else:`): the zone's settings edited as FirewallClientZoneSettings
// does, then written back whatever the option (unless it exited): "success".
[[noreturn]] void offline_cmd_zone(Offline& o, const std::string& zone);
// Its `elif a.policy:` branch, the same for a policy.
[[noreturn]] void offline_cmd_policy(Offline& o);
// The lokkit compatibility options (--enabled, --service, --port, --trust, ...): the default
// zone's settings edited and written; returns to let the zone branch run as it does.
void offline_cmd_lokkit(Offline& o);
// --policy-server / --policy-desktop: the polkit actions symlink; always exits.
[[noreturn]] void offline_cmd_polkit(Offline& o, const std::string& product);
// --reset-to-defaults: every system file of an item moved to NAME.old, firewalld.conf's keys
// set to the fallback values.
void offline_cmd_reset(Offline& o);

}  // namespace fwctl::cli
