#include "core/change_scope.hpp"

#include "common/lists.hpp"

namespace fwctl::core {

compiler::Focus ChangeScope::focus() const { return {zones, policies, shared_chains}; }

bool ChangeScope::covers_chain(const std::string& chain) const {
  return compiler::chain_covered(chain, zones, policies, shared_chains);
}

bool ChangeScope::covers_set(const std::string& set) const { return contains(sets, set); }

}  // namespace fwctl::core
