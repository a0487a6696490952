#pragma once
// The --permanent edits of one item's settings, shared by the two ways fwctl reaches the
// permanent configuration: through the daemon's config objects (run_permanent.cpp) and directly
// on the files (--offline, offline.cpp). Each handler edits `st` as firewall-cmd's
// FirewallClient*Settings do and calls `update` to store it, or exits for listings and queries.

#include <functional>
#include <string>
#include <vector>

#include "session.hpp"
#include "settings.hpp"

namespace fwctl::cli {

void permanent_service(Session& s, ServiceSettings& st, const std::function<void()>& update);
void permanent_ipset(Session& s, IPSetSettings& st, const std::function<void()>& update);
void permanent_icmptype(Session& s, IcmpTypeSettings& st, const std::function<void()>& update);
void permanent_helper(Session& s, HelperSettings& st, const std::function<void()>& update,
                      const std::function<std::vector<PortProto>()>& get_ports);
// Returns after an edit (the caller stores `st`), exits for listings and queries.
void edit_policy(Session& s, ZoneSettings& st, bool permanent);

// --new-ipset's settings (--type, --option, --family) and --new-helper's (--module, --family),
// with firewall-cmd's usage failures.
IPSetSettings new_ipset_settings(Session& s);
HelperSettings new_helper_settings(Session& s);

// --new-<kind>-from-file's item, read with the daemon's reader and named after --name; exits
// with firewall-cmd's texts (exit 2) when the file cannot be read.
template <typename T>
T read_item_file(Session& s, const std::string& kind, const std::string& file);

}  // namespace fwctl::cli
