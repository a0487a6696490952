// core::Firewall's permanent side: runtimeToPermanent and checkPermanentConfig (firewalld's
// server/firewalld.py and core/io/functions.py check_on_disk_config).
#include <algorithm>
#include <iostream>

#include "core/firewall.hpp"
#include "core/permanent_edit.hpp"
#include "model/config_check.hpp"

namespace fwctl::core {
namespace {

// Saves each runtime item that is new to the permanent configuration or, unless `always`,
// differs from it. firewalld logs a failure as a warning and goes on with the next item.
template <typename T>
void save_items(Permanent& store, const char* noun,
                const std::map<std::string, model::Item<T>>& runtime, bool always,
                std::vector<SavedItems::Saved>& saved, bool& failed) {
  for (const auto& [name, item] : runtime) {
    auto have = store.find<T>(name);
    bool added = !have;
    if (!added && !always && (*have)->value == item.value) continue;
    Status st = added ? store.add<T>(name, item.value) : store.update<T>(name, item.value);
    if (!st) {
      std::cerr << "WARNING: Runtime To Permanent failed on " << noun << " '" << name
                << "': " << st.error().message() << std::endl;
      failed = true;
      continue;
    }
    saved.push_back({name, added});
  }
}

}  // namespace

Result<SavedItems> Firewall::runtime_to_permanent(const std::vector<std::string>& left_out) {
  if (state_ == State::Failed) {
    return fail(Code::RUNNING_BUT_FAILED,
                "Saving runtime to permanent is not allowed while firewalld is in FAILED state. "
                "The permanent configuration must be fixed and then firewalld restarted. Try "
                "`firewall-offline-cmd --check-config`.");
  }
  // A runtime zone carries its runtime bindings, not those of its file.
  auto zones = runtime_.zones;
  const auto& bindings = zones_.bindings();
  const auto& nm_interfaces = zones_.nm_interfaces();
  for (auto& [name, item] : zones) {
    auto interfaces = bindings.interfaces.find(name);
    item.value.interfaces =
        interfaces == bindings.interfaces.end() ? std::vector<std::string>{} : interfaces->second;
    // firewalld: "interface binding for '%s' has been added by NM, ignoring."
    std::erase_if(item.value.interfaces, [&](const std::string& interface) {
      return std::count(nm_interfaces.begin(), nm_interfaces.end(), interface) > 0 ||
             std::count(left_out.begin(), left_out.end(), interface) > 0;
    });
    item.value.sources.clear();
    if (auto sources = bindings.sources.find(name); sources != bindings.sources.end()) {
      for (const auto& source : sources->second) item.value.sources.push_back(zone_source(source));
    }
  }
  SavedItems saved;
  bool failed = false;
  save_items(permanent_store_, "service", runtime_.services, false, saved.services, failed);
  save_items(permanent_store_, "icmptype", runtime_.icmptypes, false, saved.icmptypes, failed);
  save_items(permanent_store_, "ipset", runtime_.ipsets, false, saved.ipsets, failed);
  save_items(permanent_store_, "zone", zones, true, saved.zones, failed);
  save_items(permanent_store_, "policy", runtime_.policies, true, saved.policies, failed);
  save_items(permanent_store_, "helper", runtime_.helpers, false, saved.helpers, failed);
  if (failed) saved.failure = Error{Code::RT_TO_PERM_FAILED, {}, {}, 0};
  return saved;
}

Status Firewall::check_permanent_config(std::vector<Error>& logged) const {
  config::LoadResult loaded = config::load_config(paths_);
  for (auto& w : loaded.warnings) logged.push_back(std::move(w));
  std::vector<Error> problems = std::move(loaded.errors);
  if (problems.empty()) problems = model::check_references(loaded.config);
  if (problems.empty()) return check_direct_lockdown_files();
  Error first = problems.front();
  first.file.clear();
  first.line = 0;
  return Unexpected{first};
}

}  // namespace fwctl::core
