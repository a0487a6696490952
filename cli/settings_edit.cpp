#include "settings_edit.hpp"

#include "model/rich_rule.hpp"

namespace fwctl::cli {

void set_flag(bool& flag, bool on, const std::string& name) {
  if (flag == on) throw FwError{std::string(on ? "ALREADY_ENABLED: " : "NOT_ENABLED: ") + name};
  flag = on;
}

std::string normalize_rule(const std::string& text) {
  auto rule = model::parse_rich_rule(text);
  if (!rule) throw FwError{rule.error().message()};
  return model::to_string(*rule);
}

}  // namespace fwctl::cli
