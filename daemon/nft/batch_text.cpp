#include "nft/batch_text.hpp"

#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

#include <cstdio>

#include "nft/nl_objects.hpp"
#include "nft/table_id.hpp"

namespace fwctl::nft {
namespace {

std::string hex(const void* data, uint32_t len) {
  std::string out;
  const auto* p = static_cast<const uint8_t*>(data);
  char buf[3];
  for (uint32_t i = 0; i < len; ++i) {
    std::snprintf(buf, sizeof(buf), "%02x", p[i]);
    out += buf;
  }
  return out;
}

std::string hex_number(uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "0x%x", value);
  return buf;
}

std::string where(const nlmsghdr* nlh, const char* table) {
  const auto* gen = static_cast<const nfgenmsg*>(mnl_nlmsg_get_payload(nlh));
  return family_name(gen->nfgen_family) + " " + table;
}

std::string table_text(const nlmsghdr* nlh, const char* verb) {
  TablePtr t(nftnl_table_alloc());
  nftnl_table_nlmsg_parse(nlh, t.get());
  std::string out =
      std::string(verb) + " table " + where(nlh, nftnl_table_get_str(t.get(), NFTNL_TABLE_NAME));
  uint32_t flags = nftnl_table_is_set(t.get(), NFTNL_TABLE_FLAGS)
                       ? nftnl_table_get_u32(t.get(), NFTNL_TABLE_FLAGS)
                       : 0;
  return flags ? out + " flags " + hex_number(flags) : out;
}

// add flowtable inet firewalld fastpath { hook 0 priority 10 devices eth0 eth1 }
std::string flowtable_text(const nlmsghdr* nlh) {
  FlowtablePtr f(nftnl_flowtable_alloc());
  nftnl_flowtable_nlmsg_parse(nlh, f.get());
  std::string out =
      "add flowtable " + where(nlh, nftnl_flowtable_get_str(f.get(), NFTNL_FLOWTABLE_TABLE)) + " " +
      nftnl_flowtable_get_str(f.get(), NFTNL_FLOWTABLE_NAME) + " { hook " +
      std::to_string(nftnl_flowtable_get_u32(f.get(), NFTNL_FLOWTABLE_HOOKNUM)) + " priority " +
      std::to_string(nftnl_flowtable_get_s32(f.get(), NFTNL_FLOWTABLE_PRIO)) + " devices";
  const char* const* devices = nftnl_flowtable_get_array(f.get(), NFTNL_FLOWTABLE_DEVICES);
  for (size_t i = 0; devices && devices[i]; ++i) out += std::string(" ") + devices[i];
  return out + " }";
}

std::string chain_text(const nlmsghdr* nlh, const char* verb) {
  ChainPtr c(nftnl_chain_alloc());
  nftnl_chain_nlmsg_parse(nlh, c.get());
  std::string out = std::string(verb) + " chain " +
                    where(nlh, nftnl_chain_get_str(c.get(), NFTNL_CHAIN_TABLE)) + " " +
                    nftnl_chain_get_str(c.get(), NFTNL_CHAIN_NAME);
  if (!nftnl_chain_is_set(c.get(), NFTNL_CHAIN_HOOKNUM)) return out;
  return out + " { type " + nftnl_chain_get_str(c.get(), NFTNL_CHAIN_TYPE) + " hook " +
         std::to_string(nftnl_chain_get_u32(c.get(), NFTNL_CHAIN_HOOKNUM)) + " priority " +
         std::to_string(nftnl_chain_get_s32(c.get(), NFTNL_CHAIN_PRIO)) + " policy " +
         std::to_string(nftnl_chain_get_u32(c.get(), NFTNL_CHAIN_POLICY)) + " }";
}

std::string set_name(const nlmsghdr* nlh, nftnl_set* s) {
  std::string out = where(nlh, nftnl_set_get_str(s, NFTNL_SET_TABLE)) + " " +
                    nftnl_set_get_str(s, NFTNL_SET_NAME);
  if (nftnl_set_is_set(s, NFTNL_SET_ID))
    out += " id " + std::to_string(nftnl_set_get_u32(s, NFTNL_SET_ID));
  return out;
}

std::string set_text(const nlmsghdr* nlh) {
  SetPtr s(nftnl_set_alloc());
  nftnl_set_nlmsg_parse(nlh, s.get());
  char flags[16];
  std::snprintf(flags, sizeof(flags), "0x%x", nftnl_set_get_u32(s.get(), NFTNL_SET_FLAGS));
  std::string out = "add set " + set_name(nlh, s.get()) + " { type " +
                    std::to_string(nftnl_set_get_u32(s.get(), NFTNL_SET_KEY_TYPE)) + " len " +
                    std::to_string(nftnl_set_get_u32(s.get(), NFTNL_SET_KEY_LEN)) + " flags " +
                    flags;
  if (nftnl_set_is_set(s.get(), NFTNL_SET_DESC_SIZE)) {
    out += " size " + std::to_string(nftnl_set_get_u32(s.get(), NFTNL_SET_DESC_SIZE));
  }
  return out + " }";
}

std::string del_set_text(const nlmsghdr* nlh) {
  SetPtr s(nftnl_set_alloc());
  nftnl_set_nlmsg_parse(nlh, s.get());
  return "delete set " + set_name(nlh, s.get());
}

std::string element_text(nftnl_set_elem* e) {
  uint32_t len = 0;
  const void* key = nftnl_set_elem_get(e, NFTNL_SET_ELEM_KEY, &len);
  std::string out = hex(key, len);
  if (nftnl_set_elem_is_set(e, NFTNL_SET_ELEM_KEY_END)) {
    const void* end = nftnl_set_elem_get(e, NFTNL_SET_ELEM_KEY_END, &len);
    out += "-" + hex(end, len);
  }
  if (nftnl_set_elem_is_set(e, NFTNL_SET_ELEM_FLAGS) &&
      (nftnl_set_elem_get_u32(e, NFTNL_SET_ELEM_FLAGS) & NFT_SET_ELEM_INTERVAL_END)) {
    out += " end";
  }
  return out;
}

// libnftnl numbers the element attributes 1, 2, 3 ... when it builds a message (the kernel
// does not look), but its parser accepts only NFTA_LIST_ELEM: renumber a copy before parsing.
std::vector<char> renumbered_elements(const nlmsghdr* nlh) {
  std::vector<char> copy(reinterpret_cast<const char*>(nlh),
                         reinterpret_cast<const char*>(nlh) + nlh->nlmsg_len);
  auto* msg = reinterpret_cast<nlmsghdr*>(copy.data());
  char* end = copy.data() + copy.size();
  auto* attr = static_cast<nlattr*>(mnl_nlmsg_get_payload_offset(msg, sizeof(nfgenmsg)));
  for (; mnl_attr_ok(attr, static_cast<int>(end - reinterpret_cast<char*>(attr)));
       attr = mnl_attr_next(attr)) {
    if (mnl_attr_get_type(attr) != NFTA_SET_ELEM_LIST_ELEMENTS) continue;
    char* nest_end = reinterpret_cast<char*>(attr) + attr->nla_len;
    auto* elem = static_cast<nlattr*>(mnl_attr_get_payload(attr));
    for (; mnl_attr_ok(elem, static_cast<int>(nest_end - reinterpret_cast<char*>(elem)));
         elem = mnl_attr_next(elem)) {
      elem->nla_type = NLA_F_NESTED | NFTA_LIST_ELEM;
    }
  }
  return copy;
}

std::string elements_text(const nlmsghdr* original, const char* verb) {
  auto copy = renumbered_elements(original);
  const auto* nlh = reinterpret_cast<const nlmsghdr*>(copy.data());
  SetPtr s(nftnl_set_alloc());
  nftnl_set_elems_nlmsg_parse(nlh, s.get());
  std::string out = std::string(verb) + " element " + set_name(nlh, s.get()) + " {";
  // nftnl_set_elems_iter_next() of libnftnl 1.2.4 skips the last element; foreach does not.
  nftnl_set_elem_foreach(
      s.get(),
      [](nftnl_set_elem* e, void* data) {
        *static_cast<std::string*>(data) += " " + element_text(e) + ",";
        return 0;
      },
      &out);
  if (out.back() == ',') out.pop_back();
  return out + " }";
}

int append_expr(nftnl_expr* e, void* data) {
  char buf[1024];
  nftnl_expr_snprintf(buf, sizeof(buf), e, NFTNL_OUTPUT_DEFAULT, 0);
  std::string text = buf;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  *static_cast<std::string*>(data) +=
      " [ " + std::string(nftnl_expr_get_str(e, NFTNL_EXPR_NAME)) + " " + text + " ]";
  return 0;
}

// `insert rule` for a new rule placed in front of another (or at the head): no NLM_F_APPEND.
std::string rule_text(const nlmsghdr* nlh, const char* verb) {
  RulePtr r(nftnl_rule_alloc());
  nftnl_rule_nlmsg_parse(nlh, r.get());
  std::string out = std::string(verb) + " rule " +
                    where(nlh, nftnl_rule_get_str(r.get(), NFTNL_RULE_TABLE)) + " " +
                    nftnl_rule_get_str(r.get(), NFTNL_RULE_CHAIN);
  if (nftnl_rule_is_set(r.get(), NFTNL_RULE_HANDLE)) {
    out += " handle " + std::to_string(nftnl_rule_get_u64(r.get(), NFTNL_RULE_HANDLE));
  }
  if (nftnl_rule_is_set(r.get(), NFTNL_RULE_POSITION)) {
    out += " position " + std::to_string(nftnl_rule_get_u64(r.get(), NFTNL_RULE_POSITION));
  }
  nftnl_expr_foreach(r.get(), append_expr, &out);
  if (nlh->nlmsg_flags & NLM_F_ECHO) out += " (echo)";
  return out;
}

std::string object_text(const nlmsghdr* nlh) {
  ObjPtr o(nftnl_obj_alloc());
  nftnl_obj_nlmsg_parse(nlh, o.get());
  if ((nlh->nlmsg_type & 0xff) == NFT_MSG_DELOBJ) {
    return "delete ct helper " + where(nlh, nftnl_obj_get_str(o.get(), NFTNL_OBJ_TABLE)) + " " +
           nftnl_obj_get_str(o.get(), NFTNL_OBJ_NAME);
  }
  return "add ct helper " + where(nlh, nftnl_obj_get_str(o.get(), NFTNL_OBJ_TABLE)) + " " +
         nftnl_obj_get_str(o.get(), NFTNL_OBJ_NAME) + " { type \"" +
         nftnl_obj_get_str(o.get(), NFTNL_OBJ_CT_HELPER_NAME) + "\" protocol " +
         std::to_string(nftnl_obj_get_u8(o.get(), NFTNL_OBJ_CT_HELPER_L4PROTO)) + " l3proto " +
         std::to_string(nftnl_obj_get_u16(o.get(), NFTNL_OBJ_CT_HELPER_L3PROTO)) + " }";
}

}  // namespace

std::string describe(std::span<const char> message) {
  const auto* nlh = reinterpret_cast<const nlmsghdr*>(message.data());
  switch (nlh->nlmsg_type & 0xff) {
    case NFT_MSG_NEWTABLE:
      return table_text(nlh, "add");
    case NFT_MSG_DELTABLE:
      return table_text(nlh, "delete");
    case NFT_MSG_NEWCHAIN:
      return chain_text(nlh, "add");
    case NFT_MSG_DELCHAIN:
      return chain_text(nlh, "delete");
    case NFT_MSG_NEWSET:
      return set_text(nlh);
    case NFT_MSG_DELSET:
      return del_set_text(nlh);
    case NFT_MSG_NEWSETELEM:
      return elements_text(nlh, "add");
    case NFT_MSG_DELSETELEM:
      return elements_text(nlh, "delete");
    case NFT_MSG_NEWRULE:
      return rule_text(nlh, nlh->nlmsg_flags & NLM_F_APPEND ? "add" : "insert");
    case NFT_MSG_DELRULE:
      return rule_text(nlh, "delete");
    case NFT_MSG_NEWOBJ:
    case NFT_MSG_DELOBJ:
      return object_text(nlh);
    case NFT_MSG_NEWFLOWTABLE:
      return flowtable_text(nlh);
    default:
      return "message type " + std::to_string(nlh->nlmsg_type);
  }
}

std::vector<std::string> describe(const Batch& batch) {
  std::vector<std::string> out;
  for (size_t i = 0; i < batch.size(); ++i) out.push_back(describe(batch.bytes(i)));
  return out;
}

}  // namespace fwctl::nft
