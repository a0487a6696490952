#include "counters.hpp"

#include <ostream>
#include <tuple>
#include <vector>

#include "bus.hpp"
#include "own_interface.hpp"

namespace fwctl::cli {
namespace {

using CountList = std::vector<sdbus::Struct<std::string, uint64_t, uint64_t>>;

// The zone or policy the listing of this command line shows: {member, name}.
std::pair<const char*, std::string> counted(const Args& a) {
  if (a.t("info_zone")) return {"getZoneCounters", a.str("info_zone")};
  if (a.t("info_policy")) return {"getPolicyCounters", a.str("info_policy")};
  if (a.t("policy")) return {"getPolicyCounters", a.str("policy")};
  return {"getZoneCounters", a.str("zone")};
}

Json count_json(const CountList& counts) {
  Json list = Json::array();
  for (const auto& c : counts) {
    Json item = Json::object();
    item.set("element", std::get<0>(c));
    item.set("packets", static_cast<int64_t>(std::get<1>(c)));
    item.set("bytes", static_cast<int64_t>(std::get<2>(c)));
    list.push(std::move(item));
  }
  return list;
}

}  // namespace

std::string counters_usage_error(const Args& a) {
  if (a.t("zero_counters")) {
    if (const auto* option = a.given_except({"zero_counters", "quiet", "verbose"}))
      return "--zero-counters cannot be combined with " + option->names.back();
  }
  if (!a.t("counters")) return {};
  if (a.t("permanent") || a.t("offline"))
    return "--counters shows the kernel's counters: it cannot be combined with --permanent";
  if (!a.t("list_all") && !a.t("info_zone") && !a.t("info_policy"))
    return "--counters goes with --list-all, --info-zone or --info-policy";
  return {};
}

void show_counters(const Args& a, const Printer& p, std::ostream& out, JsonSink* json) {
  auto [member, name] = counted(a);
  CountList counts;
  call_fwctl(p, [&, member = member, name = name](sdbus::IProxy& fwctl) {
    fwctl.callMethod(member)
        .onInterface(kFwctlInterface)
        .withArguments(name)
        .storeResultsTo(counts);
  });
  if (json) return json->extend_entry("counters", count_json(counts));
  if (p.quiet()) return;
  out << "  counters:\n";
  for (const auto& c : counts)
    out << '\t' << std::get<0>(c) << ": " << std::get<1>(c) << " packets, " << std::get<2>(c)
        << " bytes\n";
}

void run_zero_counters(const Printer& p) {
  call_fwctl(p, [](sdbus::IProxy& fwctl) {
    fwctl.callMethod("zeroCounters").onInterface(kFwctlInterface);
  });
  p.and_exit("success");
}

}  // namespace fwctl::cli
