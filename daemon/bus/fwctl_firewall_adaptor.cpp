#include "bus/fwctl_firewall_adaptor.hpp"

#include <chrono>
#include <string>

#include "bus/error_map.hpp"
#include "sys/log.hpp"

namespace fwctl::bus {
void FwctlFirewallAdaptor::beginConfirm(sdbus::Result<>&& result, uint32_t timeout) {
  serve(std::move(result), "beginConfirm", [this, timeout] {
    auto now = std::chrono::steady_clock::now();
    value_or_throw(confirmation_.begin(std::chrono::seconds(timeout), now));
    sys::log::info("Runtime changes wait for confirmation: undone in " + std::to_string(timeout) +
                   " s unless confirmed");
  });
}

void FwctlFirewallAdaptor::confirm(sdbus::Result<>&& result) {
  serve(std::move(result), "confirm", [this] {
    value_or_throw(confirmation_.confirm());
    sys::log::info("Runtime changes confirmed");
  });
}

void FwctlFirewallAdaptor::getConfirmTimeLeft(sdbus::Result<uint32_t>&& result) {
  serve(std::move(result), "getConfirmTimeLeft", [this] {
    return static_cast<uint32_t>(confirmation_.seconds_left(std::chrono::steady_clock::now()));
  });
}

namespace {

std::vector<sdbus::Struct<std::string, uint64_t, uint64_t>> count_list(
    const std::vector<core::ElementCount>& counts) {
  std::vector<sdbus::Struct<std::string, uint64_t, uint64_t>> out;
  for (const auto& c : counts) out.emplace_back(c.element, c.packets, c.bytes);
  return out;
}

}  // namespace

void FwctlFirewallAdaptor::getZoneCounters(sdbus::Result<CountList>&& result, std::string zone) {
  serve(std::move(result), "getZoneCounters",
        [this, zone] { return count_list(value_or_throw(counters_.of_zone(zone))); });
}

void FwctlFirewallAdaptor::getPolicyCounters(sdbus::Result<CountList>&& result,
                                             std::string policy) {
  serve(std::move(result), "getPolicyCounters",
        [this, policy] { return count_list(value_or_throw(counters_.of_policy(policy))); });
}

void FwctlFirewallAdaptor::zeroCounters(sdbus::Result<>&& result) {
  serve(std::move(result), "zeroCounters", [this] { value_or_throw(counters_.zero()); });
}

void FwctlFirewallAdaptor::getRuleOrigins(sdbus::Result<OriginList>&& result) {
  serve(std::move(result), "getRuleOrigins", [this] {
    OriginList out;
    for (auto& r : core::rule_origins(fw_.kernel()))
      out.emplace_back(std::move(r.chain), r.handle, std::move(r.origin), std::move(r.text));
    return out;
  });
}

bool FwctlFirewallAdaptor::expire(core::SteadyTime at) {
  auto undone = confirmation_.expire(at);
  if (!undone) {
    sys::log::error(undone.error().message());
    return false;
  }
  if (*undone) {
    sys::log::warning(
        "Runtime changes not confirmed in time: the runtime configuration in force before them "
        "is back");
  }
  return *undone;
}

}  // namespace fwctl::bus
