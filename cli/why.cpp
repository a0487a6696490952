#include "why.hpp"

#include <ostream>
#include <set>

#include "bus.hpp"
#include "check_config.hpp"
#include "client.hpp"
#include "compiler/compiler.hpp"
#include "compiler/why.hpp"
#include "model/config_check.hpp"
#include "model_settings.hpp"
#include "settings_dbus.hpp"

namespace fwctl::cli {
namespace {

// The services a zone or policy names, directly or in a rich rule.
void add_services(std::set<std::string>& out, const std::vector<std::string>& services,
                  const std::vector<model::RichRule>& rules) {
  out.insert(services.begin(), services.end());
  for (const auto& r : rules)
    if (r.element)
      if (const auto* s = std::get_if<model::RichService>(&*r.element)) out.insert(s->name);
}

// Runtime services cannot differ from what the daemon loaded, but the files may have changed
// since: each service in use is read from the daemon, with the services it includes.
void fetch_services(Bus& bus, model::Config& config, std::set<std::string> wanted) {
  std::set<std::string> done;
  while (!wanted.empty()) {
    std::string name = *wanted.begin();
    wanted.erase(wanted.begin());
    if (!done.insert(name).second) continue;
    auto& svc = config.services[name].value;
    svc = model::Service{};
    apply_settings(svc, decode_service(bus.fw().getServiceSettings2(name)));
    for (const auto& include : svc.includes) wanted.insert(include);
  }
}

}  // namespace

std::string why_usage_error(const Args& a) {
  if (const auto* option =
          a.given_except({"why", "offline", "default_config", "system_config", "quiet", "verbose"}))
    return "--why cannot be combined with " + option->names.back();
  return {};
}

std::pair<model::Config, compiler::RuntimeBindings> runtime_config(Bus& bus, model::Config files) {
  model::Config config = std::move(files);
  compiler::RuntimeBindings bindings;
  bindings.default_zone = bus.fw().getDefaultZone();
  config.conf.log_denied = bus.fw().getLogDenied();
  std::set<std::string> services;
  config.zones.clear();
  for (const auto& name : bus.zone().getZones()) {
    ZoneSettings s = decode_zone(bus.zone().getZoneSettings2(name));
    auto& zone = config.zones[name].value;
    if (auto st = apply_settings(zone, s); !st) throw FwError{st.error().message()};
    bindings.interfaces[name] = s.interfaces;
    bindings.sources[name] = s.sources;
    add_services(services, zone.services, zone.rules);
  }
  config.policies.clear();
  for (const auto& name : bus.policy().getPolicies()) {
    ZoneSettings s = decode_policy(bus.policy().getPolicySettings(name));
    auto& policy = config.policies[name].value;
    if (auto st = apply_settings(policy, s); !st) throw FwError{st.error().message()};
    add_services(services, policy.services, policy.rules);
  }
  config.ipsets.clear();
  for (const auto& name : bus.ipset().getIPSets())
    apply_settings(config.ipsets[name].value, decode_ipset(bus.ipset().getIPSetSettings(name)));
  fetch_services(bus, config, std::move(services));
  return {std::move(config), std::move(bindings)};
}

Result<std::string> why_report(const model::Config& config,
                               const compiler::RuntimeBindings& bindings, const std::string& packet,
                               const std::string& source) {
  auto parsed = compiler::parse_packet(packet);
  if (!parsed) return parsed;
  auto ruleset = compiler::compile(config, bindings);
  if (!ruleset) return ruleset;
  auto result = compiler::why(*ruleset, *parsed);
  return "packet: " + compiler::to_text(*parsed) + "\nruleset: " + source + "\n" +
         compiler::to_text(result);
}

int run_why(const Args& a, const config::Paths& paths, const Printer& p, std::ostream& out,
            std::ostream& err) {
  config::LoadResult loaded = config::load_config(paths);
  CheckReport report{std::move(loaded.errors), {}};
  for (Error& e : model::check_references(loaded.config)) report.errors.push_back(std::move(e));
  if (!report.errors.empty()) return print_check_report(report, false, out, err);
  model::Config config = std::move(loaded.config);
  compiler::RuntimeBindings bindings = compiler::bindings_from_config(config);
  std::string source = "the configuration files, compiled by fwctl (--offline)";
  if (!a.t("offline")) {
    try {
      Bus bus;
      if (!bus.running()) {
        p.error_msg("FirewallD is not running (use --offline to ask the files)");
        return static_cast<int>(Code::NOT_RUNNING);
      }
      std::tie(config, bindings) = runtime_config(bus, std::move(config));
    } catch (const sdbus::Error& e) {
      p.error_msg("Error: DBUS_ERROR: " + e.getMessage());
      return static_cast<int>(Code::DBUS_ERROR);
    } catch (const FwError& e) {
      p.error_msg("Error: " + e.message);
      return static_cast<int>(Code::COMMAND_FAILED);
    }
    source = "fwctld's runtime configuration, compiled by fwctl";
  }
  // NOLINTNEXTLINE(bugprone-use-after-move): the std::tie above assigned config again
  auto text = why_report(config, bindings, a.str("why"), source);
  if (!text) {
    p.error_msg("Error: " + text.error().located_message());
    return static_cast<int>(text.error().code);
  }
  out << *text;
  return 0;
}

}  // namespace fwctl::cli
