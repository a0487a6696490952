#include "nft/batch.hpp"

#include <libnftnl/common.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netlink.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "nft/nl_objects.hpp"
#include "nft/rule_encoder.hpp"

namespace fwctl::nft {
namespace {

// Large enough for any one message; element lists are split to stay far below it.
constexpr size_t kScratchSize = 256 * 1024;

Unexpected bad_table(const TableId& table) {
  return fail(Code::INVALID_TABLE, "unknown family '" + table.family + "'");
}

std::optional<uint32_t> hook_number(const std::string& hook) {
  if (hook == "prerouting") return NF_INET_PRE_ROUTING;
  if (hook == "input") return NF_INET_LOCAL_IN;
  if (hook == "forward") return NF_INET_FORWARD;
  if (hook == "output") return NF_INET_LOCAL_OUT;
  if (hook == "postrouting") return NF_INET_POST_ROUTING;
  return std::nullopt;
}

// NFT_TABLE_F_PERSIST (Linux 6.9): an owned table outlives its owner's socket. Older headers
// lack it.
constexpr uint32_t kTableFlagPersist = 0x4;

std::optional<uint32_t> table_flags(const std::vector<std::string>& flags) {
  uint32_t bits = 0;
  for (const auto& flag : flags) {
    if (flag == "dormant") {
      bits |= NFT_TABLE_F_DORMANT;
    } else if (flag == "owner") {
      bits |= NFT_TABLE_F_OWNER;
    } else if (flag == "persist") {
      bits |= kTableFlagPersist;
    } else {
      return std::nullopt;
    }
  }
  return bits;
}

TablePtr make_table(const TableId& table, uint16_t family) {
  TablePtr t(nftnl_table_alloc());
  nftnl_table_set_u32(t.get(), NFTNL_TABLE_FAMILY, family);
  nftnl_table_set_str(t.get(), NFTNL_TABLE_NAME, table.name.c_str());
  return t;
}

ChainPtr make_chain(const TableId& table, uint16_t family, const std::string& name) {
  ChainPtr c(nftnl_chain_alloc());
  nftnl_chain_set_u32(c.get(), NFTNL_CHAIN_FAMILY, family);
  nftnl_chain_set_str(c.get(), NFTNL_CHAIN_TABLE, table.name.c_str());
  nftnl_chain_set_str(c.get(), NFTNL_CHAIN_NAME, name.c_str());
  return c;
}

// type filter hook input priority filter + 10; policy accept;
Status set_base_hook(nftnl_chain* c, const compiler::BaseHook& base) {
  auto hook = hook_number(base.hook);
  if (!hook || (base.policy != "accept" && base.policy != "drop")) {
    return fail(Code::INVALID_CHAIN, to_text(base));
  }
  nftnl_chain_set_u32(c, NFTNL_CHAIN_HOOKNUM, *hook);
  nftnl_chain_set_s32(c, NFTNL_CHAIN_PRIO, base.priority);
  nftnl_chain_set_str(c, NFTNL_CHAIN_TYPE, base.type.c_str());
  nftnl_chain_set_u32(c, NFTNL_CHAIN_POLICY, base.policy == "accept" ? NF_ACCEPT : NF_DROP);
  return ok();
}

}  // namespace

Batch::Batch() = default;

// One message is built here, then appended to data_. One buffer per thread, not per batch: a
// batch of one rule allocated and zeroed 256 kB (an mmap, page faults, a munmap), 8% of fwctld's
// time for a port added by 20 clients at once (issue 13).
char* Batch::scratch() {
  static thread_local std::vector<char> buffer(kScratchSize);
  return buffer.data();
}

std::span<const char> Batch::bytes(size_t index) const {
  const auto& m = messages_.at(index);
  return {data_.data() + m.offset, m.length};
}

// No NLM_F_ACK: the kernel then answers a message only when it fails (or echoes it), as for
// nft -f; MnlNetlink asks for the acknowledgement of the batch's last message alone, which
// tells it that every answer before it has arrived.
nlmsghdr* Batch::begin_message(uint16_t type, uint16_t family, uint16_t flags) {
  auto seq = static_cast<uint32_t>(messages_.size() + 1);
  // Zero again what the previous message wrote (its header says how much: libmnl writes nothing
  // past nlmsg_len), so that each message is built on zeros as in a fresh buffer: a string
  // attribute without its NUL then reads the same, as before.
  char* buffer = scratch();
  size_t used =
      std::min<size_t>(NLMSG_ALIGN(reinterpret_cast<nlmsghdr*>(buffer)->nlmsg_len), kScratchSize);
  std::memset(buffer, 0, used);
  return nftnl_nlmsg_build_hdr(buffer, type, family, flags, seq);
}

void Batch::end_message(const nlmsghdr* nlh, std::string origin) {
  auto offset = static_cast<uint32_t>(data_.size());
  uint32_t length = NLMSG_ALIGN(nlh->nlmsg_len);
  const char* built = reinterpret_cast<const char*>(nlh);
  data_.insert(data_.end(), built, built + length);
  messages_.push_back({offset, length, std::move(origin)});
}

Status Batch::add_table(const TableId& table, const std::vector<std::string>& flags) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  auto bits = table_flags(flags);
  if (!bits) return fail(Code::INVALID_TABLE, "unknown table flag in '" + table.name + "'");
  auto t = make_table(table, *family);
  nftnl_table_set_u32(t.get(), NFTNL_TABLE_FLAGS, *bits);
  auto* nlh = begin_message(NFT_MSG_NEWTABLE, *family, NLM_F_CREATE);
  nftnl_table_nlmsg_build_payload(nlh, t.get());
  end_message(nlh, "table " + table.family + " " + table.name);
  return ok();
}

// Without NFTA_TABLE_FLAGS the kernel's update of an existing table is a no-op; with flags 0 it
// would try to clear an owner or persist flag, which it refuses (EOPNOTSUPP).
Status Batch::touch_table(const TableId& table) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  auto t = make_table(table, *family);
  auto* nlh = begin_message(NFT_MSG_NEWTABLE, *family, NLM_F_CREATE);
  nftnl_table_nlmsg_build_payload(nlh, t.get());
  end_message(nlh, "table " + table.family + " " + table.name);
  return ok();
}

Status Batch::del_table(const TableId& table) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  auto t = make_table(table, *family);
  auto* nlh = begin_message(NFT_MSG_DELTABLE, *family, 0);
  nftnl_table_nlmsg_build_payload(nlh, t.get());
  end_message(nlh, "table " + table.family + " " + table.name);
  // The table's sets go with it.
  std::string prefix = table.family + " " + table.name + " ";
  std::erase_if(interval_sets_, [&](const auto& kv) { return kv.first.rfind(prefix, 0) == 0; });
  return ok();
}

Status Batch::add_chain(const TableId& table, const compiler::Chain& chain) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  auto c = make_chain(table, *family, chain.name);
  if (chain.base) {
    auto status = set_base_hook(c.get(), *chain.base);
    if (!status) return status;
  }
  auto* nlh = begin_message(NFT_MSG_NEWCHAIN, *family, NLM_F_CREATE);
  nftnl_chain_nlmsg_build_payload(nlh, c.get());
  end_message(nlh, "chain '" + chain.name + "'");
  return ok();
}

Status Batch::flush_chain(const TableId& table, const std::string& chain) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  RulePtr r(nftnl_rule_alloc());
  nftnl_rule_set_u32(r.get(), NFTNL_RULE_FAMILY, *family);
  nftnl_rule_set_str(r.get(), NFTNL_RULE_TABLE, table.name.c_str());
  nftnl_rule_set_str(r.get(), NFTNL_RULE_CHAIN, chain.c_str());
  auto* nlh = begin_message(NFT_MSG_DELRULE, *family, 0);
  nftnl_rule_nlmsg_build_payload(nlh, r.get());
  end_message(nlh, "chain '" + chain + "'");
  return ok();
}

Status Batch::del_chain(const TableId& table, const std::string& chain) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  auto c = make_chain(table, *family, chain);
  auto* nlh = begin_message(NFT_MSG_DELCHAIN, *family, 0);
  nftnl_chain_nlmsg_build_payload(nlh, c.get());
  end_message(nlh, "chain '" + chain + "'");
  return ok();
}

Status Batch::add_ct_helper(const TableId& table, const compiler::CtHelper& helper) {
  auto family = family_number(table.family);
  auto l3 = family_number(helper.l3proto);
  uint8_t l4 = helper.protocol == "tcp" ? IPPROTO_TCP : helper.protocol == "udp" ? IPPROTO_UDP : 0;
  if (!family || !l3 || !l4) return fail(Code::INVALID_HELPER, to_text(helper));
  ObjPtr o(nftnl_obj_alloc());
  nftnl_obj_set_u32(o.get(), NFTNL_OBJ_FAMILY, *family);
  nftnl_obj_set_str(o.get(), NFTNL_OBJ_TABLE, table.name.c_str());
  nftnl_obj_set_str(o.get(), NFTNL_OBJ_NAME, helper.name.c_str());
  nftnl_obj_set_u32(o.get(), NFTNL_OBJ_TYPE, NFT_OBJECT_CT_HELPER);
  nftnl_obj_set_str(o.get(), NFTNL_OBJ_CT_HELPER_NAME, helper.type.c_str());
  nftnl_obj_set_u16(o.get(), NFTNL_OBJ_CT_HELPER_L3PROTO, *l3);
  nftnl_obj_set_u8(o.get(), NFTNL_OBJ_CT_HELPER_L4PROTO, l4);
  auto* nlh = begin_message(NFT_MSG_NEWOBJ, *family, NLM_F_CREATE);
  nftnl_obj_nlmsg_build_payload(nlh, o.get());
  end_message(nlh, "ct helper '" + helper.name + "'");
  return ok();
}

Status Batch::del_ct_helper(const TableId& table, const compiler::CtHelper& helper) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  ObjPtr o(nftnl_obj_alloc());
  nftnl_obj_set_u32(o.get(), NFTNL_OBJ_FAMILY, *family);
  nftnl_obj_set_str(o.get(), NFTNL_OBJ_TABLE, table.name.c_str());
  nftnl_obj_set_str(o.get(), NFTNL_OBJ_NAME, helper.name.c_str());
  nftnl_obj_set_u32(o.get(), NFTNL_OBJ_TYPE, NFT_OBJECT_CT_HELPER);
  auto* nlh = begin_message(NFT_MSG_DELOBJ, *family, 0);
  nftnl_obj_nlmsg_build_payload(nlh, o.get());
  end_message(nlh, "ct helper '" + helper.name + "'");
  return ok();
}

Status Batch::add_flowtable(const TableId& table, const compiler::Flowtable& flowtable) {
  auto family = family_number(table.family);
  if (!family || flowtable.hook != "ingress" || flowtable.devices.empty()) {
    return fail(Code::INVALID_VALUE, to_text(flowtable));
  }
  FlowtablePtr f(nftnl_flowtable_alloc());
  nftnl_flowtable_set_u32(f.get(), NFTNL_FLOWTABLE_FAMILY, *family);
  nftnl_flowtable_set_str(f.get(), NFTNL_FLOWTABLE_TABLE, table.name.c_str());
  nftnl_flowtable_set_str(f.get(), NFTNL_FLOWTABLE_NAME, flowtable.name.c_str());
  nftnl_flowtable_set_u32(f.get(), NFTNL_FLOWTABLE_HOOKNUM, NF_NETDEV_INGRESS);
  nftnl_flowtable_set_s32(f.get(), NFTNL_FLOWTABLE_PRIO, flowtable.priority);
  std::vector<const char*> devices;
  for (const auto& device : flowtable.devices) devices.push_back(device.c_str());
  devices.push_back(nullptr);
  nftnl_flowtable_set_array(f.get(), NFTNL_FLOWTABLE_DEVICES, devices.data());
  auto* nlh = begin_message(NFT_MSG_NEWFLOWTABLE, *family, NLM_F_CREATE);
  nftnl_flowtable_nlmsg_build_payload(nlh, f.get());
  end_message(nlh, "flowtable '" + flowtable.name + "'");
  return ok();
}

Status Batch::add_rule(const TableId& table, const std::string& chain, const compiler::Rule& rule,
                       const std::string& origin, bool echo) {
  return add_rule(table, chain, rule, origin, RulePlace::append(), echo);
}

Status Batch::add_rule(const TableId& table, const std::string& chain, const compiler::Rule& rule,
                       const std::string& origin, RulePlace place, bool echo) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  std::string prefix = table.family + " " + table.name + " ";
  RuleEnv env{&next_set_id_, [&](const std::string& set) {
                auto it = interval_sets_.find(prefix + set);
                return it != interval_sets_.end() && it->second;
              }};
  uint32_t first_id = next_set_id_;
  auto encoded = encode_rule(*family, table.name, chain, rule, env);
  if (!encoded) {
    next_set_id_ = first_id;
    return fail(Code::COMMAND_FAILED, origin + ": " + encoded.error().detail);
  }
  for (const auto& anon : encoded->sets) {
    auto set = make_set(*family, table.name, anon.spec, true);
    auto* nlh = begin_message(NFT_MSG_NEWSET, *family, NLM_F_CREATE);
    nftnl_set_nlmsg_build_payload(nlh, set.get());
    end_message(nlh, origin);
    auto elems = make_set(*family, table.name, anon.spec, false);
    add_elements_to(elems.get(), anon.elements, 0, anon.elements.size());
    nlh = begin_message(NFT_MSG_NEWSETELEM, *family, NLM_F_CREATE);
    nftnl_set_elems_nlmsg_build_payload(nlh, elems.get());
    end_message(nlh, origin);
  }
  // Without NLM_F_APPEND the kernel inserts in front of the position (or at the head).
  bool append = place.kind == RulePlace::Kind::Append;
  if (!append) nftnl_rule_set_u64(encoded->rule.get(), NFTNL_RULE_POSITION, place.handle);
  uint16_t flags = NLM_F_CREATE | (append ? NLM_F_APPEND : 0) | (echo ? NLM_F_ECHO : 0);
  auto* nlh = begin_message(NFT_MSG_NEWRULE, *family, flags);
  nftnl_rule_nlmsg_build_payload(nlh, encoded->rule.get());
  end_message(nlh, origin);
  return ok();
}

Status Batch::del_rule(const TableId& table, const std::string& chain, uint64_t handle,
                       const std::string& origin) {
  auto family = family_number(table.family);
  if (!family) return bad_table(table);
  RulePtr r(nftnl_rule_alloc());
  nftnl_rule_set_u32(r.get(), NFTNL_RULE_FAMILY, *family);
  nftnl_rule_set_str(r.get(), NFTNL_RULE_TABLE, table.name.c_str());
  nftnl_rule_set_str(r.get(), NFTNL_RULE_CHAIN, chain.c_str());
  nftnl_rule_set_u64(r.get(), NFTNL_RULE_HANDLE, handle);
  auto* nlh = begin_message(NFT_MSG_DELRULE, *family, 0);
  nftnl_rule_nlmsg_build_payload(nlh, r.get());
  end_message(nlh, origin);
  return ok();
}

Error message_error(const Batch& batch, size_t index, int err) {
  std::string origin = index < batch.size() ? batch.messages()[index].origin : "batch";
  return Error{Code::COMMAND_FAILED, origin + ": " + std::strerror(err), {}, 0};
}

}  // namespace fwctl::nft
