#include "compiler/focus.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace fwctl::compiler {
namespace {

// Zones and policies get chains in these directions only (filter_IN_*, nat_POST_*, ...); the
// long names (INPUT, POSTROUTING, ...) are the base and dispatch chains.
constexpr std::array<std::string_view, 5> kObjectDirections = {"IN", "FWD", "OUT", "PRE", "POST"};
constexpr std::array<std::string_view, 5> kSubChainSuffixes = {"_pre", "_log", "_deny", "_allow",
                                                               "_post"};

// What follows <table>_<DIRECTION>_ in a zone's or policy's chain name; empty for others.
std::string_view owner_part(const std::string& chain) {
  size_t first = chain.find('_');
  if (first == std::string::npos) return {};
  size_t second = chain.find('_', first + 1);
  if (second == std::string::npos) return {};
  std::string_view direction(chain.data() + first + 1, second - first - 1);
  if (std::find(kObjectDirections.begin(), kObjectDirections.end(), direction) ==
      kObjectDirections.end()) {
    return {};
  }
  return std::string_view(chain).substr(second + 1);
}

std::string_view without_sub_chain(std::string_view owner) {
  for (auto sub : kSubChainSuffixes) {
    if (owner.size() > sub.size() && owner.ends_with(sub)) {
      return owner.substr(0, owner.size() - sub.size());
    }
  }
  return owner;
}

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool owned_by(std::string_view owner, const std::vector<std::string>& zones,
              const std::vector<std::string>& policies) {
  if (owner.starts_with("policy_")) return listed(policies, owner.substr(7));
  return listed(zones, owner);
}

}  // namespace

bool Focus::has_zone(const std::string& zone) const { return listed(zones, zone); }

bool Focus::has_policy(const std::string& policy) const { return listed(policies, policy); }

std::string chain_owner(const std::string& chain) {
  return std::string(without_sub_chain(owner_part(chain)));
}

bool chain_covered(const std::string& chain, const std::vector<std::string>& zones,
                   const std::vector<std::string>& policies, bool shared) {
  // StrictForwardPorts' filter_INPUT_dnat and filter_FORWARD_dnat hold a rule for every forward
  // port of every zone and policy, so any change may touch them; they are small.
  if (chain == "filter_INPUT_dnat" || chain == "filter_FORWARD_dnat") return true;
  std::string_view owner = owner_part(chain);
  if (owner.empty()) return shared;
  // A zone may itself be named "x_allow": then filter_IN_x_allow is its main chain.
  return owned_by(without_sub_chain(owner), zones, policies) || owned_by(owner, zones, policies);
}

bool Focus::covers_chain(const std::string& chain) const {
  return chain_covered(chain, zones, policies, shared);
}

}  // namespace fwctl::compiler
