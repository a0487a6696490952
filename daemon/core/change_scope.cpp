#include "core/change_scope.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/lists.hpp"

namespace fwctl::core {
namespace {

// Zones and policies get chains in these directions only (filter_IN_*, nat_POST_*, ...); the
// long names (INPUT, POSTROUTING, ...) are the base and dispatch chains.
constexpr std::array<std::string_view, 5> kObjectDirections = {"IN", "FWD", "OUT", "PRE", "POST"};
constexpr std::array<std::string_view, 5> kSubChains = {"_pre", "_log", "_deny", "_allow", "_post"};

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
  for (auto sub : kSubChains) {
    if (owner.size() > sub.size() && owner.ends_with(sub)) return owner.substr(0, owner.size() - sub.size());
  }
  return owner;
}

bool owned_by(std::string_view owner, const ChangeScope& scope) {
  if (owner.starts_with("policy_")) return contains(scope.policies, owner.substr(7));
  return contains(scope.zones, owner);
}

}  // namespace

std::string chain_owner(const std::string& chain) {
  return std::string(without_sub_chain(owner_part(chain)));
}

bool ChangeScope::covers_chain(const std::string& chain) const {
  // StrictForwardPorts' filter_INPUT_dnat and filter_FORWARD_dnat hold a rule for every forward
  // port of every zone and policy, so any change may touch them; they are small.
  if (chain == "filter_INPUT_dnat" || chain == "filter_FORWARD_dnat") return true;
  std::string_view owner = owner_part(chain);
  if (owner.empty()) return shared_chains;
  // A zone may itself be named "x_allow": then filter_IN_x_allow is its main chain.
  return owned_by(without_sub_chain(owner), *this) || owned_by(owner, *this);
}

bool ChangeScope::covers_set(const std::string& set) const { return contains(sets, set); }

}  // namespace fwctl::core
