#include "compiler/context.hpp"

#include <algorithm>

#include "common/lists.hpp"

namespace fwctl::compiler {
namespace {
const std::vector<std::string> kNone;
}  // namespace

bool PolicySpec::egress_has(const std::string& z) const { return contains(policy.egress_zones, z); }
bool PolicySpec::ingress_has(const std::string& z) const {
  return contains(policy.ingress_zones, z);
}

void Context::fail(Code code, std::string detail) {
  if (!error) error = Error{code, std::move(detail), {}, 0};
}

const model::IpSet* Context::ipset(const std::string& name) const {
  auto it = config.ipsets.find(name);
  return it == config.ipsets.end() ? nullptr : &it->second.value;
}

const std::vector<std::string>& Context::interfaces_of(const std::string& zone) const {
  auto it = bindings.interfaces.find(zone);
  return it == bindings.interfaces.end() ? kNone : it->second;
}

const std::vector<std::string>& Context::sources_of(const std::string& zone) const {
  auto it = bindings.sources.find(zone);
  return it == bindings.sources.end() ? kNone : it->second;
}

bool Context::zone_active(const std::string& zone) const {
  return !interfaces_of(zone).empty() || !sources_of(zone).empty();
}

}  // namespace fwctl::compiler
