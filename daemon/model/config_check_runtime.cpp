// check_runtime_references(): references firewalld accepts at load and resolves only when it
// applies a zone or policy, or picks the default zone.

#include <algorithm>
#include <string>
#include <variant>

#include "common/text.hpp"
#include "model/config_check.hpp"
#include "model/ipset_check.hpp"
#include "model/validate.hpp"

namespace fwctl::model {
namespace {

class RuntimeReferenceChecker {
 public:
  explicit RuntimeReferenceChecker(const Config& config) : config_(config) {}

  std::vector<Error> run() {
    check_default_zone();
    for (const auto& [name, item] : config_.services) check_service(item);
    for (const auto& [name, item] : config_.zones) check_zone(item);
    for (const auto& [name, item] : config_.policies) check_rules(item.value.rules, item.path);
    return std::move(errors_);
  }

 private:
  void add(Code code, std::string detail, const std::string& file = {}) {
    Error error{code, std::move(detail), file, 0};
    if (std::find(errors_.begin(), errors_.end(), error) == errors_.end()) errors_.push_back(error);
  }

  void check_default_zone() {
    const std::string& zone = config_.conf.default_zone;
    if (zone.empty() || config_.zones.contains(zone)) return;
    add(Code::INVALID_ZONE, "Default zone " + quoted(zone) + " is not valid.");
  }

  // A service's conntrack helpers are looked up when a zone or policy using it is applied; a
  // <module> names the helper by its short name ("nf_conntrack_ftp" → "ftp").
  void check_service(const Item<Service>& item) {
    for (const std::string& helper : item.value.helpers) check_helper(helper, item.path);
    for (const std::string& module : item.value.modules) {
      check_helper(normalize_service_module(module), item.path);
    }
  }

  void check_helper(const std::string& helper, const std::string& file) {
    if (!config_.helpers.contains(helper)) add(Code::INVALID_HELPER, helper, file);
  }

  void check_zone(const Item<Zone>& item) {
    for (const ZoneSource& source : item.value.sources) {
      std::string text = source.to_string();
      if (text.starts_with("ipset:")) check_source_ipset(text.substr(6), item.path);
    }
    check_rules(item.value.rules, item.path);
  }

  // A source matches the set's addresses, so the set must exist and have a type a source can use.
  void check_source_ipset(const std::string& name, const std::string& file) {
    auto it = config_.ipsets.find(name);
    if (it == config_.ipsets.end()) return add(Code::INVALID_IPSET, name, file);
    const std::string& type = it->second.value.type;
    if (is_source_ipset_type(type)) return;
    add(Code::INVALID_IPSET,
        "ipset " + quoted(name) + " with type " + quoted(type) + " not usable as source", file);
  }

  void check_rules(const std::vector<RichRule>& rules, const std::string& file) {
    for (const RichRule& rule : rules) check_rule(rule, file);
  }

  void check_rule(const RichRule& rule, const std::string& file) {
    if (rule.source && !rule.source->ipset.empty()) check_source_ipset(rule.source->ipset, file);
    if (rule.destination && !rule.destination->ipset.empty() &&
        !config_.ipsets.contains(rule.destination->ipset)) {
      add(Code::INVALID_IPSET, rule.destination->ipset, file);
    }
    const auto* service = rule.element ? std::get_if<RichService>(&*rule.element) : nullptr;
    if (service != nullptr && !config_.services.contains(service->name)) {
      add(Code::INVALID_SERVICE, service->name, file);
    }
  }

  const Config& config_;
  std::vector<Error> errors_;
};

}  // namespace

std::vector<Error> check_runtime_references(const Config& config) {
  return RuntimeReferenceChecker(config).run();
}

}  // namespace fwctl::model
