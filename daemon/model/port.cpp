#include "model/port.hpp"

#include <string>
#include <vector>

#include "model/python_int.hpp"

namespace fwctl::model {
namespace {

// getPortID()'s answers besides a port: a negative number read by int() (e.g. "-5") is passed
// on as it is and, being negative, counts as "not found" wherever firewalld compares >= 0.
constexpr long double kNotFound = -1;
constexpr long double kTooBig = -2;

bool is_blank(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

std::string_view strip_ascii_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// str.isdigit() for ASCII text.
bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// getPortID(): a number as int() reads it, else a service name; above 65535 is kTooBig.
long double port_id(std::string_view text, PortNameLookup lookup) {
  if (text.size() <= 5 && is_digits(text)) {  // int() of plain digits: the common case, fast
    long value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    return value > 65535 ? kTooBig : static_cast<long double>(value);
  }
  std::string_view s = strip_ascii_blanks(text);
  long double id;
  if (auto number = parse_python_int(s, PythonIntBase::Decimal)) {
    id = *number;
  } else if (auto port = lookup(s)) {
    id = *port;
  } else {
    return kNotFound;
  }
  return id > 65535 ? kTooBig : id;
}

PortRange ordered(long double a, long double b) {
  int x = static_cast<int>(a);
  int y = static_cast<int>(b);
  return x <= y ? PortRange{x, y} : PortRange{y, x};
}

// The positions of the dashes, so that a split "head-tail" is two substrings of `port`.
std::vector<size_t> dash_positions(std::string_view port) {
  std::vector<size_t> dashes;
  for (size_t i = 0; i < port.size(); ++i) {
    if (port[i] == '-') dashes.push_back(i);
  }
  return dashes;
}

// "<port>-<port>" where both sides are plain digits.
std::optional<PortRange> digit_range(std::string_view port, const std::vector<size_t>& dashes,
                                     PortNameLookup lookup) {
  if (dashes.size() != 1) return std::nullopt;
  std::string_view head = port.substr(0, dashes[0]);
  std::string_view tail = port.substr(dashes[0] + 1);
  if (!is_digits(head) || !is_digits(tail)) return std::nullopt;
  long double a = port_id(head, lookup);
  long double b = port_id(tail, lookup);
  if (a < 0 || b < 0) return std::nullopt;
  return ordered(a, b);
}

// Tries every split of "<name>[-<name>]" from the longest head down. A head that is the whole
// string and resolves ends the search; otherwise every split that resolves is a candidate.
std::vector<PortRange> split_candidates(std::string_view port, const std::vector<size_t>& dashes,
                                        PortNameLookup lookup) {
  std::vector<PortRange> matched;
  size_t parts = dashes.size() + 1;
  for (size_t i = parts; i >= 1; --i) {
    bool whole = i == parts;
    std::string_view head = whole ? port : port.substr(0, dashes[i - 1]);
    std::string_view tail = whole ? std::string_view() : port.substr(dashes[i - 1] + 1);
    long double a = port_id(head, lookup);
    if (!tail.empty()) {
      long double b = port_id(tail, lookup);
      if (a >= 0 && b >= 0) matched.push_back(ordered(a, b));
    } else if (a >= 0) {
      matched.push_back(ordered(a, a));
      if (whole) break;
    }
  }
  return matched;
}

Unexpected invalid_range(std::string_view port) {
  return fail(Code::INVALID_PORT, "'" + std::string(port) + "' is invalid port range");
}

}  // namespace

Result<PortRange> parse_port_range(std::string_view port, PortNameLookup lookup) {
  if (is_digits(port)) {
    long double id = port_id(port, lookup);
    if (id == kTooBig) {
      return fail(Code::INVALID_PORT, "port number in '" + std::string(port) + "' is too big");
    }
    return ordered(id, id);
  }
  std::vector<size_t> dashes = dash_positions(port);
  if (auto range = digit_range(port, dashes, lookup)) return *range;
  std::vector<PortRange> matched = split_candidates(port, dashes, lookup);
  if (matched.empty()) return invalid_range(port);
  if (matched.size() > 1) {
    return fail(Code::INVALID_PORT, "port range '" + std::string(port) + "' is ambiguous");
  }
  return matched.front();
}

namespace {

// What firewalld's int() reads only by accident: blanks anywhere ("80\n", " 80", "1 - 2"), a
// sign or digit separator ("+80", "8_0", "-0"), a range open at one end ("80-", "ssh-"). The
// value would be stored and written as given, and read back by XML as something else.
bool accidental(std::string_view port) {
  for (char c : port) {
    auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u == 0x7f || c == '+' || c == '_') return true;
  }
  return !port.empty() && (port.front() == '-' || port.back() == '-');
}

}  // namespace

Status check_port(std::string_view port) {
  if (accidental(port)) return invalid_range(port);
  auto range = parse_port_range(port);
  if (!range) return range;
  return ok();
}

Status check_port_protocol(std::string_view protocol) {
  if (protocol == "tcp" || protocol == "udp" || protocol == "sctp" || protocol == "dccp")
    return ok();
  return fail(Code::INVALID_PROTOCOL,
              "'" + std::string(protocol) + "' not from {'tcp'|'udp'|'sctp'|'dccp'}");
}

}  // namespace fwctl::model
