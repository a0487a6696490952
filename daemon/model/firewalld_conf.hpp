#pragma once
// firewalld.conf (firewalld.conf(5)): KEY=value lines.

#include <string>
#include <utility>
#include <vector>

namespace fwctl::model {

struct FirewalldConf {
  std::string default_zone = "public";
  std::string cleanup_on_exit = "yes";
  std::string cleanup_modules_on_exit = "no";
  std::string lockdown = "no";
  std::string ipv6_rpfilter = "yes";
  std::string individual_calls = "no";
  std::string log_denied = "off";
  std::string firewall_backend = "nftables";
  std::string flush_all_on_reload = "yes";
  std::string rfc3964_ipv4 = "yes";
  std::string allow_zone_drifting = "no";
  std::string nftables_flowtable = "off";
  std::string nftables_counters = "no";
  std::string nftables_table_owner = "yes";
  std::string minimal_mark = "100";  // deprecated in 1.3.3, still read
  std::string automatic_helpers = "no";  // deprecated in 1.3.3, still read
  bool operator==(const FirewalldConf&) const = default;
};

}  // namespace fwctl::model
