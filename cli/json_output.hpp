#pragma once
// The documents `fwctl --json` prints (see README "JSON output"): settings as objects with the
// keys of the D-Bus settings dicts (getZoneSettings2, getPolicySettings, getServiceSettings2)
// or of the tuple fields firewalld names for icmptypes, ipsets and helpers, plus "name"; the
// active zones/policies map; and the error object.

#include <string>

#include "info_format.hpp"
#include "json.hpp"
#include "settings.hpp"

namespace fwctl::cli {

Json zone_json(const std::string& name, const ZoneSettings& s);
Json policy_json(const std::string& name, const ZoneSettings& s);
Json service_json(const std::string& name, const ServiceSettings& s);
Json icmptype_json(const std::string& name, const IcmpTypeSettings& s);
Json ipset_json(const std::string& name, const IPSetSettings& s);
Json helper_json(const std::string& name, const HelperSettings& s);
// {"public": {"interfaces": [...], "sources": [...]}}: every key of `keys`, empty or not.
Json active_json(const ActiveMap& active, const std::vector<std::string>& keys);

// {"error": {"code": "INVALID_PORT", "number": 102, "detail": "99999"}} from what firewall-cmd
// prints for an error ("Error: INVALID_PORT: 99999") and its exit code. A text without a code
// takes the name of `number` (NOT_RUNNING for 252, USAGE for 2) and is the detail as a whole.
// `what` is "error" or "warning".
Json diagnostic_json(const std::string& text, int number, const char* what = "error");

}  // namespace fwctl::cli
