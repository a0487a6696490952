#include "bus/message_values.hpp"

#include <cerrno>
#include <cstdint>
#include <string>

namespace fwctl::bus {
namespace {

int read_one(sd_bus_message* m, Value& out);

int read_basic(sd_bus_message* m, char type, Value& out) {
  out.signature = std::string(1, type);
  union {
    uint8_t y;
    int16_t n;
    uint16_t q;
    int32_t i;
    uint32_t u;
    int64_t x;
    uint64_t t;
    double d;
    int b;
    const char* s;
  } v{};
  int r = sd_bus_message_read_basic(m, type, &v);
  if (r < 0) return r;
  switch (type) {
    case 'b':
      out.kind = Value::Kind::Bool;
      out.boolean = v.b != 0;
      out.integer = v.b != 0;
      break;
    case 'y':
      out.kind = Value::Kind::Int;
      out.integer = v.y;
      break;
    case 'n':
      out.kind = Value::Kind::Int;
      out.integer = v.n;
      break;
    case 'q':
      out.kind = Value::Kind::Int;
      out.integer = v.q;
      break;
    case 'i':
      out.kind = Value::Kind::Int;
      out.integer = v.i;
      break;
    case 'u':
      out.kind = Value::Kind::Int;
      out.integer = v.u;
      break;
    case 'x':
      out.kind = Value::Kind::Int;
      out.integer = v.x;
      break;
    case 't':
      out.kind = Value::Kind::Int;
      out.above_int64 = v.t > static_cast<uint64_t>(INT64_MAX);
      out.unsigned_integer = v.t;
      out.integer = static_cast<int64_t>(v.t);
      break;
    case 'd':
      out.kind = Value::Kind::Double;
      out.real = v.d;
      break;
    case 's':
    case 'o':
    case 'g':
      out.kind = Value::Kind::String;
      out.text = v.s;
      break;
    default:
      out.kind = Value::Kind::Other;
      break;  // 'h': dbus_to_python refuses it
  }
  return 0;
}

// The items of the container `m` is in, until its end.
int read_items(sd_bus_message* m, std::vector<Value>& items) {
  for (;;) {
    int r = sd_bus_message_at_end(m, 0);
    if (r < 0) return r;
    if (r > 0) return 0;
    Value item;
    if ((r = read_one(m, item)) < 0) return r;
    items.push_back(std::move(item));
  }
}

int read_container(sd_bus_message* m, char type, const char* contents, Value& out) {
  int r = sd_bus_message_enter_container(m, type, contents);
  if (r < 0) return r;
  if (type == SD_BUS_TYPE_VARIANT) {  // dbus-python hands over the content
    r = read_one(m, out);
  } else if (type == SD_BUS_TYPE_ARRAY && contents[0] == '{') {
    out.kind = Value::Kind::Mapping;
    out.signature = std::string("a") + contents;
    for (;;) {
      r = sd_bus_message_at_end(m, 0);
      if (r != 0) break;
      if ((r = sd_bus_message_enter_container(m, SD_BUS_TYPE_DICT_ENTRY, nullptr)) < 0) break;
      if ((r = read_items(m, out.items)) < 0) break;
      if ((r = sd_bus_message_exit_container(m)) < 0) break;
    }
  } else {
    out.kind = type == SD_BUS_TYPE_ARRAY ? Value::Kind::List : Value::Kind::Tuple;
    out.signature =
        type == SD_BUS_TYPE_ARRAY ? std::string("a") + contents : std::string("(") + contents + ")";
    r = read_items(m, out.items);
  }
  if (r < 0) return r;
  return sd_bus_message_exit_container(m);
}

int read_one(sd_bus_message* m, Value& out) {
  char type = 0;
  const char* contents = nullptr;
  int r = sd_bus_message_peek_type(m, &type, &contents);
  if (r <= 0) return r < 0 ? r : -EBADMSG;
  bool container = type == SD_BUS_TYPE_ARRAY || type == SD_BUS_TYPE_VARIANT ||
                   type == SD_BUS_TYPE_STRUCT || type == SD_BUS_TYPE_DICT_ENTRY;
  return container ? read_container(m, type, contents, out) : read_basic(m, type, out);
}

int write_one(sd_bus_message* m, const std::string& type, const Value& v);

int write_basic(sd_bus_message* m, char type, const Value& v) {
  union {
    uint8_t y;
    int16_t n;
    uint16_t q;
    int32_t i;
    uint32_t u;
    int64_t x;
    uint64_t t;
    double d;
    int b;
  } x{};
  const void* p = &x;
  switch (type) {
    case 'b':
      x.b = v.boolean ? 1 : 0;
      break;
    case 'y':
      x.y = static_cast<uint8_t>(v.integer);
      break;
    case 'n':
      x.n = static_cast<int16_t>(v.integer);
      break;
    case 'q':
      x.q = static_cast<uint16_t>(v.integer);
      break;
    case 'i':
      x.i = static_cast<int32_t>(v.integer);
      break;
    case 'u':
      x.u = static_cast<uint32_t>(v.integer);
      break;
    case 'x':
      x.x = v.integer;
      break;
    case 't':
      x.t = v.above_int64 ? v.unsigned_integer : static_cast<uint64_t>(v.integer);
      break;
    case 'd':
      x.d = v.real;
      break;
    case 's':
    case 'o':
    case 'g':
      p = v.text.c_str();
      break;
    default:
      return -EINVAL;
  }
  return sd_bus_message_append_basic(m, type, p);
}

int write_items(sd_bus_message* m, char type, const std::string& contents,
                const std::vector<std::string>& item_types, const Value& v) {
  int r = sd_bus_message_open_container(m, type, contents.c_str());
  for (size_t i = 0; r >= 0 && i < v.items.size(); ++i) {
    r = write_one(m, item_types[i % item_types.size()], v.items[i]);
  }
  return r < 0 ? r : sd_bus_message_close_container(m);
}

int write_dict(sd_bus_message* m, const std::string& type, const Value& v) {
  std::string entry = type.substr(2, type.size() - 3);
  std::vector<std::string> kv = split_signature(entry);
  if (kv.size() != 2) return -EINVAL;
  int r = sd_bus_message_open_container(m, SD_BUS_TYPE_ARRAY, ("{" + entry + "}").c_str());
  for (size_t i = 0; r >= 0 && i + 1 < v.items.size(); i += 2) {
    r = sd_bus_message_open_container(m, SD_BUS_TYPE_DICT_ENTRY, entry.c_str());
    if (r >= 0) r = write_one(m, kv[0], v.items[i]);
    if (r >= 0) r = write_one(m, kv[1], v.items[i + 1]);
    if (r >= 0) r = sd_bus_message_close_container(m);
  }
  return r < 0 ? r : sd_bus_message_close_container(m);
}

int write_one(sd_bus_message* m, const std::string& type, const Value& v) {
  if (type == "v") {
    int r = sd_bus_message_open_container(m, SD_BUS_TYPE_VARIANT, v.signature.c_str());
    if (r >= 0) r = write_one(m, v.signature, v);
    return r < 0 ? r : sd_bus_message_close_container(m);
  }
  if (type.compare(0, 2, "a{") == 0) return write_dict(m, type, v);
  if (type[0] == 'a') {
    std::string item = type.substr(1);
    return write_items(m, SD_BUS_TYPE_ARRAY, item, {item}, v);
  }
  if (type[0] == '(') {
    std::string fields = type.substr(1, type.size() - 2);
    return write_items(m, SD_BUS_TYPE_STRUCT, fields, split_signature(fields), v);
  }
  return write_basic(m, type[0], v);
}

}  // namespace

int read_values(sd_bus_message* m, std::vector<Value>& out) {
  for (;;) {
    int r = sd_bus_message_at_end(m, 1);
    if (r < 0) return r;
    if (r > 0) return 0;
    Value v;
    if ((r = read_one(m, v)) < 0) return r;
    out.push_back(std::move(v));
  }
}

int write_values(sd_bus_message* m, std::string_view signature, const std::vector<Value>& values) {
  std::vector<std::string> types = split_signature(signature);
  if (types.size() != values.size()) return -EINVAL;
  for (size_t i = 0; i < values.size(); ++i) {
    if (int r = write_one(m, types[i], values[i]); r < 0) return r;
  }
  return 0;
}

}  // namespace fwctl::bus
