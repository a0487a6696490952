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
#include <vector>

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
  // 2.1: the policy firewalld puts in place while it reloads (parse_reload_policy()); a reload
  // here is one batch, so nothing is put in place (README "firewalld 2.x features").
  std::string reload_policy = "INPUT:DROP,FORWARD:DROP,OUTPUT:DROP";
  // firewalld 2.x keys, each off by default (README "firewalld 2.x features"). Those fwctl
  // implements are read from the file; the others are, as in 1.3.3, an "Invalid option" line kept
  // in the file as it is, and stay at their defaults.
  std::string nftables_flowtable = "off";   // 2.0: "off" or the interfaces of the fast path
  std::string nftables_counters = "no";     // 2.0: a counter on every rule
  std::string strict_forward_ports = "no";  // 2.3: only the firewall's own DNAT is forwarded
  // 2.2: the table owned (and kept) by fwctld; 2.x's default is "yes", 1.3.3 has no owner.
  std::string nftables_table_owner = "no";
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

// ReloadPolicy (firewalld 2.1): DROP, REJECT or ACCEPT for each of INPUT, FORWARD and OUTPUT.
struct ReloadPolicy {
  std::string input = "DROP";
  std::string forward = "DROP";
  std::string output = "DROP";
  bool operator==(const ReloadPolicy&) const = default;
};
// firewalld 2.x's _parse_reload_policy: one of DROP/REJECT/ACCEPT for all three, or
// "CHAIN:VERDICT" items separated by ',' or ';' ('=' for ':', any case, blanks around parts);
// chains not named stay DROP; nullopt when any item is not of that form.
std::optional<ReloadPolicy> parse_reload_policy(std::string_view value);
// "INPUT:DROP,FORWARD:DROP,OUTPUT:DROP" (2.x's _unparse_reload_policy).
std::string to_string(const ReloadPolicy& policy);

// NftablesFlowtable (firewalld 2.0): "off", or the interfaces separated by blanks; the
// interfaces (empty for "off").
std::vector<std::string> flowtable_devices(std::string_view value);
// "off", or at least one valid interface name and nothing else.
bool valid_flowtable(std::string_view value);

}  // namespace fwctl::model
