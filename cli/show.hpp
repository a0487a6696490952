#pragma once
// The settings blocks of --list-all, --list-all-zones, --info-* and the active maps, printed as
// firewall-cmd's text or, with --json, handed to the printer's JSON document.

#include <string>
#include <vector>

#include "info_format.hpp"
#include "printer.hpp"
#include "settings.hpp"

namespace fwctl::cli {

void show_zone(const Printer& p, const std::string& name, const ZoneSettings& s,
               const std::string& default_zone = {});
void show_policy(const Printer& p, const std::string& name, const ZoneSettings& s);
void show_service(const Printer& p, const std::string& name, const ServiceSettings& s);
void show_icmptype(const Printer& p, const std::string& name, const IcmpTypeSettings& s);
void show_ipset(const Printer& p, const std::string& name, const IPSetSettings& s);
void show_helper(const Printer& p, const std::string& name, const HelperSettings& s);
// --get-active-zones / --get-active-policies, then exit 0.
[[noreturn]] void show_active(const Printer& p, const ActiveMap& active,
                              const std::vector<std::string>& keys);

}  // namespace fwctl::cli
