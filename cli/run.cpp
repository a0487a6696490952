#include <cstdlib>
#include <ostream>

#include "check_config.hpp"
#include "confirm.hpp"
#include "counters.hpp"
#include "explain.hpp"
#include "help.hpp"
#include "json_output.hpp"
#include "offline.hpp"
#include "offline_cmd.hpp"
#include "offline_cmd_options.hpp"
#include "session.hpp"
#include "trace.hpp"
#include "why.hpp"

namespace fwctl::cli {
namespace {

constexpr int kUsageError = 2;

// dbus-python's words for a bus socket it cannot reach ("Failed to connect to socket PATH:
// REASON"), from sd-bus's "Failed to open bus (REASON)".
std::string connect_failure(const std::string& sdbus_message) {
  const char* env = std::getenv("DBUS_SYSTEM_BUS_ADDRESS");
  std::string address = env ? env : "unix:path=/run/dbus/system_bus_socket";
  auto open = sdbus_message.rfind('('), close = sdbus_message.rfind(')');
  if (address.rfind("unix:path=", 0) != 0 || open == std::string::npos || close < open)
    return sdbus_message;
  std::string path = address.substr(10, address.find(',') - 10);
  return "Failed to connect to socket " + path + ": " +
         sdbus_message.substr(open + 1, close - open - 1);
}

config::Paths config_paths(const Args& a) {
  config::Paths paths;
  if (a.t("default_config")) paths.default_dir = a.str("default_config");
  if (a.t("system_config")) paths.system_dir = a.str("system_config");
  return paths;
}

// --json on a command line argparse rejected: the usage error as a JSON document.
bool wants_json(const std::vector<std::string>& argv) {
  for (const auto& arg : argv)
    if (arg == "--json") return true;
  return false;
}

bool anything_to_do(const Families& f) {
  return f.standalone || f.ipset || f.icmptype || f.service || f.helper || f.config || f.zone_ops ||
         f.policy || f.direct || f.permanent_only;
}

// Issue 5: a --permanent command while no daemon owns the bus name (or there is no bus) works on
// the files directly, as firewall-offline-cmd would (firewall-cmd fails with NOT_RUNNING).
bool offline_fallback(const Args& a, const Families& f) {
  return a.t("permanent") && anything_to_do(f);
}

int run_online(Args& a, const Families& f, const Printer& p, int timeout, const std::string& prog) {
  std::unique_ptr<Bus> bus;
  try {
    bus = std::make_unique<Bus>();
  } catch (const sdbus::Error& e) {
    if (offline_fallback(a, f)) run_offline_edit(a, p, prog);
    p.and_exit("Error: DBUS_ERROR: " + connect_failure(e.getMessage()),
               static_cast<int>(Code::DBUS_ERROR));
  }
  Client client(*bus, p);
  bool connected = bus->running();
  if (!anything_to_do(f)) {
    std::string state = "not running";
    if (connected) {
      auto value = client.call([&] { return bus->fw().state(); });
      state = value == "RUNNING" ? "running" : value == "FAILED" ? "failed" : "not running";
    }
    std::string usage = format_usage(prog);
    p.fail("State: " + state + "\n\nNo options specified\n" + usage.substr(0, usage.size() - 1));
  }
  if (!connected && offline_fallback(a, f)) {
    p.if_verbose("FirewallD is not running, changing the permanent configuration directly");
    run_offline_edit(a, p, prog);
  }
  if (!connected)
    p.and_exit(a.t("state") ? "not running" : "FirewallD is not running",
               static_cast<int>(Code::NOT_RUNNING));
  Session s{a, f, p, client, timeout, a.str("zone"), prog};
  if (f.zone_ops && s.zone.empty() && !a.t("policy") && !(a.t("service") && f.service) &&
      !(a.t("helper") && f.helper)) {
    std::string def = client.call([&] { return bus->fw().getDefaultZone(); });
    p.if_verbose("No zone specified, using default zone, i.e. '" + def + "'");
    auto active = client.call([&] { return bus->zone().getActiveZones(); });
    if (!active.empty() && !active.count(def)) {
      std::vector<std::string> names;
      for (const auto& [name, items] : active) names.push_back(name);
      std::string joined;
      for (const auto& n : names) joined += (joined.empty() ? "" : ",") + n;
      p.msg("You're performing an operation over default zone ('" + def +
            "'),\nbut your connections/interfaces are in zone '" + joined +
            "' (see --get-active-zones)\nYou most likely need to use --zone=" + names.front() +
            " option.\n");
    }
  }
  if (a.t("policy_set")) {
    s.policy_set();
  } else if (a.t("permanent")) {
    s.permanent();
  } else if (!s.runtime_general() && !s.runtime_objects() && !s.runtime_zone()) {
    s.runtime_policy();
  }
  p.and_exit("success");
}

}  // namespace

void Session::print_list(const std::vector<std::string>& items, const char* sep) const {
  p.list(items, sep);
}

void Session::fail_usage(const std::string& text) const {
  p.fail((offline_cmd ? offline_usage() : format_usage(prog)) + text);
}

int run(const std::vector<std::string>& argv, const std::string& prog, std::ostream& out,
        std::ostream& err, bool err_is_tty) {
  // fwctl --offline, or fwctl installed as firewall-offline-cmd: that program's command line.
  if (wants_offline(argv, prog)) return run_offline_cmd(argv, prog, out, err, err_is_tty);
  Printer p(out, err, err_is_tty);
  JsonSink json(out, err);
  try {
    auto parsed = parse_command_line(argv);
    if (!parsed) {
      if (wants_json(argv))
        err << diagnostic_json(parsed.error().detail, kUsageError).dump() << '\n';
      else err << format_usage(prog) << prog << ": error: " << parsed.error().detail << '\n';
      return kUsageError;
    }
    Args& a = *parsed;
    p.set_quiet(a.t("quiet"));
    p.set_verbose(a.t("verbose"));
    if (a.t("explain")) {
      if (auto usage = explain_usage_error(a); !usage.empty()) p.fail(format_usage(prog) + usage);
      return run_explain(config_paths(a),
                         {a.t("policy"), a.t("policy") ? a.str("policy") : a.str("zone")}, p, out,
                         err);
    }
    if (a.t("why")) {
      if (auto usage = why_usage_error(a); !usage.empty()) p.fail(format_usage(prog) + usage);
      return run_why(a, config_paths(a), p, out, err);
    }
    if (a.given("trace") || a.given("count")) {
      if (auto usage = trace_usage_error(a); !usage.empty()) p.fail(format_usage(prog) + usage);
      return run_trace(a, p, out, err);
    }
    std::optional<int> confirm;
    if (a.given("confirm")) {
      if (auto usage = confirm_usage_error(a); !usage.empty()) p.fail(format_usage(prog) + usage);
      confirm = confirm_seconds(a);
      if (!confirm) run_confirm(p);
    }
    if (auto usage = counters_usage_error(a); !usage.empty()) p.fail(format_usage(prog) + usage);
    if (a.t("zero_counters")) run_zero_counters(p);
    if (a.t("json")) {
      json.set_many(a.t("list_all_zones") || a.t("list_all_policies"));
      p.set_json(&json);
    }
    Families f = classify(a);
    CheckResult check = check_combinations(a, f, prog);
    if (check.failure) {
      p.set_quiet(a.t("quiet"));
      p.fail(*check.failure);
    }
    if (a.t("help")) {
      out << help_text(prog);
      return 0;
    }
    if (!confirm && !a.t("counters")) return run_online(a, f, p, check.timeout, prog);
    if (confirm) begin_confirm(*confirm, p);
    try {
      return run_online(a, f, p, check.timeout, prog);
    } catch (const Exit& e) {
      // Made or not (partly, maybe), the runtime goes back unless confirmed.
      if (confirm && !p.quiet()) err << confirm_notice(*confirm) << '\n';
      if (a.t("counters") && e.code == 0) show_counters(a, p, out, p.json() ? &json : nullptr);
      throw;
    }
  } catch (const Exit& e) {
    if (p.json()) json.flush(p.quiet());
    return e.code;
  } catch (const sdbus::Error& e) {
    // A failure outside firewall-cmd's handled calls (the bus went away mid-command).
    err << "Error: " << e.getMessage() << '\n';
    return static_cast<int>(Code::UNKNOWN_ERROR);
  }
}

}  // namespace fwctl::cli
