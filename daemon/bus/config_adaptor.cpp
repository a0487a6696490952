#include "bus/config_adaptor.hpp"

#include <algorithm>
#include <charconv>

#include "bus/error_map.hpp"
#include "common/text.hpp"

namespace fwctl::bus {
namespace {

template <typename T>
std::vector<std::string> names(const std::map<std::string, model::Item<T>>& items) {
  std::vector<std::string> out;
  for (const auto& entry : items) out.push_back(entry.first);
  return out;
}

// The permanent zone whose file binds `id` (an interface or a source string).
template <typename Get>
std::string permanent_zone_of(const model::Config& config, const std::string& id, Get ids_of) {
  for (const auto& [name, item] : config.zones) {
    auto ids = ids_of(item.value);
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return name;
  }
  return {};
}

}  // namespace

void ConfigAdaptor::getIPSetNames(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getIPSetNames", [=, this] { return names(store_.config().ipsets); });
}
void ConfigAdaptor::getIcmpTypeNames(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getIcmpTypeNames",
        [=, this] { return names(store_.config().icmptypes); });
}
void ConfigAdaptor::getServiceNames(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getServiceNames",
        [=, this] { return names(store_.config().services); });
}
void ConfigAdaptor::getZoneNames(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getZoneNames", [=, this] { return names(store_.config().zones); });
}
void ConfigAdaptor::getPolicyNames(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getPolicyNames", [=, this] { return names(store_.config().policies); });
}
void ConfigAdaptor::getHelperNames(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getHelperNames", [=, this] { return names(store_.config().helpers); });
}

void ConfigAdaptor::getZoneOfInterface(sdbus::Result<std::string>&& result, std::string iface) {
  serve(std::move(result), "getZoneOfInterface", [=, this] {
    return permanent_zone_of(store_.config(), iface,
                             [](const model::Zone& z) { return z.interfaces; });
  });
}

void ConfigAdaptor::getZoneOfSource(sdbus::Result<std::string>&& result, std::string source) {
  serve(std::move(result), "getZoneOfSource", [=, this] {
    return permanent_zone_of(store_.config(), source, [](const model::Zone& z) {
      std::vector<std::string> out;
      for (const auto& s : z.sources) out.push_back(s.to_string());
      return out;
    });
  });
}

std::string ConfigAdaptor::DefaultZone() { return conf().default_zone; }

int32_t ConfigAdaptor::MinimalMark() {
  int32_t mark = 100;
  const std::string& text = conf().minimal_mark;
  std::from_chars(text.data(), text.data() + text.size(), mark);
  return mark;
}

void ConfigAdaptor::set_conf(const char* key, const std::string& value) {
  const sdbus::Message* call = object_.getCurrentlyProcessedMessage();
  // The Introspect filter (bus/introspection_filter.hpp) asked polkit for the caller and passes
  // the Set on as our own call; this check stays for a connection without that filter. Without
  // a sender the call is internal.
  if (call && call->getCredsUid() != 0) {
    throw not_authorized(polkit_action("org.freedesktop.DBus.Properties", "Set"), "uid");
  }
  if (value_or_throw(store_.set_conf(key, value))) {
    object_.emitPropertiesChangedSignal(INTERFACE_NAME, {key});
  }
}

#define FWCTL_CONF_PROPERTY(Property, field)                     \
  std::string ConfigAdaptor::Property() { return conf().field; } \
  void ConfigAdaptor::Property(const std::string& value) { set_conf(#Property, value); }

// firewalld ignores a Set of the deprecated MinimalMark.
void ConfigAdaptor::MinimalMark(const int32_t&) { set_conf("MinimalMark", ""); }
FWCTL_CONF_PROPERTY(CleanupOnExit, cleanup_on_exit)
FWCTL_CONF_PROPERTY(CleanupModulesOnExit, cleanup_modules_on_exit)
FWCTL_CONF_PROPERTY(Lockdown, lockdown)
// 1.3.3's boolean as written; a mode of firewalld 2.2 (org.fwctl.Config1's IPv6_rpfilter2) is
// "yes" here, as 2.x answers for every value but "no".
std::string ConfigAdaptor::IPv6_rpfilter() {
  const std::string& value = conf().ipv6_rpfilter;
  std::string lower = ascii_lower(value);
  bool boolean = lower == "yes" || lower == "no" || lower == "true" || lower == "false";
  return boolean ? value : "yes";
}
void ConfigAdaptor::IPv6_rpfilter(const std::string& value) { set_conf("IPv6_rpfilter", value); }
FWCTL_CONF_PROPERTY(IndividualCalls, individual_calls)
FWCTL_CONF_PROPERTY(LogDenied, log_denied)
FWCTL_CONF_PROPERTY(AutomaticHelpers, automatic_helpers)
FWCTL_CONF_PROPERTY(FirewallBackend, firewall_backend)
FWCTL_CONF_PROPERTY(FlushAllOnReload, flush_all_on_reload)
FWCTL_CONF_PROPERTY(RFC3964_IPv4, rfc3964_ipv4)
FWCTL_CONF_PROPERTY(AllowZoneDrifting, allow_zone_drifting)

#undef FWCTL_CONF_PROPERTY

}  // namespace fwctl::bus
