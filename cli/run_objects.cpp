// Runtime ipsets, helpers, lockdown and its whitelist, and the direct interface.
#include <fstream>
#include <set>

#include "info_format.hpp"
#include "item_lists.hpp"
#include "session.hpp"
#include "settings_dbus.hpp"
#include "show.hpp"
#include "values.hpp"

namespace fwctl::cli {

void run_direct(Session& s, bool permanent);
void run_whitelist(Session& s, bool permanent);

namespace {

// FirewallCommand.get_ipset_entries_from_file: stripped lines, no comments (#, ;), no repeats.
std::optional<std::vector<std::string>> entries_from_file(const std::string& filename,
                                                          std::string& error) {
  std::ifstream in(filename);
  if (!in) {
    error = "[Errno 2] No such file or directory: '" + filename + "'";
    return std::nullopt;
  }
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (std::string line; std::getline(in, line);) {
    auto b = line.find_first_not_of(" \t\r\n\f\v");
    if (b == std::string::npos) continue;
    line = line.substr(b, line.find_last_not_of(" \t\r\n\f\v") - b + 1);
    if (line[0] == '#' || line[0] == ';') continue;
    if (seen.insert(line).second) out.push_back(line);
  }
  return out;
}

}  // namespace

// --add-entries-from-file / --remove-entries-from-file on a list of entries; true when it
// changed. Shared with the permanent branch.
bool entries_from_files(Session& s, std::vector<std::string>& entries, bool add) {
  const auto& files =
      add ? s.a.list("add_entries_from_file") : s.a.list("remove_entries_from_file");
  bool changed = false;
  for (const auto& file : files) {
    std::string error;
    auto read = entries_from_file(file, error);
    if (!read) {
      std::string message = "Failed to read file '" + file + "': " + error;
      if (files.size() > 1) s.p.warning(message);
      else s.p.and_exit(message);
      continue;
    }
    std::set<std::string> present(entries.begin(), entries.end());
    for (const auto& entry : *read) {
      bool there = present.count(entry) > 0;
      if (add && !there) {
        entries.push_back(entry);
        present.insert(entry);
        changed = true;
      } else if (!add && there) {
        entries.erase(std::find(entries.begin(), entries.end(), entry));
        present.erase(entry);
        changed = true;
      } else {
        s.p.if_verbose(std::string(add ? "Warning: ALREADY_ENABLED: " : "Warning: NOT_ENABLED: ") +
                       entry);
      }
    }
  }
  return changed;
}

bool Session::runtime_objects() {
  auto& ip = bus().ipset();
  const std::string set = a.str("ipset");
  if (a.t("direct")) return run_direct(*this, false), true;
  if (a.t("get_ipsets")) {
    auto names = c.call([&] { return ip.getIPSets(); });
    std::sort(names.begin(), names.end());
    print_list(names);
  }
  if (a.t("info_ipset")) {
    auto name = a.str("info_ipset");
    show_ipset(p, name, decode_ipset(c.call([&] { return ip.getIPSetSettings(name); })));
    throw Exit{0};
  }
  ListActions entry_actions{[&](const Item& i) { ip.addEntry(set, i.args[0]); },
                            [&](const Item& i) { ip.removeEntry(set, i.args[0]); },
                            [&](const Item& i) { return ip.queryEntry(set, i.args[0]); }};
  if (run_elements(c, a, kEntryDests, nullptr, "'%s'", entry_actions)) return true;
  if (a.t("get_entries")) print_list(c.call([&] { return ip.getEntries(set); }), "\n");
  if (a.t("add_entries_from_file") || a.t("remove_entries_from_file")) {
    auto entries = c.call([&] { return ip.getEntries(set); });
    if (entries_from_files(*this, entries, a.t("add_entries_from_file")))
      c.call([&] { ip.setEntries(set, entries); });
    return true;
  }
  if (a.t("get_helpers")) {
    auto names = c.call([&] { return bus().fw().getHelpers(); });
    std::sort(names.begin(), names.end());
    print_list(names);
  }
  if (a.t("info_helper")) {
    auto name = a.str("info_helper");
    show_helper(p, name, decode_helper(c.call([&] { return bus().fw().getHelperSettings(name); })));
    throw Exit{0};
  }
  auto& pol = bus().policies();
  if (a.t("lockdown_on")) {
    c.call([&] { bus().config().Lockdown("yes"); });
    return c.call([&] { pol.enableLockdown(); }), true;
  }
  if (a.t("lockdown_off")) {
    c.call([&] { bus().config().Lockdown("no"); });
    return c.call([&] { pol.disableLockdown(); }), true;
  }
  if (a.t("query_lockdown")) p.query_result(c.call([&] { return pol.queryLockdown(); }));
  if (f.lockdown_whitelist) return run_whitelist(*this, false), true;
  return false;
}

}  // namespace fwctl::cli
