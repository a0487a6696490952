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

void append_padded(Bytes& out, const Bytes& field, bool concat) {
  out.insert(out.end(), field.begin(), field.end());
  if (concat) out.resize(out.size() + padded(static_cast<uint32_t>(field.size())) - field.size());
}

Result<Element> plain_element(const SetKey& key, const std::vector<Value>& values) {
  Element e;
  for (size_t i = 0; i < key.fields.size(); ++i) {
    auto bytes = encode_value(key.fields[i], values[i]);
    if (!bytes) return Unexpected{bytes.error()};
    append_padded(e.key, *bytes, key.concat());
  }
  return e;
}

Result<Element> concat_interval_element(const SetKey& key, const std::vector<Value>& values) {
  Element e;
  for (size_t i = 0; i < key.fields.size(); ++i) {
    auto iv = encode_interval(stored_type(key.fields[i], true), values[i]);
    if (!iv) return Unexpected{iv.error()};
    append_padded(e.key, iv->low, true);
    append_padded(e.key_end, iv->high, true);
  }
  return e;
}

// start, end+1 (flagged) for each interval, in ascending order, after a zero end element.
Result<std::vector<Element>> segment_elements(const Datatype& type,
                                              const std::vector<std::vector<Value>>& elements) {
  std::vector<Interval> intervals;
  for (const auto& values : elements) {
    auto iv = encode_interval(type, values[0]);
    if (!iv) return Unexpected{iv.error()};
    intervals.push_back(std::move(*iv));
  }
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& a, const Interval& b) { return a.low < b.low; });
  std::vector<Element> out;
  Bytes zero(type.len, 0);
  if (!intervals.empty() && intervals.front().low != zero) {
    out.push_back({zero, {}, NFT_SET_ELEM_INTERVAL_END});
  }
  for (const auto& iv : intervals) {
    out.push_back({iv.low, {}, 0});
    if (auto end = successor(iv.high)) out.push_back({*end, {}, NFT_SET_ELEM_INTERVAL_END});
  }
  return out;
}

void put_userdata(nftnl_set* set, ByteOrder order) {
  nftnl_udata_buf* buf = nftnl_udata_buf_alloc(NFT_USERDATA_MAXLEN);
  if (!buf) std::abort();
  nftnl_udata_put_u32(buf, NFTNL_UDATA_SET_KEYBYTEORDER, static_cast<uint32_t>(order));
  nftnl_set_set_data(set, NFTNL_SET_USERDATA, nftnl_udata_buf_data(buf),
                     nftnl_udata_buf_len(buf));
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

Result<std::vector<Element>> encode_elements(const SetKey& key, bool interval,
                                             const std::vector<std::vector<Value>>& elements) {
  for (const auto& values : elements) {
    if (values.size() != key.fields.size()) {
      return fail(Code::INVALID_ENTRY, "element does not match the set's type");
    }
    if (!interval && std::any_of(values.begin(), values.end(), is_interval_value)) {
      return fail(Code::INVALID_ENTRY, "interval element in a set without flags interval");
    }
  }
  if (interval && !key.concat()) return segment_elements(key.fields[0], elements);
  std::vector<Element> out;
  for (const auto& values : elements) {
    auto e = interval ? concat_interval_element(key, values) : plain_element(key, values);
    if (!e) return Unexpected{e.error()};
    out.push_back(std::move(*e));
  }
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

void add_elements_to(nftnl_set* set, const std::vector<Element>& elements, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    const auto& e = elements[i];
    nftnl_set_elem* elem = nftnl_set_elem_alloc();
    if (!elem) std::abort();
    nftnl_set_elem_set(elem, NFTNL_SET_ELEM_KEY, e.key.data(), static_cast<uint32_t>(e.key.size()));
    if (!e.key_end.empty()) {
      nftnl_set_elem_set(elem, NFTNL_SET_ELEM_KEY_END, e.key_end.data(),
                         static_cast<uint32_t>(e.key_end.size()));
    }
    if (e.flags) nftnl_set_elem_set_u32(elem, NFTNL_SET_ELEM_FLAGS, e.flags);
    nftnl_set_elem_add(set, elem);
  }
}

}  // namespace fwctl::nft
