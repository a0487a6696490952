#include "zone_flags.hpp"

namespace fwctl::cli {

bool run_zone_flag(const Args& a, const Printer& p, const FlagExecutor& executor, Verbs verbs) {
  for (const ZoneFlagRow& row : kZoneFlags) {
    bool edit = a.t(row.dests.add) || a.t(row.dests.remove);
    if (!edit && !a.t(row.dests.query)) continue;
    FlagActions actions = executor(row);
    if (edit && (verbs & kEdits) && actions.set) return actions.set(a.t(row.dests.add)), true;
    if (!edit && (verbs & kReads) && actions.query) p.query_result(actions.query());
  }
  return false;
}

bool run_zone_value(const Args& a, const Printer& p, std::span<const ValueRow> rows,
                    const ValueExecutor& executor, Verbs verbs) {
  for (const ValueRow& row : rows) {
    bool set = a.t(row.set);
    if (!set && !a.t(row.get)) continue;
    ValueActions actions = executor(row.value);
    if (set && (verbs & kEdits) && actions.set) return actions.set(a.str(row.set)), true;
    if (!set && (verbs & kReads) && actions.get) p.and_exit(actions.get());
  }
  return false;
}

}  // namespace fwctl::cli
