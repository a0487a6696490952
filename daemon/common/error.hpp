#pragma once
// firewalld's error codes and the error value every layer returns.
//
// The numeric values and spellings are wire format: they travel over D-Bus as "CODE: detail"
// and become firewall-cmd's exit codes, so they must stay exactly firewalld 1.3.3's.

#include <optional>
#include <string>
#include <string_view>

namespace fwctl {

enum class Code : int {
  ALREADY_ENABLED = 11,
  NOT_ENABLED = 12,
  COMMAND_FAILED = 13,
  PANIC_MODE = 15,
  ZONE_ALREADY_SET = 16,
  UNKNOWN_INTERFACE = 17,
  ZONE_CONFLICT = 18,
  BUILTIN_CHAIN = 19,
  EBTABLES_NO_REJECT = 20,
  NOT_OVERLOADABLE = 21,
  NO_DEFAULTS = 22,
  BUILTIN_ZONE = 23,
  BUILTIN_SERVICE = 24,
  BUILTIN_ICMPTYPE = 25,
  NAME_CONFLICT = 26,
  NAME_MISMATCH = 27,
  PARSE_ERROR = 28,
  ACCESS_DENIED = 29,
  UNKNOWN_SOURCE = 30,
  RT_TO_PERM_FAILED = 31,
  IPSET_WITH_TIMEOUT = 32,
  BUILTIN_IPSET = 33,
  ALREADY_SET = 34,
  MISSING_IMPORT = 35,
  DBUS_ERROR = 36,
  BUILTIN_HELPER = 37,
  NOT_APPLIED = 38,
  INVALID_ACTION = 100,
  INVALID_SERVICE = 101,
  INVALID_PORT = 102,
  INVALID_PROTOCOL = 103,
  INVALID_INTERFACE = 104,
  INVALID_ADDR = 105,
  INVALID_FORWARD = 106,
  INVALID_ICMPTYPE = 107,
  INVALID_TABLE = 108,
  INVALID_CHAIN = 109,
  INVALID_TARGET = 110,
  INVALID_IPV = 111,
  INVALID_ZONE = 112,
  INVALID_PROPERTY = 113,
  INVALID_VALUE = 114,
  INVALID_OBJECT = 115,
  INVALID_NAME = 116,
  INVALID_FILENAME = 117,
  INVALID_DIRECTORY = 118,
  INVALID_TYPE = 119,
  INVALID_SETTING = 120,
  INVALID_DESTINATION = 121,
  INVALID_RULE = 122,
  INVALID_LIMIT = 123,
  INVALID_FAMILY = 124,
  INVALID_LOG_LEVEL = 125,
  INVALID_AUDIT_TYPE = 126,
  INVALID_MARK = 127,
  INVALID_CONTEXT = 128,
  INVALID_COMMAND = 129,
  INVALID_USER = 130,
  INVALID_UID = 131,
  INVALID_MODULE = 132,
  INVALID_PASSTHROUGH = 133,
  INVALID_MAC = 134,
  INVALID_IPSET = 135,
  INVALID_ENTRY = 136,
  INVALID_OPTION = 137,
  INVALID_HELPER = 138,
  INVALID_PRIORITY = 139,
  INVALID_POLICY = 140,
  INVALID_LOG_PREFIX = 141,
  INVALID_NFLOG_GROUP = 142,
  INVALID_NFLOG_QUEUE = 143,
  MISSING_TABLE = 200,
  MISSING_CHAIN = 201,
  MISSING_PORT = 202,
  MISSING_PROTOCOL = 203,
  MISSING_ADDR = 204,
  MISSING_NAME = 205,
  MISSING_SETTING = 206,
  MISSING_FAMILY = 207,
  RUNNING_BUT_FAILED = 251,
  NOT_RUNNING = 252,
  NOT_AUTHORIZED = 253,
  UNKNOWN_ERROR = 254
};

// "INVALID_PORT" for Code::INVALID_PORT.
std::string_view to_string(Code code);
// The inverse of to_string(); nullopt for a name firewalld does not have.
std::optional<Code> parse_code(std::string_view name);

// What went wrong, and where, when it came from a file.
struct Error {
  Code code = Code::UNKNOWN_ERROR;
  std::string detail;  // firewalld's detail text, e.g. the offending value
  std::string file;    // empty unless the error came from a configuration file
  int line = 0;        // 1-based line in file, 0 when unknown

  // "CODE: detail", or "CODE" when there is no detail: firewalld's D-Bus message format.
  std::string message() const;
  // message() prefixed with "file:line: " when the error has a location.
  std::string located_message() const;

  // For a problem firewalld logs and goes on after (a load warning, a direct.xml that does not
  // parse): the level firewalld logs it at, and its exact line when that is not message() (a
  // warning firewalld logs without a code, or wrapped as "Failed to load …: CODE: detail").
  enum class LogLevel { Warning, Error };
  LogLevel log_level = LogLevel::Warning;
  std::string log_text{};
  // firewalld's log line for this problem: log_text, or else message().
  std::string log_line() const;

  bool operator==(const Error&) const = default;
};

}  // namespace fwctl
