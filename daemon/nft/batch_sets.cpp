// Batch builders for named sets and their elements.

#include <libnftnl/common.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netlink.h>

#include "nft/batch.hpp"
#include "nft/set_encoder.hpp"

namespace fwctl::nft {
namespace {

// Elements per NEWSETELEM message: the element list is one netlink attribute, whose length
// field has 16 bits, so a set of 62,500 entries goes out as a few hundred messages.
constexpr size_t kElementsPerMessage = 256;

}  // namespace

Status Batch::add_set(const TableId& table, const compiler::Set& set) {
  auto family = family_number(table.family);
  if (!family) return fail(Code::INVALID_TABLE, table.family);
  auto key = named_set_key(set);
  if (!key) return Unexpected{key.error()};
  auto flags = named_set_flags(set, *key);
  if (!flags) return Unexpected{flags.error()};
  auto elements = encode_elements(*key, *flags & NFT_SET_INTERVAL, set.elements);
  if (!elements) return fail(Code::INVALID_ENTRY, "set '" + set.name + "': " + elements.error().detail);
  SetSpec spec{set.name, next_set_id_++, *flags, *key, 0};
  auto nl_set = make_set(*family, table.name, spec, true);
  auto* nlh = begin_message(NFT_MSG_NEWSET, *family, NLM_F_CREATE);
  nftnl_set_nlmsg_build_payload(nlh, nl_set.get());
  end_message(nlh, "set '" + set.name + "'");
  interval_sets_[table.family + " " + table.name + " " + set.name] = *flags & NFT_SET_INTERVAL;
  if (set.elements.empty()) return ok();
  return add_set_elements(table, set, set.elements);
}

Status Batch::add_set_elements(const TableId& table, const compiler::Set& set,
                               const std::vector<std::vector<compiler::Value>>& elements) {
  return add_elements(NFT_MSG_NEWSETELEM, table, set, elements);
}

Status Batch::del_set_elements(const TableId& table, const compiler::Set& set,
                               const std::vector<std::vector<compiler::Value>>& elements) {
  return add_elements(NFT_MSG_DELSETELEM, table, set, elements);
}

Status Batch::add_elements(uint16_t type, const TableId& table, const compiler::Set& set,
                           const std::vector<std::vector<compiler::Value>>& elements) {
  auto family = family_number(table.family);
  if (!family) return fail(Code::INVALID_TABLE, table.family);
  auto key = named_set_key(set);
  if (!key) return Unexpected{key.error()};
  auto flags = named_set_flags(set, *key);
  if (!flags) return Unexpected{flags.error()};
  auto encoded = encode_elements(*key, *flags & NFT_SET_INTERVAL, elements);
  if (!encoded) return fail(Code::INVALID_ENTRY, "set '" + set.name + "': " + encoded.error().detail);
  SetSpec spec{set.name, 0, *flags, *key, 0};
  for (size_t begin = 0; begin < encoded->size(); begin += kElementsPerMessage) {
    size_t end = std::min(encoded->size(), begin + kElementsPerMessage);
    auto nl_set = make_set(*family, table.name, spec, false);
    add_elements_to(nl_set.get(), *encoded, begin, end);
    auto* nlh = begin_message(type, *family, type == NFT_MSG_NEWSETELEM ? NLM_F_CREATE : 0);
    nftnl_set_elems_nlmsg_build_payload(nlh, nl_set.get());
    end_message(nlh, "set '" + set.name + "' elements");
  }
  return ok();
}

}  // namespace fwctl::nft
