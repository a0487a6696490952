#include "show.hpp"

#include "json_output.hpp"

namespace fwctl::cli {

void show_zone(const Printer& p, const std::string& name, const ZoneSettings& s,
               const std::string& default_zone) {
  if (auto* sink = p.json()) return sink->entry(name, zone_json(name, s));
  p.msg(format_zone(name, s, p.verbose(), default_zone));
}

void show_policy(const Printer& p, const std::string& name, const ZoneSettings& s) {
  if (auto* sink = p.json()) return sink->entry(name, policy_json(name, s));
  p.msg(format_policy(name, s, p.verbose()));
}

void show_service(const Printer& p, const std::string& name, const ServiceSettings& s) {
  if (auto* sink = p.json()) return sink->entry(name, service_json(name, s));
  p.msg(format_service(name, s, p.verbose()));
}

void show_icmptype(const Printer& p, const std::string& name, const IcmpTypeSettings& s) {
  if (auto* sink = p.json()) return sink->entry(name, icmptype_json(name, s));
  p.msg(format_icmptype(name, s, p.verbose()));
}

void show_ipset(const Printer& p, const std::string& name, const IPSetSettings& s) {
  if (auto* sink = p.json()) return sink->entry(name, ipset_json(name, s));
  p.msg(format_ipset(name, s, p.verbose()));
}

void show_helper(const Printer& p, const std::string& name, const HelperSettings& s) {
  if (auto* sink = p.json()) return sink->entry(name, helper_json(name, s));
  p.msg(format_helper(name, s, p.verbose()));
}

void show_active(const Printer& p, const ActiveMap& active, const std::vector<std::string>& keys) {
  if (auto* sink = p.json()) {
    sink->document(active_json(active, keys));
  } else {
    std::string text = format_active(active, keys);
    if (!text.empty()) p.msg(text);
  }
  throw Exit{0};
}

}  // namespace fwctl::cli
