#include "model/rich_rule.hpp"

#include <array>

#include "model/python_int.hpp"

namespace fwctl::model {
namespace {

void normalize_limit(std::optional<RichLimit>& limit) {
  if (limit) *limit = make_rich_limit(limit->value, limit->burst);
}

}  // namespace

RichLimit make_rich_limit(std::string_view value, std::string_view burst) {
  constexpr std::array<std::string_view, 4> kLongUnits = {"second", "minute", "hour", "day"};
  std::string packets(burst);
  auto n = parse_python_int(burst, PythonIntBase::Decimal);
  if (n && *n >= -1e15L && *n <= 1e15L) packets = std::to_string(static_cast<long long>(*n));
  auto slash = value.find('/');
  if (slash != std::string_view::npos && value.find('/', slash + 1) == std::string_view::npos) {
    std::string_view unit = value.substr(slash + 1);
    for (auto long_unit : kLongUnits) {
      if (unit == long_unit) return RichLimit{std::string(value.substr(0, slash + 2)), packets};
    }
  }
  return RichLimit{std::string(value), packets};
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
