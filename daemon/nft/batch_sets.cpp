// Batch builders for named sets and their elements.
//
// Elements are written straight into the batch as netlink attributes, one encoded element at a
// time (set_encoder's for_each_element): a large set is never held in a second, encoded form,
// and no element costs a heap allocation of its own (nftnl_set_elem would cost one each).

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netlink.h>

#include "nft/batch.hpp"
#include "nft/set_encoder.hpp"

namespace fwctl::nft {
namespace {

// Elements per NEWSETELEM message: the element list is one netlink attribute, whose length
// field has 16 bits, and 256 of the largest elements (two 64-byte keys) stay below it. A set
// of 62,500 entries goes out as a few hundred messages.
constexpr size_t kElementsPerMessage = 256;

struct SetShape {
  uint16_t family = 0;
  SetKey key;
  uint32_t flags = 0;
};

Result<SetShape> set_shape(const TableId& table, const compiler::Set& set) {
  auto family = family_number(table.family);
  if (!family) return fail(Code::INVALID_TABLE, table.family);
  auto key = named_set_key(set);
  if (!key) return key;
  auto flags = named_set_flags(set, *key);
  if (!flags) return flags;
  return SetShape{*family, std::move(*key), *flags};
}

std::string set_key(const TableId& table, const std::string& set) {
  return table.family + " " + table.name + " " + set;
}

// NFTA_LIST_ELEM { FLAGS, KEY { VALUE }, KEY_END { VALUE } }, as libnftnl lays it out.
void put_element(nlmsghdr* nlh, const Element& e) {
  nlattr* elem = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);
  if (e.flags) mnl_attr_put_u32(nlh, NFTA_SET_ELEM_FLAGS, htonl(e.flags));
  nlattr* key = mnl_attr_nest_start(nlh, NFTA_SET_ELEM_KEY);
  mnl_attr_put(nlh, NFTA_DATA_VALUE, e.key.len, e.key.data());
  mnl_attr_nest_end(nlh, key);
  if (!e.key_end.empty()) {
    nlattr* end = mnl_attr_nest_start(nlh, NFTA_SET_ELEM_KEY_END);
    mnl_attr_put(nlh, NFTA_DATA_VALUE, e.key_end.len, e.key_end.data());
    mnl_attr_nest_end(nlh, end);
  }
  mnl_attr_nest_end(nlh, elem);
}

}  // namespace

Status Batch::add_set(const TableId& table, const compiler::Set& set) {
  auto shape = set_shape(table, set);
  if (!shape) return shape;
  size_t messages = messages_.size();
  size_t bytes = data_.size();
  uint32_t id = next_set_id_;
  SetSpec spec{set.name, next_set_id_++, shape->flags, shape->key, 0};
  auto nl_set = make_set(shape->family, table.name, spec, true);
  auto* nlh = begin_message(NFT_MSG_NEWSET, shape->family, NLM_F_CREATE);
  nftnl_set_nlmsg_build_payload(nlh, nl_set.get());
  end_message(nlh, "set '" + set.name + "'");
  if (!set.elements.empty()) {
    auto status = add_elements(NFT_MSG_NEWSETELEM, table, set, set.elements, true);
    if (!status) {
      rollback(messages, bytes);
      next_set_id_ = id;
      return status;
    }
  }
  interval_sets_[set_key(table, set.name)] = shape->flags & NFT_SET_INTERVAL;
  return ok();
}

Status Batch::del_set(const TableId& table, const compiler::Set& set) {
  auto shape = set_shape(table, set);
  if (!shape) return shape;
  SetPtr nl_set(nftnl_set_alloc());
  nftnl_set_set_u32(nl_set.get(), NFTNL_SET_FAMILY, shape->family);
  nftnl_set_set_str(nl_set.get(), NFTNL_SET_TABLE, table.name.c_str());
  nftnl_set_set_str(nl_set.get(), NFTNL_SET_NAME, set.name.c_str());
  auto* nlh = begin_message(NFT_MSG_DELSET, shape->family, 0);
  nftnl_set_nlmsg_build_payload(nlh, nl_set.get());
  end_message(nlh, "set '" + set.name + "'");
  interval_sets_.erase(set_key(table, set.name));
  return ok();
}

Status Batch::declare_set(const TableId& table, const compiler::Set& set) {
  auto shape = set_shape(table, set);
  if (!shape) return shape;
  interval_sets_[set_key(table, set.name)] = shape->flags & NFT_SET_INTERVAL;
  return ok();
}

Status Batch::add_set_elements(const TableId& table, const compiler::Set& set,
                               const std::vector<std::vector<compiler::Value>>& elements) {
  return add_elements(NFT_MSG_NEWSETELEM, table, set, elements, false);
}

Status Batch::del_set_elements(const TableId& table, const compiler::Set& set,
                               const std::vector<std::vector<compiler::Value>>& elements) {
  return add_elements(NFT_MSG_DELSETELEM, table, set, elements, false);
}

nlmsghdr* Batch::begin_elements(uint16_t type, uint16_t family, const TableId& table,
                                const std::string& set) {
  auto* nlh = begin_message(type, family, type == NFT_MSG_NEWSETELEM ? NLM_F_CREATE : 0);
  mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_SET, set.c_str());
  mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_TABLE, table.name.c_str());
  return nlh;
}

void Batch::rollback(size_t messages, size_t bytes) {
  messages_.resize(messages);
  data_.resize(bytes);
}

// `whole`: the set's complete contents (add_set), which for an interval set includes nft's
// leading zero end element.
Status Batch::add_elements(uint16_t type, const TableId& table, const compiler::Set& set,
                           const std::vector<std::vector<compiler::Value>>& elements, bool whole) {
  auto shape = set_shape(table, set);
  if (!shape) return shape;
  size_t messages = messages_.size();
  size_t bytes = data_.size();
  std::string origin = "set '" + set.name + "' elements";
  nlmsghdr* nlh = nullptr;
  nlattr* list = nullptr;
  size_t count = 0;
  auto flush = [&] {
    mnl_attr_nest_end(nlh, list);
    end_message(nlh, origin);
    nlh = nullptr;
  };
  auto status = for_each_element(shape->key, shape->flags & NFT_SET_INTERVAL, whole, elements,
                                 [&](const Element& e) {
                                   if (!nlh) {
                                     nlh = begin_elements(type, shape->family, table, set.name);
                                     list = mnl_attr_nest_start(nlh, NFTA_SET_ELEM_LIST_ELEMENTS);
                                     count = 0;
                                   }
                                   put_element(nlh, e);
                                   if (++count == kElementsPerMessage) flush();
                                 });
  if (!status) {
    rollback(messages, bytes);
    return fail(Code::INVALID_ENTRY, "set '" + set.name + "': " + status.error().detail);
  }
  if (nlh) flush();
  return ok();
}

}  // namespace fwctl::nft
