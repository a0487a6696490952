// Firewall's part in the runtime ipsets: the calls that go to core::RuntimeIpsets (the entries'
// rules, indexes and native ipsets are its own; its changes go through commit_runtime).

#include "core/firewall.hpp"

namespace fwctl::core {

Result<const model::IpSet*> Firewall::ipset(const std::string& name) const {
  return ipsets_.ipset(name);
}

Status Firewall::add_ipset_entry(const std::string& name, const std::string& entry) {
  return ipsets_.add_entry(name, entry);
}

Status Firewall::remove_ipset_entry(const std::string& name, const std::string& entry) {
  return ipsets_.remove_entry(name, entry);
}

Result<bool> Firewall::query_ipset_entry(const std::string& name, const std::string& entry) const {
  return ipsets_.query_entry(name, entry);
}

Status Firewall::set_ipset_entries(const std::string& name,
                                   const std::vector<std::string>& entries) {
  return ipsets_.set_entries(name, entries);
}

}  // namespace fwctl::core
