#pragma once
// firewalld.conf (firewalld.conf(5)): KEY=value lines.
//
// Each value is the string firewalld 1.3.3 holds for the key after reading the file, which is
// what it writes back: a valid value is kept as written ("Yes" stays "Yes"); a missing or
// invalid one becomes firewalld's fallback. The defaults below are firewalld's fallbacks when
// there is no file at all (set_defaults()); config/firewalld_conf_file.hpp reads and writes
// the file, comments and unknown lines included, as firewalld does.

#include <optional>
#include <string>
#include <string_view>

#include "common/text.hpp"

namespace fwctl::model {

struct FirewalldConf {
  std::string default_zone = "public";
  std::string minimal_mark = "100";  // deprecated in 1.3.3, still read; never added to a file
  std::string cleanup_on_exit = "yes";
  std::string cleanup_modules_on_exit = "no";
  std::string lockdown = "no";
  std::string ipv6_rpfilter = "yes";  // 1.3.3's booleans, or a mode of 2.2 (rpfilter_mode())
  std::string individual_calls = "no";
  std::string log_denied = "off";
  std::string automatic_helpers = "no";  // deprecated in 1.3.3, still read; never added to a file
  std::string firewall_backend = "nftables";
  // Missing from an existing file, these two read as "True" (firewalld's str(True)).
  std::string flush_all_on_reload = "yes";
  std::string rfc3964_ipv4 = "yes";
  std::string allow_zone_drifting = "no";  // deprecated in 1.3.3, still read; never added
  // firewalld 2.x keys, each off by default (README "firewalld 2.x features"). Those fwctl
  // implements are read from the file; the others are, as in 1.3.3, an "Invalid option" line kept
  // in the file as it is, and stay at their defaults.
  std::string nftables_flowtable = "off";
  std::string nftables_counters = "no";  // 2.0: a counter on every rule
  std::string strict_forward_ports = "no";  // 2.3: only the firewall's own DNAT is forwarded
  std::string nftables_table_owner = "yes";
  bool operator==(const FirewalldConf&) const = default;
};

// A firewalld.conf boolean that firewalld reads as on: "yes" or "true" in any case.
inline bool conf_yes(std::string_view value) {
  std::string lower = ascii_lower(value);
  return lower == "yes" || lower == "true";
}

// IPv6_rpfilter (firewalld 2.2): the reverse path filter's mode. "yes" and "true" are Strict,
// "no" and "false" No, in any case; nullopt for anything else.
enum class RpFilter { No, Strict, Loose, StrictForward, LooseForward };
inline std::optional<RpFilter> rpfilter_mode(std::string_view value) {
  std::string lower = ascii_lower(value);
  if (lower == "no" || lower == "false") return RpFilter::No;
  if (lower == "yes" || lower == "true" || lower == "strict") return RpFilter::Strict;
  if (lower == "loose") return RpFilter::Loose;
  if (lower == "strict-forward") return RpFilter::StrictForward;
  if (lower == "loose-forward") return RpFilter::LooseForward;
  return std::nullopt;
}

}  // namespace fwctl::model
