// firewall-offline-cmd 1.3.3's main program: its migration pre-parse, its parser, its checks,
// then its dispatch in its two chains of `elif`s. The first chain (lokkit, the stand-alone
// options, zones, policies, services, icmptypes) falls through into the second's final `else:`,
// the zone branch, whenever its handler does not exit: firewall-offline-cmd then writes the
// default zone (or --zone) and prints "success", and so does fwctl (`--new-zone=x` also writes
// the default zone's file). See docs/offline.md.
#include "offline_cmd.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <ostream>

#include "check_config.hpp"
#include "core/lockdown.hpp"
#include "offline_cmd_checks.hpp"
#include "offline_cmd_help.hpp"
#include "offline_cmd_options.hpp"
#include "offline_store.hpp"
#include "option_groups.hpp"

namespace fwctl::cli {
namespace {

constexpr const char* kSysconfigFile = "/etc/sysconfig/system-config-firewall";

// The firewall-cmd families the shared handlers (offline_store.hpp, permanent_edits.hpp) read.
Families as_families(const OfflineFamilies& o) {
  Families f;
  f.standalone = o.standalone;
  f.desc_xml_file = o.desc_xml_file;
  f.lockdown_whitelist = o.lockdown_whitelist;
  f.config = o.config;
  f.zone_ops = o.zone_ops;
  f.policy = o.policy;
  f.ipset = o.ipset;
  f.icmptype = o.icmptype;
  f.service = o.service;
  f.helper = o.helper;
  f.permanent = true;
  f.direct = o.direct;
  return f;
}

// read_sysconfig_args(): the non-blank, non-comment lines of the file, stripped; nullopt when
// it cannot be read or holds none.
std::optional<std::vector<std::string>> sysconfig_args(const std::string& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    auto first = line.find_first_not_of(" \t\r\n"), last = line.find_last_not_of(" \t\r\n");
    if (first == std::string::npos) continue;
    line = line.substr(first, last - first + 1);
    if (line[0] != '#') out.push_back(line);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// The "--migrate-system-config-firewall" pre-parse (parse_known_args of -h, -v, -q and the
// option): the file's lines, then the other arguments.
std::vector<std::string> migration(const std::vector<std::string>& argv, const Printer& p) {
  std::vector<std::string> unknown;
  std::optional<std::string> file;
  bool help = false, quiet = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    const std::string opt = "--migrate-system-config-firewall";
    if (arg == "-h" || arg == "--help") help = true;
    else if (arg == "-q" || arg == "--quiet") quiet = true;
    else if (arg == "-v" || arg == "--verbose") continue;
    else if (arg.rfind(opt + "=", 0) == 0) file = arg.substr(opt.size() + 1);
    else if (arg == opt && i + 1 < argv.size()) file = argv[++i];
    else unknown.push_back(arg);
  }
  if (help) {
    p.msg(std::string(offline_help_text()).substr(0, std::string(offline_help_text()).size() - 1));
    throw Exit{0};
  }
  if (quiet) p.fail("-q/--quiet can't be used with this option(s)");
  if (!file) return unknown;
  auto args = sysconfig_args(*file);
  if (!args) p.fail("Opening of '" + *file + "' failed, exiting.");
  args->insert(args->end(), unknown.begin(), unknown.end());
  return *args;
}

// The arguments firewall-offline-cmd parses: those given, those of a system-config-firewall
// file (--migrate-system-config-firewall), or with none at all the default file's.
std::vector<std::string> effective_args(std::vector<std::string> argv, const Printer& p) {
  std::vector<std::string> own = argv;
  own.erase(std::remove(own.begin(), own.end(), "--offline"), own.end());
  bool migrate = std::any_of(argv.begin(), argv.end(), [](const std::string& arg) {
    return arg.find("--migrate-system-config-firewall") != std::string::npos;
  });
  if (migrate) return migration(argv, p);
  if (!own.empty()) return argv;
  if (::getuid() != 0) p.and_exit("You need to be root to run firewall-offline-cmd.", 255);
  auto args = sysconfig_args(kSysconfigFile);
  if (!args) p.fail(std::string("Opening of '") + kSysconfigFile + "' failed, exiting.");
  return *args;
}

// What firewalld's firewalld_conf.read() logs (on stderr, -q or not) when the system tree has
// no firewalld.conf: the ERROR line, then with `warnings` the two WARNING lines of the start.
// Then, as firewalld's readers log them, what it ignored in the item files it still loaded
// ("WARNING: Invalid rule: Invalid log level").
void log_missing_conf(const config::LoadResult& loaded, const config::Paths& paths,
                      std::ostream& err, bool warnings) {
  if (loaded.conf_open_failure) {
    const std::string& why = *loaded.conf_open_failure;
    err << "ERROR: Failed to load '" << paths.system_dir << "/firewalld.conf': " << why << '\n';
    if (warnings)
      err << "WARNING: " << why << "\nWARNING: Using fallback firewalld configuration settings.\n";
  }
  // The first warning is firewalld.conf's, printed above.
  auto first = loaded.warnings.begin() + (loaded.conf_open_failure && !loaded.warnings.empty());
  for (auto w = first; w != loaded.warnings.end(); ++w) {
    err << (w->log_level == Error::LogLevel::Error ? "ERROR: " : "WARNING: ") << w->log_line()
        << '\n';
  }
}

// --check-config: nothing and 0 when the trees are valid, else "Configuration error: CODE: ..."
// with the code. FWCTL_CHECK_CONFIG=lines prints fwctl's report instead (every problem with
// its file and line, "success").
int check_config_only(const Args& a, const config::Paths& paths, const Printer& p,
                      std::ostream& out, std::ostream& err) {
  const char* format = std::getenv("FWCTL_CHECK_CONFIG");
  if (format && std::string(format) == "lines")
    return print_check_report(check_config(paths), a.t("quiet"), out, err);
  // firewalld starts (reading firewalld.conf), then check_on_disk_config reads it again.
  // In between, a start that could not read a file falls back to the stock configuration
  // (references between items are checked only by the second reading).
  config::LoadResult loaded = config::load_config(paths);
  log_missing_conf(loaded, paths, err, true);
  CheckReport report = check_config(paths);
  if (!loaded.errors.empty())
    err << "ERROR: Failed to load user configuration. Falling back to full stock configuration.\n";
  log_missing_conf(loaded, paths, err, false);
  if (report.errors.empty()) return 0;
  const Error& first = report.errors.front();
  p.and_exit("Configuration error: " + first.message(), static_cast<int>(first.code));
}

bool chain_one_item_change(const Args& a) {
  for (const KindDests& k : {kZoneDests, kPolicyDests, kServiceDests, kIcmptypeDests})
    for (Dest d : {k.create, k.remove, k.load_defaults, k.create_from_file})
      if (a.t(d)) return true;
  return false;
}

// The stand-alone options of the first chain; true when they return (to the zone branch).
bool standalone(Offline& o) {
  Args& a = o.a;
  const model::FirewalldConf& conf = o.store.config().conf;
  if (a.t("version")) o.p.and_exit("1.3.3");
  if (a.t("get_log_denied")) o.p.and_exit(conf.log_denied);
  if (a.t("set_log_denied"))
    return o.c.call([&] { throw_if_failed(o.store.set_log_denied(a.str("set_log_denied"))); }),
           true;
  // firewalld 1.3.3's Firewall has neither method: firewall-offline-cmd fails with python's
  // AttributeError text, exit 2, and so does fwctl (docs/offline.md).
  for (auto [dest, method] : {std::pair{Dest("get_automatic_helpers"), "get_automatic_helpers"},
                              std::pair{Dest("set_automatic_helpers"), "set_automatic_helpers"},
                              std::pair{Dest("lockdown_on"), "enable_lockdown"},
                              std::pair{Dest("lockdown_off"), "disable_lockdown"}}) {
    if (a.t(dest)) o.p.fail(std::string("'Firewall' object has no attribute '") + method + "'");
  }
  if (a.t("policy_server")) offline_cmd_polkit(o, "server");
  if (a.t("policy_desktop")) offline_cmd_polkit(o, "desktop");
  if (a.t("get_default_zone")) o.p.and_exit(conf.default_zone);
  if (a.t("set_default_zone"))
    return o.c.call([&] { throw_if_failed(o.store.set_default_zone(a.str("set_default_zone"))); }),
           true;
  if (a.t("query_lockdown")) o.p.query_result(core::lockdown_from_conf(conf.lockdown));
  if (a.t("reset_to_defaults")) return offline_cmd_reset(o), true;
  return false;
}

enum class Next { Done, ZoneBranch, ReloadThenZoneBranch };

// The zone the zone branch writes after the first chain: --zone or the default zone, except
// after --delete-service/--delete-icmptype, whose `for zone in zones:` loop leaves python's
// `zone` variable at the last zone's name, which firewall-offline-cmd then writes.
std::string branch_zone(Offline& o, const std::string& default_zone) {
  const auto& zones = o.store.items<model::Zone>();
  if ((o.a.t("delete_service") || o.a.t("delete_icmptype")) && !zones.empty())
    return zones.rbegin()->first;
  return o.a.t("zone") ? o.a.str("zone") : default_zone;
}

// The first chain of firewall-offline-cmd's dispatch.
Next first_chain(Offline& o, const OfflineFamilies& f) {
  Args& a = o.a;
  const bool service_edit = f.service && a.t("service");
  if (f.lokkit && !service_edit) return offline_cmd_lokkit(o), Next::ZoneBranch;
  bool reset = a.t("reset_to_defaults");
  if (standalone(o)) return reset ? Next::ReloadThenZoneBranch : Next::ZoneBranch;
  bool changes_item = chain_one_item_change(a);
  bool edits_item = (a.t("icmptype") && f.icmptype) || service_edit;
  if (changes_item || edits_item || a.t("get_zones") || a.t("get_policies") ||
      a.t("get_services") || a.t("get_icmptypes") || a.t("info_zone") || a.t("info_policy") ||
      a.t("info_service") || a.t("info_icmptype") || a.t("path_zone") || a.t("path_policy") ||
      a.t("path_service") || a.t("path_icmptype")) {
    if (!o.general() && !o.kinds()) return Next::ZoneBranch;
    return edits_item ? (o.p.and_exit("success"), Next::Done) : Next::ZoneBranch;
  }
  return Next::Done;
}

// The second chain: ipsets, helpers, the lockdown whitelist, direct, policies, and the zone
// branch at its end.
[[noreturn]] void second_chain(Offline& o, const std::string& default_zone) {
  Args& a = o.a;
  if (o.policy_set()) o.p.and_exit("success");
  if (a.t("list_all_policies") || a.t("policy")) {
    if (o.general()) o.p.and_exit("success");
    offline_cmd_policy(o);
  }
  if (o.general() || o.kinds()) o.p.and_exit("success");
  offline_cmd_zone(o, a.t("zone") ? a.str("zone") : default_zone);
}

// Loaded trees, the store and the handlers' context, for one pass of the dispatch.
struct Loaded {
  explicit Loaded(const config::Paths& paths)
      : result(config::load_config(paths)), store(paths, result.config, [] { return false; }) {}
  config::LoadResult result;
  core::Permanent store;
};

[[noreturn]] void dispatch(Args& a, const OfflineFamilies& of, const Printer& p,
                           const config::Paths& paths, const std::string& prog) {
  Families f = as_families(of);
  Client client(p);
  client.set_offline_cmd(true);
  Session s{a, f, p, client, 0, a.str("zone"), prog, true};
  Loaded l(paths);
  log_missing_conf(l.result, paths, p.err(), true);
  Offline o{a, p, client, l.store, s, paths};
  std::string default_zone = l.result.config.conf.default_zone;
  Next next = first_chain(o, of);
  // Only the first chain's reset leaves firewall-offline-cmd's in-memory zones stale: they are
  // the defaults now, while its default zone stays the one it started with.
  if (next == Next::ReloadThenZoneBranch) {
    Loaded again(paths);
    Offline fresh{a, p, client, again.store, s, paths};
    second_chain(fresh, default_zone);
  }
  default_zone = l.store.config().conf.default_zone;
  if (next == Next::ZoneBranch) offline_cmd_zone(o, branch_zone(o, default_zone));
  second_chain(o, default_zone);
}

int run_checked(std::vector<std::string> argv, const std::string& prog, Printer& p, JsonSink& json,
                std::ostream& out, std::ostream& err) {
  auto parsed = parse_offline_command_line(effective_args(std::move(argv), p));
  if (!parsed) {
    err << offline_usage() << prog << ": error: " << parsed.error().detail << '\n';
    return 2;
  }
  Args& a = *parsed;
  p.set_quiet(a.t("quiet"));
  p.set_verbose(a.t("verbose"));
  if (a.t("json")) {  // fwctl's own, as for firewall-cmd's command line
    json.set_many(a.t("list_all_zones") || a.t("list_all_policies"));
    p.set_json(&json);
  }
  OfflineFamilies f = classify_offline(a);
  if (auto failure = check_offline_combinations(a, f)) {
    p.set_quiet(a.t("quiet"));
    p.fail(*failure);
  }
  if (a.t("help")) {
    out << offline_help_text();
    return 0;
  }
  if (::getuid() != 0) p.and_exit("You need to be root to run " + prog + ".", 255);
  config::Paths paths;
  if (a.t("default_config")) paths.default_dir = a.str("default_config");
  if (a.t("system_config")) paths.system_dir = a.str("system_config");
  if (a.t("check_config")) return check_config_only(a, paths, p, out, err);
  dispatch(a, f, p, paths, prog);
}

}  // namespace

int run_offline_cmd(std::vector<std::string> argv, const std::string& prog, std::ostream& out,
                    std::ostream& err, bool err_is_tty) {
  Printer p(out, err, err_is_tty);
  JsonSink json(out, err);
  try {
    return run_checked(std::move(argv), prog, p, json, out, err);
  } catch (const Exit& e) {
    if (p.json()) json.flush(p.quiet());
    return e.code;
  }
}

}  // namespace fwctl::cli
