#include "common/error.hpp"

#include <array>
#include <utility>

namespace fwctl {
namespace {

constexpr std::array<std::pair<Code, std::string_view>, 83> kNames = {{
    {Code::ALREADY_ENABLED, "ALREADY_ENABLED"},
    {Code::NOT_ENABLED, "NOT_ENABLED"},
    {Code::COMMAND_FAILED, "COMMAND_FAILED"},
    {Code::PANIC_MODE, "PANIC_MODE"},
    {Code::ZONE_ALREADY_SET, "ZONE_ALREADY_SET"},
    {Code::UNKNOWN_INTERFACE, "UNKNOWN_INTERFACE"},
    {Code::ZONE_CONFLICT, "ZONE_CONFLICT"},
    {Code::BUILTIN_CHAIN, "BUILTIN_CHAIN"},
    {Code::EBTABLES_NO_REJECT, "EBTABLES_NO_REJECT"},
    {Code::NOT_OVERLOADABLE, "NOT_OVERLOADABLE"},
    {Code::NO_DEFAULTS, "NO_DEFAULTS"},
    {Code::BUILTIN_ZONE, "BUILTIN_ZONE"},
    {Code::BUILTIN_SERVICE, "BUILTIN_SERVICE"},
    {Code::BUILTIN_ICMPTYPE, "BUILTIN_ICMPTYPE"},
    {Code::NAME_CONFLICT, "NAME_CONFLICT"},
    {Code::NAME_MISMATCH, "NAME_MISMATCH"},
    {Code::PARSE_ERROR, "PARSE_ERROR"},
    {Code::ACCESS_DENIED, "ACCESS_DENIED"},
    {Code::UNKNOWN_SOURCE, "UNKNOWN_SOURCE"},
    {Code::RT_TO_PERM_FAILED, "RT_TO_PERM_FAILED"},
    {Code::IPSET_WITH_TIMEOUT, "IPSET_WITH_TIMEOUT"},
    {Code::BUILTIN_IPSET, "BUILTIN_IPSET"},
    {Code::ALREADY_SET, "ALREADY_SET"},
    {Code::MISSING_IMPORT, "MISSING_IMPORT"},
    {Code::DBUS_ERROR, "DBUS_ERROR"},
    {Code::BUILTIN_HELPER, "BUILTIN_HELPER"},
    {Code::NOT_APPLIED, "NOT_APPLIED"},
    {Code::INVALID_ACTION, "INVALID_ACTION"},
    {Code::INVALID_SERVICE, "INVALID_SERVICE"},
    {Code::INVALID_PORT, "INVALID_PORT"},
    {Code::INVALID_PROTOCOL, "INVALID_PROTOCOL"},
    {Code::INVALID_INTERFACE, "INVALID_INTERFACE"},
    {Code::INVALID_ADDR, "INVALID_ADDR"},
    {Code::INVALID_FORWARD, "INVALID_FORWARD"},
    {Code::INVALID_ICMPTYPE, "INVALID_ICMPTYPE"},
    {Code::INVALID_TABLE, "INVALID_TABLE"},
    {Code::INVALID_CHAIN, "INVALID_CHAIN"},
    {Code::INVALID_TARGET, "INVALID_TARGET"},
    {Code::INVALID_IPV, "INVALID_IPV"},
    {Code::INVALID_ZONE, "INVALID_ZONE"},
    {Code::INVALID_PROPERTY, "INVALID_PROPERTY"},
    {Code::INVALID_VALUE, "INVALID_VALUE"},
    {Code::INVALID_OBJECT, "INVALID_OBJECT"},
    {Code::INVALID_NAME, "INVALID_NAME"},
    {Code::INVALID_FILENAME, "INVALID_FILENAME"},
    {Code::INVALID_DIRECTORY, "INVALID_DIRECTORY"},
    {Code::INVALID_TYPE, "INVALID_TYPE"},
    {Code::INVALID_SETTING, "INVALID_SETTING"},
    {Code::INVALID_DESTINATION, "INVALID_DESTINATION"},
    {Code::INVALID_RULE, "INVALID_RULE"},
    {Code::INVALID_LIMIT, "INVALID_LIMIT"},
    {Code::INVALID_FAMILY, "INVALID_FAMILY"},
    {Code::INVALID_LOG_LEVEL, "INVALID_LOG_LEVEL"},
    {Code::INVALID_AUDIT_TYPE, "INVALID_AUDIT_TYPE"},
    {Code::INVALID_MARK, "INVALID_MARK"},
    {Code::INVALID_CONTEXT, "INVALID_CONTEXT"},
    {Code::INVALID_COMMAND, "INVALID_COMMAND"},
    {Code::INVALID_USER, "INVALID_USER"},
    {Code::INVALID_UID, "INVALID_UID"},
    {Code::INVALID_MODULE, "INVALID_MODULE"},
    {Code::INVALID_PASSTHROUGH, "INVALID_PASSTHROUGH"},
    {Code::INVALID_MAC, "INVALID_MAC"},
    {Code::INVALID_IPSET, "INVALID_IPSET"},
    {Code::INVALID_ENTRY, "INVALID_ENTRY"},
    {Code::INVALID_OPTION, "INVALID_OPTION"},
    {Code::INVALID_HELPER, "INVALID_HELPER"},
    {Code::INVALID_PRIORITY, "INVALID_PRIORITY"},
    {Code::INVALID_POLICY, "INVALID_POLICY"},
    {Code::INVALID_LOG_PREFIX, "INVALID_LOG_PREFIX"},
    {Code::INVALID_NFLOG_GROUP, "INVALID_NFLOG_GROUP"},
    {Code::INVALID_NFLOG_QUEUE, "INVALID_NFLOG_QUEUE"},
    {Code::MISSING_TABLE, "MISSING_TABLE"},
    {Code::MISSING_CHAIN, "MISSING_CHAIN"},
    {Code::MISSING_PORT, "MISSING_PORT"},
    {Code::MISSING_PROTOCOL, "MISSING_PROTOCOL"},
    {Code::MISSING_ADDR, "MISSING_ADDR"},
    {Code::MISSING_NAME, "MISSING_NAME"},
    {Code::MISSING_SETTING, "MISSING_SETTING"},
    {Code::MISSING_FAMILY, "MISSING_FAMILY"},
    {Code::RUNNING_BUT_FAILED, "RUNNING_BUT_FAILED"},
    {Code::NOT_RUNNING, "NOT_RUNNING"},
    {Code::NOT_AUTHORIZED, "NOT_AUTHORIZED"},
    {Code::UNKNOWN_ERROR, "UNKNOWN_ERROR"},
}};

}  // namespace

std::string_view to_string(Code code) {
  for (const auto& [c, name] : kNames)
    if (c == code) return name;
  return "UNKNOWN_ERROR";
}

std::optional<Code> parse_code(std::string_view name) {
  for (const auto& [c, n] : kNames)
    if (n == name) return c;
  return std::nullopt;
}

std::string Error::message() const {
  std::string out(to_string(code));
  if (!detail.empty()) out += ": " + detail;
  return out;
}

std::string Error::located_message() const {
  if (file.empty()) return message();
  std::string where = file;
  if (line > 0) where += ":" + std::to_string(line);
  return where + ": " + message();
}

std::string Error::log_line() const { return log_text.empty() ? message() : log_text; }

}  // namespace fwctl
