// Fuzz target: the decoding of settings that D-Bus callers send (the a{sv} dicts of
// setZoneSettings2, update2, setPolicySettings, and the service dicts), with keys firewalld knows
// and others, and values of the right type, of a wrong type, and of wrong sizes.
//
// A dict either applies or is refused with an error; sdbus::Error (a value of another type,
// which the adaptor answers as INVALID_TYPE) is an answer too. Anything else escaping, or a
// sanitizer report, is a bug: on the bus it would take the daemon down.

#include <fuzzer/FuzzedDataProvider.h>
#include <sdbus-c++/Error.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bus/config_settings.hpp"
#include "bus/policy_settings.hpp"

namespace {

using namespace fwctl;
using bus::Dict;

constexpr std::array<const char*, 24> kKeys = {
    "version",     "short",       "description",   "target",        "services",
    "ports",       "icmp_blocks", "masquerade",    "forward_ports", "interfaces",
    "sources",     "rules_str",   "protocols",     "source_ports",  "icmp_block_inversion",
    "forward",     "priority",    "ingress_zones", "egress_zones",  "modules",
    "destination", "includes",    "helpers",       "bogus"};

std::string text(FuzzedDataProvider& in) { return in.ConsumeRandomLengthString(64); }

std::vector<std::string> texts(FuzzedDataProvider& in) {
  std::vector<std::string> v(in.ConsumeIntegralInRange<std::size_t>(0, 4));
  for (auto& s : v) s = text(in);
  return v;
}

sdbus::Variant value(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 8)) {
    case 0:
      return sdbus::Variant(text(in));
    case 1:
      return sdbus::Variant(in.ConsumeBool());
    case 2:
      return sdbus::Variant(in.ConsumeIntegral<std::int32_t>());
    case 3:
      return sdbus::Variant(in.ConsumeIntegral<std::uint64_t>());
    case 4:
      return sdbus::Variant(texts(in));
    case 5: {
      std::vector<bus::PortTuple> ports(in.ConsumeIntegralInRange<std::size_t>(0, 3));
      for (auto& p : ports) p = bus::PortTuple(text(in), text(in));
      return sdbus::Variant(ports);
    }
    case 6: {
      std::vector<bus::ForwardPortTuple> ports(in.ConsumeIntegralInRange<std::size_t>(0, 3));
      for (auto& p : ports) p = bus::ForwardPortTuple(text(in), text(in), text(in), text(in));
      return sdbus::Variant(ports);
    }
    case 7: {
      std::map<std::string, std::string> map;
      for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n) map[text(in)] = text(in);
      return sdbus::Variant(map);
    }
    default:
      return sdbus::Variant(in.ConsumeFloatingPoint<double>());
  }
}

Dict dict(FuzzedDataProvider& in) {
  Dict d;
  for (int n = in.ConsumeIntegralInRange(0, 8); n > 0; --n) {
    const std::string key = in.ConsumeBool() ? std::string(in.PickValueInArray(kKeys)) : text(in);
    d[key] = value(in);
  }
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const int kind = in.ConsumeIntegralInRange(0, 3);
  Dict settings;
  try {
    settings = dict(in);
  } catch (const sdbus::Error&) {
    return 0;  // a string that is not UTF-8: sd-bus refuses it, and the bus never delivers one
  }
  try {
    switch (kind) {
      case 0: {
        model::Zone zone;
        (void)bus::apply_zone_dict(zone, settings);
        break;
      }
      case 1: {
        model::Service service;
        (void)bus::apply_service_dict(service, settings);
        break;
      }
      case 2: {
        model::Policy policy;
        (void)bus::apply_policy_dict(policy, settings);
        break;
      }
      default:
        (void)bus::policy_update(settings);
        break;
    }
  } catch (const sdbus::Error&) {
    // A value of another type: the adaptor's answer is INVALID_TYPE.
  }
  return 0;
}
