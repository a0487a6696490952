#include "bus/argument_forms.hpp"

#include <charconv>
#include <limits>
#include <optional>

namespace fwctl::bus {
namespace {

constexpr std::string_view kIntegerCodes = "ynqiuxt";

bool is_integer_code(char c) { return kIntegerCodes.find(c) != std::string_view::npos; }

// The length of the complete type at the start of `s` (0 when malformed).
size_t complete_type_length(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == 'a') {
    size_t inner = complete_type_length(s.substr(1));
    return inner == 0 ? 0 : inner + 1;
  }
  char open = s[0];
  if (open != '(' && open != '{') return 1;
  char close = open == '(' ? ')' : '}';
  size_t i = 1;
  while (i < s.size() && s[i] != close) {
    size_t n = complete_type_length(s.substr(i));
    if (n == 0) return 0;
    i += n;
  }
  return i < s.size() ? i + 1 : 0;
}

std::string python_class(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Bool:
      return "<class 'bool'>";
    case Value::Kind::Int:
      return "<class 'int'>";
    case Value::Kind::Double:
      return "<class 'float'>";
    case Value::Kind::String:
      return "<class 'str'>";
    case Value::Kind::List:
      return "<class 'list'>";
    case Value::Kind::Tuple:
      return "<class 'tuple'>";
    case Value::Kind::Mapping:
      return "<class 'dict'>";
    case Value::Kind::Other:
      break;
  }
  return "<class 'object'>";
}

// The python class firewalld checks for a value of D-Bus type `t`.
std::string python_class_of(std::string_view t) {
  if (t == "b") return "<class 'bool'>";
  if (is_integer_code(t[0])) return "<class 'int'>";
  if (t == "d") return "<class 'float'>";
  if (t == "s" || t == "o" || t == "g") return "<class 'str'>";
  if (t.substr(0, 2) == "a{") return "<class 'dict'>";
  if (t[0] == 'a') return "<class 'list'>";
  if (t[0] == '(') return "<class 'tuple'>";
  return "<class 'object'>";
}

std::string py_repr(const Value& v);

// python's repr of a float: the shortest text that reads back, with ".0" on a whole number.
std::string python_float(double d) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  if (text.find_first_of(".en") == std::string::npos) text += ".0";
  return text;
}

std::string py_str(const Value& v) { return v.kind == Value::Kind::String ? v.text : py_repr(v); }

std::string join_repr(const std::vector<Value>& items, size_t step, const char* pair_sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); i += step) {
    if (i) out += ", ";
    out += py_repr(items[i]);
    if (step == 2) out += pair_sep + py_repr(items[i + 1]);
  }
  return out;
}

std::string py_repr(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Bool:
      return v.boolean ? "True" : "False";
    case Value::Kind::Int:
      return v.above_int64 ? std::to_string(v.unsigned_integer) : std::to_string(v.integer);
    case Value::Kind::Double:
      return python_float(v.real);
    case Value::Kind::String:
      return "'" + v.text + "'";
    case Value::Kind::List:
      return "[" + join_repr(v.items, 1, "") + "]";
    case Value::Kind::Tuple:
      return "(" + join_repr(v.items, 1, "") + (v.items.size() == 1 ? ",)" : ")");
    case Value::Kind::Mapping:
      return "{" + join_repr(v.items, 2, ": ") + "}";
    case Value::Kind::Other:
      break;
  }
  return "<" + v.signature + ">";
}

// The value firewalld's objects start with, for a settings field a caller left out.
Value zero(std::string_view t) {
  Value v;
  v.signature = std::string(t);
  if (t[0] == 'b') v.kind = Value::Kind::Bool;
  else if (is_integer_code(t[0])) v.kind = Value::Kind::Int;
  else if (t[0] == 'd') v.kind = Value::Kind::Double;
  else if (t.substr(0, 2) == "a{") v.kind = Value::Kind::Mapping;
  else if (t[0] == 'a') v.kind = Value::Kind::List;
  else if (t[0] == '(') {
    v.kind = Value::Kind::Tuple;
    for (const auto& field : split_signature(t.substr(1, t.size() - 2)))
      v.items.push_back(zero(field));
  } else v.kind = Value::Kind::String;
  return v;
}

// config.addZone and config.addService build the new item from the settings by enumerating
// them (fw_config.new_zone/new_service), so a shorter tuple, as older clients send, does: the
// fields left out keep their defaults. addZone reads the target (index 4) first.
std::optional<size_t> shortest_settings(std::string_view member) {
  if (member == "FirewallDConfig.addZone") return 5;
  if (member == "FirewallDConfig.addService") return 0;
  return std::nullopt;
}

struct Converter {
  std::optional<Refusal> refusal;
  std::optional<size_t> shortest;  // for the top-level struct: see shortest_settings()

  // dbus_to_python(x, type)'s TypeError at the top of an argument, firewall's INVALID_TYPE of
  // check_config inside one.
  Value refuse(const Value& v, std::string_view t, bool top) {
    if (refusal) return {};
    if (top) {
      refusal = Refusal{py_str(v) + " is " + python_class(v) + ", expected " + python_class_of(t)};
    } else {
      refusal = Refusal{"INVALID_TYPE: '" + py_str(v) + "' not of type " + python_class_of(t) +
                        ", but " + python_class(v)};
    }
    return {};
  }

  Value scalar(const Value& v, std::string_view t, bool top) {
    char c = t[0];
    Value out = v;
    out.signature = std::string(t);
    if (c == 'b' && v.kind == Value::Kind::Bool) return out;
    if (c == 'd' && v.kind == Value::Kind::Double) return out;
    if ((c == 's' || c == 'o' || c == 'g') && v.kind == Value::Kind::String) return out;
    if (is_integer_code(c) && (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool)) {
      if (v.kind == Value::Kind::Bool) out.integer = v.boolean ? 1 : 0;
      out.kind = Value::Kind::Int;
      if (fits(out, c)) return out;
      if (!refusal) refusal = Refusal{py_str(v) + " is out of range for D-Bus type " + t[0]};
      return {};
    }
    return refuse(v, t, top);
  }

  static bool fits(const Value& v, char c) {
    if (v.above_int64) return c == 't';
    auto in = [&](std::int64_t lo, std::int64_t hi) { return v.integer >= lo && v.integer <= hi; };
    switch (c) {
      case 'y':
        return in(0, 255);
      case 'n':
        return in(-32768, 32767);
      case 'q':
        return in(0, 65535);
      case 'i':
        return in(std::numeric_limits<std::int32_t>::min(), 2147483647);
      case 'u':
        return in(0, 4294967295LL);
      case 'x':
        return true;
      case 't':
        return v.integer >= 0;
    }
    return false;
  }

  Value convert(const Value& v, std::string_view t, bool top) {
    if (refusal) return {};
    if (v.kind == Value::Kind::Other) {
      refusal = Refusal{"Unhandled " + v.signature};
      return {};
    }
    if (t == "v") {
      bool changed = false;
      return canonical(v, changed);
    }
    if (t.substr(0, 2) == "a{") return dict(v, t, top);
    if (t[0] == 'a') return list(v, t, top);
    if (t[0] == '(') return tuple(v, t, top);
    return scalar(v, t, top);
  }

  Value list(const Value& v, std::string_view t, bool top) {
    if (v.kind != Value::Kind::List) return refuse(v, t, top);
    Value out;
    out.kind = Value::Kind::List;
    out.signature = std::string(t);
    for (const Value& item : v.items) out.items.push_back(convert(item, t.substr(1), false));
    return out;
  }

  Value dict(const Value& v, std::string_view t, bool top) {
    if (v.kind != Value::Kind::Mapping) return refuse(v, t, top);
    std::string_view entry = t.substr(2, t.size() - 3);
    size_t key_length = complete_type_length(entry);
    Value out;
    out.kind = Value::Kind::Mapping;
    out.signature = std::string(t);
    for (size_t i = 0; i + 1 < v.items.size(); i += 2) {
      out.items.push_back(convert(v.items[i], entry.substr(0, key_length), false));
      out.items.push_back(convert(v.items[i + 1], entry.substr(key_length), false));
    }
    return out;
  }

  // The top-level settings are indexed by firewalld (a list of the right length does); inside
  // them a struct must be a tuple (_check_config_structure).
  Value tuple(const Value& v, std::string_view t, bool top) {
    bool sequence = v.kind == Value::Kind::Tuple || (top && v.kind == Value::Kind::List);
    if (!sequence) return refuse(v, t, top);
    std::vector<std::string> fields = split_signature(t.substr(1, t.size() - 2));
    if (top && shortest && v.items.size() != fields.size()) return shorter(v, t, fields);
    if (fields.size() != v.items.size()) {
      if (!refusal) {
        refusal = Refusal{
            top ? "INVALID_TYPE: structure size mismatch " + std::to_string(v.items.size()) +
                      " != " + std::to_string(fields.size())
                : "INVALID_TYPE: len('" + py_str(v) + "') != " + std::to_string(fields.size())};
      }
      return {};
    }
    Value out;
    out.kind = Value::Kind::Tuple;
    out.signature = std::string(t);
    for (size_t i = 0; i < fields.size(); ++i) {
      out.items.push_back(convert(v.items[i], fields[i], false));
    }
    return out;
  }

  Value shorter(const Value& v, std::string_view t, const std::vector<std::string>& fields) {
    std::string kind = v.kind == Value::Kind::List ? "list" : "tuple";
    if (v.items.size() < *shortest || v.items.size() > fields.size()) {
      if (!refusal) refusal = Refusal{kind + " index out of range"};
      return {};
    }
    Value full = v;
    full.kind = Value::Kind::Tuple;
    for (size_t i = v.items.size(); i < fields.size(); ++i) full.items.push_back(zero(fields[i]));
    shortest.reset();
    return tuple(full, t, true);
  }
};

// python's TypeError for a call with the wrong number of arguments: every handler has a last
// parameter `sender` (dbus-python passes it by keyword), which a surplus argument fills first.
Refusal arity(std::string_view member, const std::vector<std::string>& names, size_t given) {
  std::string m(member);
  if (given > names.size()) return {m + "() got multiple values for argument 'sender'"};
  std::vector<std::string> missing(names.begin() + static_cast<long>(given), names.end());
  std::string list;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i) list += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
    list += "'" + missing[i] + "'";
  }
  return {m + "() missing " + std::to_string(missing.size()) + " required positional argument" +
          (missing.size() == 1 ? "" : "s") + ": " + list};
}

}  // namespace

std::vector<std::string> split_signature(std::string_view signature) {
  std::vector<std::string> out;
  while (!signature.empty()) {
    size_t n = complete_type_length(signature);
    if (n == 0) break;
    out.emplace_back(signature.substr(0, n));
    signature.remove_prefix(n);
  }
  return out;
}

Value canonical(Value value, bool& changed) {
  if (value.kind == Value::Kind::Int && value.signature != "i" && !value.above_int64 &&
      Converter::fits(value, 'i')) {
    value.signature = "i";  // every int of firewalld's settings is an 'i'
    changed = true;
  }
  if (value.items.empty()) return value;
  bool inner = false;
  std::vector<Value> items;
  for (const Value& item : value.items) items.push_back(canonical(item, inner));
  if (value.kind == Value::Kind::Tuple) {
    value.signature = "(";
    for (const Value& item : items) value.signature += item.signature;
    value.signature += ")";
  } else if (value.kind == Value::Kind::List) {
    // One item type for all, or the list stays as it was sent.
    for (const Value& item : items) {
      if (item.signature != items.front().signature) return value;
    }
    std::string signature = "a" + items.front().signature;
    inner = inner || signature != value.signature;
    value.signature = signature;
  } else if (value.signature.size() < 2 || value.signature[value.signature.size() - 2] != 'v') {
    return value;  // only a variant value may change its form
  }
  changed = changed || inner;
  value.items = std::move(items);
  return value;
}

std::optional<std::variant<Rewritten, Refusal>> partial_update(std::string_view member,
                                                               std::string_view signature,
                                                               const std::vector<Value>& args) {
  // The struct's fields as firewalld's IMPORT_EXPORT_STRUCTURE names them; "" for the zone's
  // unused one, which update2 does not take.
  static const std::vector<std::string> zone = {
      "version",    "short",         "description",  "",
      "target",     "services",      "ports",        "icmp_blocks",
      "masquerade", "forward_ports", "interfaces",   "sources",
      "rules_str",  "protocols",     "source_ports", "icmp_block_inversion"};
  static const std::vector<std::string> service = {"version",   "short",       "description",
                                                   "ports",     "modules",     "destination",
                                                   "protocols", "source_ports"};
  const std::vector<std::string>* names = member == "FirewallDConfigZone.update"      ? &zone
                                          : member == "FirewallDConfigService.update" ? &service
                                                                                      : nullptr;
  if (!names || args.size() != 1) return std::nullopt;
  const Value& settings = args[0];
  bool sequence = settings.kind == Value::Kind::List || settings.kind == Value::Kind::Tuple;
  std::vector<std::string> fields = split_signature(signature.substr(1, signature.size() - 2));
  if (!sequence || settings.items.size() >= fields.size()) return std::nullopt;
  if (names == &zone && settings.items.size() < 5) {  // update reads the target first
    std::string kind = settings.kind == Value::Kind::List ? "list" : "tuple";
    return Refusal{kind + " index out of range"};
  }
  Converter converter;
  Value dict;
  dict.kind = Value::Kind::Mapping;
  dict.signature = "a{sv}";
  for (size_t i = 0; i < settings.items.size(); ++i) {
    Value value = converter.convert(settings.items[i], fields[i], false);
    if ((*names)[i].empty()) continue;
    Value key;
    key.kind = Value::Kind::String;
    key.signature = "s";
    key.text = (*names)[i];
    dict.items.push_back(std::move(key));
    dict.items.push_back(std::move(value));
  }
  if (converter.refusal) return *converter.refusal;
  return Rewritten{"update2", {dict}};
}

std::variant<std::vector<Value>, Refusal> convert_arguments(
    std::string_view member, const std::vector<std::string>& arg_names, std::string_view signature,
    const std::vector<Value>& args) {
  std::vector<std::string> types = split_signature(signature);
  if (types.size() != args.size()) return arity(member, arg_names, args.size());
  Converter converter;
  converter.shortest = shortest_settings(member);
  std::vector<Value> out;
  for (size_t i = 0; i < types.size(); ++i)
    out.push_back(converter.convert(args[i], types[i], true));
  if (converter.refusal) return *converter.refusal;
  return out;
}

}  // namespace fwctl::bus
