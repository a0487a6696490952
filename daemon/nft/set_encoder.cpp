#include "nft/set_encoder.hpp"

#include <libnftnl/udata.h>
#include <linux/netfilter/nf_tables.h>

#include <algorithm>
#include <cstdlib>

namespace fwctl::nft {
namespace {

using compiler::Value;
using compiler::ValueKind;

constexpr uint32_t kTypeBits = 6;  // nftables' TYPE_BITS

uint32_t padded(uint32_t len) { return (len + 3) / 4 * 4; }

bool is_interval_value(const Value& v) {
  return v.kind == ValueKind::Prefix || v.kind == ValueKind::Range;
}

// A host-order integer in an interval concatenation is compared in network order (nft turns
// the loaded data around with a byteorder expression), so its elements are stored that way.
Datatype stored_type(Datatype type, bool interval_concat) {
  if (interval_concat && type.order == ByteOrder::Host && !type.text) type.order = ByteOrder::Big;
  return type;
}

bool check_elements(const SetKey& key, bool interval,
                    const std::vector<std::vector<Value>>& elements, Status& status) {
  for (const auto& values : elements) {
    if (values.size() != key.fields.size()) {
      status = fail(Code::INVALID_ENTRY, "element does not match the set's type");
      return false;
    }
    if (!interval && std::any_of(values.begin(), values.end(), is_interval_value)) {
      status = fail(Code::INVALID_ENTRY, "interval element in a set without flags interval");
      return false;
    }
  }
  return true;
}

Unexpected too_long() { return fail(Code::INVALID_ENTRY, "element key longer than 64 bytes"); }

Status plain_element(const SetKey& key, const std::vector<Value>& values, Element& e) {
  for (size_t i = 0; i < key.fields.size(); ++i) {
    auto bytes = encode_value(key.fields[i], values[i]);
    if (!bytes) return bytes;
    if (!e.key.append(*bytes, key.concat())) return too_long();
  }
  return ok();
}

Status concat_interval_element(const SetKey& key, const std::vector<Value>& values, Element& e) {
  for (size_t i = 0; i < key.fields.size(); ++i) {
    auto iv = encode_interval(stored_type(key.fields[i], true), values[i]);
    if (!iv) return iv;
    if (!e.key.append(iv->low, true) || !e.key_end.append(iv->high, true)) return too_long();
  }
  return ok();
}

// One single-field interval, kept inline and small (single fields are at most 16 bytes): all
// of a set's intervals must be sorted before the first segment goes out, and 62,500 of them
// fit in one 2 MB allocation this way.
constexpr size_t kMaxFieldLen = 16;
struct Span {
  uint8_t low_len = 0;
  uint8_t high_len = 0;
  std::array<uint8_t, kMaxFieldLen> low{};
  std::array<uint8_t, kMaxFieldLen> high{};

  bool operator<(const Span& o) const {
    return std::lexicographical_compare(low.begin(), low.begin() + low_len, o.low.begin(),
                                        o.low.begin() + o.low_len);
  }
};

bool put(std::array<uint8_t, kMaxFieldLen>& to, uint8_t& len, const Bytes& from) {
  if (from.size() > kMaxFieldLen) return false;
  std::copy(from.begin(), from.end(), to.begin());
  len = static_cast<uint8_t>(from.size());
  return true;
}

Key key_of(const std::array<uint8_t, kMaxFieldLen>& bytes, uint8_t len) {
  Key key;
  std::copy(bytes.begin(), bytes.begin() + len, key.bytes.begin());
  key.len = len;
  return key;
}

Result<std::vector<Span>> sorted_spans(const Datatype& type,
                                       const std::vector<std::vector<Value>>& elements) {
  std::vector<Span> spans(elements.size());
  for (size_t i = 0; i < elements.size(); ++i) {
    auto iv = encode_interval(type, elements[i][0]);
    if (!iv) return iv;
    if (!put(spans[i].low, spans[i].low_len, iv->low) ||
        !put(spans[i].high, spans[i].high_len, iv->high)) {
      return too_long();
    }
  }
  std::sort(spans.begin(), spans.end());
  return spans;
}

// Big-endian successor in place; false when it overflows (all bits set).
bool increment(Key& key) {
  for (size_t i = key.len; i-- > 0;) {
    if (++key.bytes[i] != 0) return true;
  }
  return false;
}

bool is_zero(const Key& key, uint32_t len) {
  return key.len == len &&
         std::all_of(key.data(), key.data() + len, [](uint8_t b) { return b == 0; });
}

// start, end+1 (flagged) for each interval, in ascending order, after a zero end element when
// `leading_end` and the first interval does not start at zero (nft's segment tree).
Status segment_elements(const Datatype& type, bool leading_end,
                        const std::vector<std::vector<Value>>& elements, const ElementSink& sink) {
  auto spans = sorted_spans(type, elements);
  if (!spans) return spans;
  Element e;
  if (leading_end && !spans->empty() &&
      !is_zero(key_of(spans->front().low, spans->front().low_len), type.len)) {
    e.key.len = static_cast<uint8_t>(type.len);
    e.flags = NFT_SET_ELEM_INTERVAL_END;
    sink(e);
  }
  for (const auto& span : *spans) {
    e.key = key_of(span.low, span.low_len);
    e.flags = 0;
    sink(e);
    e.key = key_of(span.high, span.high_len);
    e.flags = NFT_SET_ELEM_INTERVAL_END;
    if (increment(e.key)) sink(e);
  }
  return ok();
}

void put_userdata(nftnl_set* set, ByteOrder order) {
  nftnl_udata_buf* buf = nftnl_udata_buf_alloc(NFT_USERDATA_MAXLEN);
  if (!buf) std::abort();
  nftnl_udata_put_u32(buf, NFTNL_UDATA_SET_KEYBYTEORDER, static_cast<uint32_t>(order));
  nftnl_set_set_data(set, NFTNL_SET_USERDATA, nftnl_udata_buf_data(buf), nftnl_udata_buf_len(buf));
  nftnl_udata_buf_free(buf);
}

void put_concat_desc(nftnl_set* set, const SetKey& key) {
  uint8_t field_len[NFT_REG32_COUNT] = {};
  for (size_t i = 0; i < key.fields.size() && i < NFT_REG32_COUNT; ++i) {
    field_len[i] = static_cast<uint8_t>(key.fields[i].len);
  }
  nftnl_set_set_data(set, NFTNL_SET_DESC_CONCAT, field_len,
                     static_cast<uint32_t>(key.fields.size()));
}

}  // namespace

uint32_t SetKey::type_id() const {
  uint32_t id = 0;
  for (const auto& f : fields) id = id << kTypeBits | f.id;
  return id;
}

uint32_t SetKey::len() const {
  if (!concat()) return fields.empty() ? 0 : fields[0].len;
  uint32_t len = 0;
  for (const auto& f : fields) len += padded(f.len);
  return len;
}

Result<SetKey> named_set_key(const compiler::Set& set) {
  SetKey key;
  for (const auto& word : set.type) {
    auto type = datatype_by_name(word);
    if (!type) return fail(Code::INVALID_TYPE, "set '" + set.name + "': type " + word);
    key.fields.push_back(*type);
  }
  if (key.fields.empty()) return fail(Code::INVALID_TYPE, "set '" + set.name + "' has no type");
  key.order = key.concat() ? ByteOrder::Invalid : key.fields[0].order;
  return key;
}

Result<uint32_t> named_set_flags(const compiler::Set& set, const SetKey& key) {
  uint32_t flags = 0;
  for (const auto& word : set.flags) {
    if (word == "interval") flags |= NFT_SET_INTERVAL;
    else if (word == "constant") flags |= NFT_SET_CONSTANT;
    else if (word == "timeout") flags |= NFT_SET_TIMEOUT;
    else if (word == "dynamic") flags |= NFT_SET_EVAL;
    else return fail(Code::INVALID_TYPE, "set '" + set.name + "': flag " + word);
  }
  if (key.concat() && (flags & NFT_SET_INTERVAL)) flags |= NFT_SET_CONCAT;
  return flags;
}

bool Key::append(const Bytes& field, bool pad) {
  size_t size = pad ? padded(static_cast<uint32_t>(field.size())) : field.size();
  if (len + size > kMaxKeyLen) return false;
  std::copy(field.begin(), field.end(), bytes.begin() + len);
  std::fill(bytes.begin() + len + field.size(), bytes.begin() + len + size, 0);
  len = static_cast<uint8_t>(len + size);
  return true;
}

Status for_each_element(const SetKey& key, bool interval, bool leading_end,
                        const std::vector<std::vector<Value>>& elements, const ElementSink& sink) {
  Status status;
  if (!check_elements(key, interval, elements, status)) return status;
  if (interval && !key.concat())
    return segment_elements(key.fields[0], leading_end, elements, sink);
  for (const auto& values : elements) {
    Element e;
    auto s = interval ? concat_interval_element(key, values, e) : plain_element(key, values, e);
    if (!s) return s;
    sink(e);
  }
  return ok();
}

Result<std::vector<Element>> encode_elements(const SetKey& key, bool interval,
                                             const std::vector<std::vector<Value>>& elements) {
  std::vector<Element> out;
  auto status =
      for_each_element(key, interval, true, elements, [&](const Element& e) { out.push_back(e); });
  if (!status) return status;
  return out;
}

SetPtr make_set(uint16_t family, const std::string& table, const SetSpec& spec, bool full) {
  SetPtr set(nftnl_set_alloc());
  if (!set) std::abort();
  nftnl_set_set_u32(set.get(), NFTNL_SET_FAMILY, family);
  nftnl_set_set_str(set.get(), NFTNL_SET_TABLE, table.c_str());
  nftnl_set_set_str(set.get(), NFTNL_SET_NAME, spec.name.c_str());
  if (spec.id) nftnl_set_set_u32(set.get(), NFTNL_SET_ID, spec.id);
  if (!full) return set;
  nftnl_set_set_u32(set.get(), NFTNL_SET_FLAGS, spec.flags);
  nftnl_set_set_u32(set.get(), NFTNL_SET_KEY_TYPE, spec.key.type_id());
  nftnl_set_set_u32(set.get(), NFTNL_SET_KEY_LEN, spec.key.len());
  if (spec.size) nftnl_set_set_u32(set.get(), NFTNL_SET_DESC_SIZE, spec.size);
  if (spec.key.concat()) put_concat_desc(set.get(), spec.key);
  put_userdata(set.get(), spec.key.order);
  return set;
}

void add_elements_to(nftnl_set* set, const std::vector<Element>& elements, size_t begin,
                     size_t end) {
  for (size_t i = begin; i < end; ++i) {
    const auto& e = elements[i];
    nftnl_set_elem* elem = nftnl_set_elem_alloc();
    if (!elem) std::abort();
    nftnl_set_elem_set(elem, NFTNL_SET_ELEM_KEY, e.key.data(), e.key.len);
    if (!e.key_end.empty()) {
      nftnl_set_elem_set(elem, NFTNL_SET_ELEM_KEY_END, e.key_end.data(), e.key_end.len);
    }
    if (e.flags) nftnl_set_elem_set_u32(elem, NFTNL_SET_ELEM_FLAGS, e.flags);
    nftnl_set_elem_add(set, elem);
  }
}

}  // namespace fwctl::nft
