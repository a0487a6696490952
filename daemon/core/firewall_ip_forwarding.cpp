// Firewall's part of firewalld's enable_ip_forwarding: see core/ip_forwarding.hpp.

#include <fstream>

#include "core/firewall.hpp"
#include "core/ip_forwarding.hpp"

namespace fwctl::core {

std::set<std::string> Firewall::forwarding_needs() const {
  return core::forwarding_needs(runtime_, zones_.bindings());
}

void Firewall::enable_ip_forwarding(const std::set<std::string>& before) const {
  if (sysctl_dir_.empty()) return;
  for (const auto& family : families_to_enable(before, forwarding_needs())) {
    // firewalld ignores a failed write (functions.writefile returns False).
    std::ofstream(forwarding_file(sysctl_dir_, family)) << "1\n";
  }
}

}  // namespace fwctl::core
