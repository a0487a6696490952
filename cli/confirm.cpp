#include "confirm.hpp"

#include "bus.hpp"
#include "checks.hpp"
#include "own_interface.hpp"

namespace fwctl::cli {
namespace {

// Whether an option that changes the runtime is given: what --confirm=TIME can undo.
bool changes_runtime(const Args& a) {
  for (Dest d : {Dest("reload"), Dest("complete_reload"), Dest("panic_on"), Dest("panic_off"),
                 Dest("passthrough")})
    if (a.given(d)) return true;
  return a.first_given([](const argparse::Option& o) {
    const std::string dest = o.dest();
    for (const char* prefix : {"add_", "remove_", "change_", "set_"})
      if (dest.rfind(prefix, 0) == 0) return true;
    return false;
  });
}

}  // namespace

std::string confirm_usage_error(const Args& a) {
  const auto& values = a.list("confirm");
  if (values.size() > 1) return "--confirm takes one time, not " + std::to_string(values.size());
  if (values.empty()) {
    if (const auto* option = a.given_except({"confirm", "quiet", "verbose"}))
      return "--confirm without a time cannot be combined with " + option->names.back();
    return {};
  }
  auto seconds = timeout_seconds(values.front());
  if (!seconds || *seconds < 1)
    return "'" + values.front() +
           "' is wrong confirmation time. Use for example '30', '2m' or '1h'";
  for (Dest dest : {Dest("permanent"), Dest("offline"), Dest("why"), Dest("explain")})
    if (a.given(dest))
      return "--confirm=TIME undoes runtime changes: it cannot be combined with --" +
             std::string(dest.name());
  if (changes_runtime(a)) return {};
  return "--confirm=TIME goes with --reload, --complete-reload or a runtime change "
         "(--add-..., --remove-..., --change-..., --set-...)";
}

std::optional<int> confirm_seconds(const Args& a) {
  const auto& values = a.list("confirm");
  if (values.empty()) return std::nullopt;
  return timeout_seconds(values.front());
}

void run_confirm(const Printer& p) {
  call_fwctl(
      p, [](sdbus::IProxy& fwctl) { fwctl.callMethod("confirm").onInterface(kFwctlInterface); });
  p.and_exit("success");
}

void begin_confirm(int seconds, const Printer& p) {
  call_fwctl(p, [seconds](sdbus::IProxy& fwctl) {
    fwctl.callMethod("beginConfirm")
        .onInterface(kFwctlInterface)
        .withArguments(static_cast<uint32_t>(seconds));
  });
}

std::string confirm_notice(int seconds) {
  return "The runtime changes are undone in " + std::to_string(seconds) +
         " s unless confirmed: fwctl --confirm";
}

}  // namespace fwctl::cli
