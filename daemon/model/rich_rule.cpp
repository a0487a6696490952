#include "model/rich_rule.hpp"

#include <array>

namespace fwctl::model {
namespace {

void normalize_limit(std::optional<RichLimit>& limit) {
  if (limit) *limit = make_rich_limit(limit->value);
}

}  // namespace

RichLimit make_rich_limit(std::string_view value) {
  constexpr std::array<std::string_view, 4> kLongUnits = {"second", "minute", "hour", "day"};
  auto slash = value.find('/');
  if (slash != std::string_view::npos && value.find('/', slash + 1) == std::string_view::npos) {
    std::string_view unit = value.substr(slash + 1);
    for (auto long_unit : kLongUnits) {
      if (unit == long_unit) return RichLimit{std::string(value.substr(0, slash + 2))};
    }
  }
  return RichLimit{std::string(value)};
}

RichRule normalize_rich_rule(RichRule rule) {
  if (rule.source) {
    for (char& c : rule.source->mac) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  if (rule.log) std::visit([](auto& log) { normalize_limit(log.limit); }, *rule.log);
  if (rule.audit) normalize_limit(rule.audit->limit);
  if (rule.action) normalize_limit(rule.action->limit);
  return rule;
}

}  // namespace fwctl::model
