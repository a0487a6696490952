#include "compiler/ipsets.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "compiler/address.hpp"
#include "compiler/fragments.hpp"

namespace fwctl::compiler {
namespace {

std::string option(const model::IpSet& set, const std::string& name) {
  for (const auto& [k, v] : set.options) {
    if (k == name) return v;
  }
  return {};
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t pos; (pos = s.find(sep, start)) != std::string::npos; start = pos + 1) {
    out.push_back(s.substr(start, pos - start));
  }
  out.push_back(s.substr(start));
  return out;
}

// hash:ip,port -> ipv4_addr . inet_proto . inet_service
std::vector<std::string> set_type(const std::vector<std::string>& dims, const std::string& addr) {
  std::vector<std::string> out;
  for (const auto& d : dims) {
    if (d == "ip" || d == "net") out.push_back(addr);
    if (d == "port") {
      out.push_back("inet_proto");
      out.push_back("inet_service");
    }
    if (d == "iface") out.push_back("ifname");
    if (d == "mark") out.push_back("mark");
    if (d == "mac") out.push_back("ether_addr");
  }
  return out;
}

// firewalld's normalizeIP6 on the address of an inet6 set's entry: "[1234::]/64" -> "1234::/64".
std::string strip_brackets(const std::string& address) {
  auto slash = address.find('/');
  std::string addr = address.substr(0, slash), rest;
  if (slash != std::string::npos) rest = address.substr(slash);
  std::erase_if(addr, [](char c) { return c == '[' || c == ']'; });
  return addr + rest;
}

// "10.0.0.1,tcp:80" -> 10.0.0.1 . tcp . 80 (no protocol means tcp).
std::vector<Value> entry_values(const std::vector<std::string>& dims, const std::string& entry,
                                bool inet6) {
  auto tokens = split(entry, ',');
  std::vector<Value> out;
  for (size_t i = 0; i < dims.size() && i < tokens.size(); ++i) {
    const auto& d = dims[i];
    const auto& t = inet6 && (d == "ip" || d == "net") ? strip_brackets(tokens[i]) : tokens[i];
    if (d == "port") {
      auto colon = t.find(':');
      out.push_back(symbol(colon == std::string::npos ? "tcp" : t.substr(0, colon)));
      out.push_back(port_value(colon == std::string::npos ? t : t.substr(colon + 1)));
    } else if (d == "ip" || d == "net" || d == "mac") {
      auto parsed = parse_address(t);
      out.push_back(parsed ? parsed->value : Value{ValueKind::Address, t});
    } else if (d == "iface") {
      out.push_back(quoted(t));
    } else if (d == "mark") {
      out.push_back(Value{ValueKind::Hex, mark_hex(t)});
    } else {
      out.push_back(integer(t));
    }
  }
  return out;
}

using Elements = std::vector<std::vector<Value>>;
using AddressKey = std::array<unsigned char, 17>;  // family byte, then the address bytes

// The address of "10.0.0.0/8" or "fd00::1" as a sortable key: IPv4 before IPv6, then by value.
AddressKey address_key(const Value& v) {
  AddressKey key{};
  std::string addr = v.text.substr(0, v.text.find('/'));
  bool v6 = addr.find(':') != std::string::npos;
  key[0] = v6 ? 1 : 0;
  inet_pton(v6 ? AF_INET6 : AF_INET, addr.c_str(), key.data() + 1);
  return key;
}

// Position j takes the element at order[j]: the elements are permuted in place, cycle by
// cycle, so that no second list of them is held at the peak of a load.
void apply_order(Elements& elements, std::vector<uint32_t> order) {
  constexpr uint32_t kPlaced = UINT32_MAX;
  for (size_t i = 0; i < order.size(); ++i) {
    if (order[i] == kPlaced) continue;
    std::vector<Value> first = std::move(elements[i]);
    size_t j = i;
    for (;;) {
      size_t from = order[j];
      order[j] = kPlaced;
      if (from == i) {
        elements[j] = std::move(first);
        break;
      }
      elements[j] = std::move(elements[from]);
      j = from;
    }
  }
}

// An IPv4 set (the usual large one) sorts 8-byte keys, the address then the index; false, with
// nothing changed, when an element is no IPv4 address.
bool sort_by_ipv4_address(Elements& elements) {
  std::vector<uint64_t> keys;
  keys.reserve(elements.size());
  for (size_t i = 0; i < elements.size(); ++i) {
    const std::string& text = elements[i][0].text;
    std::string addr = text.substr(0, text.find('/'));
    in_addr a{};
    if (inet_pton(AF_INET, addr.c_str(), &a) != 1) return false;
    keys.push_back(static_cast<uint64_t>(ntohl(a.s_addr)) << 32 | i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> order;
  order.reserve(keys.size());
  for (uint64_t key : keys) order.push_back(static_cast<uint32_t>(key));
  keys = {};
  apply_order(elements, std::move(order));
  return true;
}

// nft lists a one-address interval set in ascending address order (interval_map_decompose()).
// Each key is computed once: a set may have 1,000,000 entries.
void sort_by_address(Elements& elements) {
  if (sort_by_ipv4_address(elements)) return;
  std::vector<std::pair<AddressKey, uint32_t>> keys;
  keys.reserve(elements.size());
  for (size_t i = 0; i < elements.size(); ++i) {
    keys.emplace_back(address_key(elements[i][0]), static_cast<uint32_t>(i));
  }
  std::sort(keys.begin(), keys.end());  // the index breaks ties: a stable order
  std::vector<uint32_t> order;
  order.reserve(keys.size());
  for (const auto& key : keys) order.push_back(key.second);
  keys = {};
  apply_order(elements, std::move(order));
}

// nft sorts the elements of a plain hash set by value when listing; for a MAC address the
// canonical text (lower case, fixed width) sorts the same way.
void sort_by_text(Elements& elements) {
  std::stable_sort(elements.begin(), elements.end(),
                   [](const auto& a, const auto& b) { return a[0].text < b[0].text; });
}

// A concatenated interval set (the kernel's pipapo) lists elements in insertion order, and
// firewalld's insertion order is odd: set_restore() sends one `add element` per entry in
// chunks of 1000, and nft 1.0.6 collapses each chunk's commands into one for evaluation and
// re-queues all but the first in reverse (nft_cmd_uncollapse()). So a chunk e1..eN reaches
// the kernel as e1, eN, ..., e2.
void firewalld_insertion_order(Elements& elements) {
  constexpr size_t kChunk = 1000;
  for (size_t begin = 0; begin < elements.size(); begin += kChunk) {
    size_t end = std::min(begin + kChunk, elements.size());
    std::reverse(elements.begin() + static_cast<std::ptrdiff_t>(begin) + 1,
                 elements.begin() + static_cast<std::ptrdiff_t>(end));
  }
}

void order_like_nft(const std::vector<std::string>& dims, Elements& elements) {
  if (dims.size() > 1) {
    firewalld_insertion_order(elements);
  } else if (dims[0] == "ip" || dims[0] == "net") {
    sort_by_address(elements);
  } else if (dims[0] == "mac") {
    sort_by_text(elements);
  }
}

Set make_set(const std::string& name, const model::IpSet& ipset) {
  auto dims = split(ipset.type.substr(ipset.type.find(':') + 1), ',');
  std::string addr = option(ipset, "family") == "inet6" ? "ipv6_addr" : "ipv4_addr";
  Set set{name, set_type(dims, addr), {}, {}};
  if (std::any_of(dims.begin(), dims.end(),
                  [](const auto& d) { return d == "ip" || d == "net" || d == "port"; })) {
    set.flags.push_back("interval");
  }
  // firewalld 1.3.3 hands timeout and maxelem to nft as strings, which nft ignores: the set
  // ends up without them. An ipset with a timeout gets no entries from the configuration.
  std::string timeout = option(ipset, "timeout");
  if (!timeout.empty() && timeout != "0") return set;
  set.elements.reserve(ipset.entries.size());
  bool inet6 = option(ipset, "family") == "inet6";
  for (const auto& entry : ipset.entries) set.elements.push_back(entry_values(dims, entry, inet6));
  order_like_nft(dims, set.elements);
  return set;
}

}  // namespace

Elements ipset_elements(const model::IpSet& ipset, const std::vector<std::string>& entries) {
  auto dims = split(ipset.type.substr(ipset.type.find(':') + 1), ',');
  bool inet6 = option(ipset, "family") == "inet6";
  Elements out;
  out.reserve(entries.size());
  for (const auto& entry : entries) out.push_back(entry_values(dims, entry, inet6));
  return out;
}

Set ipset_with_entries(const std::string& name, model::IpSet ipset,
                       std::vector<std::string> entries) {
  std::erase_if(ipset.options, [](const auto& option) { return option.first == "timeout"; });
  ipset.entries = std::move(entries);
  return make_set(name, ipset);
}

namespace {

enum class ListOrder { ByAddress, ByText, Inserted };

ListOrder list_order(const Set& set) {
  if (set.type.size() != 1) return ListOrder::Inserted;
  if (set.type[0] == "ipv4_addr" || set.type[0] == "ipv6_addr") return ListOrder::ByAddress;
  if (set.type[0] == "ether_addr") return ListOrder::ByText;
  return ListOrder::Inserted;
}

// Where `element` is or would go in a set listed in `order` (ByAddress or ByText).
Elements::iterator listed_position(Elements& elements, const std::vector<Value>& element,
                                   ListOrder order) {
  if (order == ListOrder::ByText) {
    return std::lower_bound(elements.begin(), elements.end(), element,
                            [](const auto& a, const auto& b) { return a[0].text < b[0].text; });
  }
  AddressKey key = address_key(element[0]);
  return std::lower_bound(elements.begin(), elements.end(), key,
                          [](const auto& a, const AddressKey& k) { return address_key(a[0]) < k; });
}

// Many elements at once (`--add-entries-from-file`) are merged in from the back in one pass,
// instead of one insert (a move of everything after it) each. The order is that of inserting
// them one by one: each goes before the equal ones listed, so equal new ones end up in reverse.
void merge_listed(Elements& elements, Elements come, ListOrder order) {
  auto less = [order](const std::vector<Value>& a, const std::vector<Value>& b) {
    return order == ListOrder::ByText ? a[0].text < b[0].text
                                      : address_key(a[0]) < address_key(b[0]);
  };
  std::reverse(come.begin(), come.end());
  std::stable_sort(come.begin(), come.end(), less);
  size_t i = elements.size(), j = come.size();
  elements.resize(i + j);
  for (size_t w = elements.size(); j > 0;) {
    if (i > 0 && !less(elements[i - 1], come[j - 1])) {
      elements[--w] = std::move(elements[--i]);
    } else {
      elements[--w] = std::move(come[--j]);
    }
  }
}

constexpr size_t kMergeFrom = 64;  // new elements; fewer go in one by one

}  // namespace

void insert_listed(Set& set, Elements come) {
  ListOrder order = list_order(set);
  bool whole = std::none_of(come.begin(), come.end(), [](const auto& e) { return e.empty(); });
  if (order != ListOrder::Inserted && whole && come.size() >= kMergeFrom) {
    merge_listed(set.elements, std::move(come), order);
    return;
  }
  for (auto& element : come) {
    if (order == ListOrder::Inserted || element.empty()) {
      set.elements.push_back(std::move(element));
      continue;
    }
    auto at = listed_position(set.elements, element, order);
    set.elements.insert(at, std::move(element));
  }
}

void erase_listed(Set& set, const Elements& gone) {
  ListOrder order = list_order(set);
  for (const auto& element : gone) {
    auto at = order == ListOrder::Inserted || element.empty()
                  ? std::find(set.elements.begin(), set.elements.end(), element)
                  : listed_position(set.elements, element, order);
    if (at != set.elements.end() && *at == element) set.elements.erase(at);
  }
}

// set NAME { type ipv4_addr; flags interval; elements = { ... } }
void emit_ipsets(Context& ctx) {
  for (const auto& [name, item] : ctx.config.ipsets) {
    if (item.value.type.find(':') == std::string::npos) {
      ctx.fail(Code::INVALID_TYPE, item.value.type);
      return;
    }
    ctx.out.add_set(make_set(name, item.value));
  }
}

}  // namespace fwctl::compiler
