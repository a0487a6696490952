#pragma once
// Which argument forms firewalld accepts for a method, as one rule set (issue 12).
//
// firewalld's server is dbus-python: it never compares a call's signature with the method's.
// It unmarshals whatever arrives into python values (a variant becomes its content, every integer
// width an int, s/o/g a str, an array a list, a struct a tuple, a dict a dict) and the handler
// checks python types: dbus_to_python(x, str|int|bool|list|dict) on scalar arguments, and for
// settings firewalld's check_config (the top-level settings are indexed, so a list of the right
// length does for the tuple; inside, _check_config_structure wants a tuple where the IDL has a
// struct). bool is a subclass of int in python, so a boolean passes where an integer is wanted,
// not the reverse. sd-bus instead refuses any call whose signature differs from the registered
// one. fwctld therefore reads such a call into Values (bus/message_values.hpp) and converts them
// here to the IDL's signature, or refuses with firewalld's error: a wrong argument count as
// python's TypeError text, a wrong type as dbus_to_python's, both under
// org.fedoraproject.FirewallD1.Exception (firewalld's dbus_handle_exceptions wraps them).
//
// Where fwctld is stricter than firewalld (docs/clients.md): an integer that does not fit the
// IDL's width is refused (python would carry it on), and a struct inside an argument must be a
// struct even where firewalld's code would unpack a list of the right length (config.direct).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fwctl::bus {

// One D-Bus value as dbus-python hands it to firewalld, variants already unwrapped.
struct Value {
  enum class Kind { Bool, Int, Double, String, List, Tuple, Mapping, Other };
  Kind kind = Kind::Other;
  std::string signature;  // the value's own D-Bus type as sent (inside its variant, if any)
  bool boolean = false;
  std::int64_t integer = 0;  // Int (and Bool as 0/1)
  bool above_int64 = false;  // a 't' beyond INT64_MAX: then `unsigned_integer` holds it
  std::uint64_t unsigned_integer = 0;
  double real = 0;
  std::string text;          // String (s, o, g)
  std::vector<Value> items;  // List and Tuple elements; Dict: key, value, key, value, ...
};

// A refusal: the message of org.fedoraproject.FirewallD1.Exception.
struct Refusal {
  std::string message;
};

// The arguments converted to exactly `signature` (one Value per complete type, each in its
// canonical form for that type), or firewalld's refusal. `member` and `arg_names` (the IDL's
// input names) word python's arity errors: "FirewallD.addPort() missing 1 required positional
// argument: 'timeout'".
std::variant<std::vector<Value>, Refusal> convert_arguments(
    std::string_view member, const std::vector<std::string>& arg_names, std::string_view signature,
    const std::vector<Value>& args);

// config.zone.update and config.service.update (`member` as python names it,
// "FirewallDConfigZone.update") with fewer settings than the struct has: firewalld updates only
// the fields given (fw_config.set_zone_config enumerates them into a dict; the others keep their
// values), which is what update2 does with those keys. The call to make instead, update2 with
// that dict, or the refusal; nullopt when the call is not such a shorter update.
struct Rewritten {
  std::string member;  // the D-Bus member to call instead
  std::vector<Value> args;
};
std::optional<std::variant<Rewritten, Refusal>> partial_update(std::string_view member,
                                                               std::string_view signature,
                                                               const std::vector<Value>& args);

// A value sent inside a variant as firewalld sees it: nested variants unwrapped (already done by
// reading) and an array of variants whose items share one type given that item type
// (godbus's []interface{} of strings arrives as av; python sees a list of str either way), and
// an integer of another width that fits an 'i' given as 'i' (python sees an int; every integer
// in firewalld's settings dicts is an 'i').
// `changed` is set when the form differs from what was sent.
Value canonical(Value value, bool& changed);

// The complete types of a signature, in order ("sa(ss)i" -> "s", "a(ss)", "i").
std::vector<std::string> split_signature(std::string_view signature);

}  // namespace fwctl::bus
