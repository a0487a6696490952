// Firewall's part in panic mode: the change through the one commit point (the state is
// core::PanicMode's, core/panic_mode.hpp).

#include "core/firewall.hpp"

namespace fwctl::core {

Status Firewall::enable_panic_mode() {
  auto change = panic_.change_to(true);
  if (!change) return change;
  return commit_runtime(std::move(*change));
}

Status Firewall::disable_panic_mode() {
  auto change = panic_.change_to(false);
  if (!change) return change;
  return commit_runtime(std::move(*change));
}

}  // namespace fwctl::core
