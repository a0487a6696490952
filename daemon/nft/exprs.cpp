#include "nft/exprs.hpp"

#include <linux/netfilter/nf_tables.h>

#include <cstdlib>

namespace fwctl::nft::expr {

ExprPtr make(const char* name) {
  ExprPtr e(nftnl_expr_alloc(name));
  if (!e) std::abort();  // out of memory, as nftables does
  return e;
}

void append(nftnl_rule* rule, ExprPtr e) { nftnl_rule_add_expr(rule, e.release()); }

void put_reg(nftnl_expr* e, uint16_t attr, uint32_t reg) {
  // Four 32-bit slots make one 128-bit register; nft writes the 128-bit number when it can.
  uint32_t number = reg % 4 == 0 ? NFT_REG_1 + reg / 4 : NFT_REG32_00 + reg;
  nftnl_expr_set_u32(e, attr, number);
}

void payload_load(nftnl_rule* rule, uint32_t base, uint32_t offset, uint32_t len, uint32_t reg) {
  auto e = make("payload");
  put_reg(e.get(), NFTNL_EXPR_PAYLOAD_DREG, reg);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_PAYLOAD_BASE, base);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_PAYLOAD_OFFSET, offset);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_PAYLOAD_LEN, len);
  append(rule, std::move(e));
}

void meta_load(nftnl_rule* rule, uint32_t key, uint32_t reg) {
  auto e = make("meta");
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_META_KEY, key);
  put_reg(e.get(), NFTNL_EXPR_META_DREG, reg);
  append(rule, std::move(e));
}

void meta_set(nftnl_rule* rule, uint32_t key, uint32_t reg) {
  auto e = make("meta");
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_META_KEY, key);
  put_reg(e.get(), NFTNL_EXPR_META_SREG, reg);
  append(rule, std::move(e));
}

void ct_load(nftnl_rule* rule, uint32_t key, uint32_t reg, std::optional<uint8_t> dir) {
  auto e = make("ct");
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_CT_KEY, key);
  if (dir) nftnl_expr_set_u8(e.get(), NFTNL_EXPR_CT_DIR, *dir);
  put_reg(e.get(), NFTNL_EXPR_CT_DREG, reg);
  append(rule, std::move(e));
}

void fib(nftnl_rule* rule, uint32_t flags, uint32_t result, uint32_t reg) {
  auto e = make("fib");
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_FIB_FLAGS, flags);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_FIB_RESULT, result);
  put_reg(e.get(), NFTNL_EXPR_FIB_DREG, reg);
  append(rule, std::move(e));
}

void rt_load(nftnl_rule* rule, uint32_t key, uint32_t reg) {
  auto e = make("rt");
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_RT_KEY, key);
  put_reg(e.get(), NFTNL_EXPR_RT_DREG, reg);
  append(rule, std::move(e));
}

void cmp(nftnl_rule* rule, uint32_t op, uint32_t reg, const Bytes& data) {
  auto e = make("cmp");
  put_reg(e.get(), NFTNL_EXPR_CMP_SREG, reg);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_CMP_OP, op);
  nftnl_expr_set(e.get(), NFTNL_EXPR_CMP_DATA, data.data(), static_cast<uint32_t>(data.size()));
  append(rule, std::move(e));
}

void range(nftnl_rule* rule, uint32_t op, uint32_t reg, const Bytes& from, const Bytes& to) {
  auto e = make("range");
  put_reg(e.get(), NFTNL_EXPR_RANGE_SREG, reg);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_RANGE_OP, op);
  nftnl_expr_set(e.get(), NFTNL_EXPR_RANGE_FROM_DATA, from.data(),
                 static_cast<uint32_t>(from.size()));
  nftnl_expr_set(e.get(), NFTNL_EXPR_RANGE_TO_DATA, to.data(), static_cast<uint32_t>(to.size()));
  append(rule, std::move(e));
}

void bitwise(nftnl_rule* rule, uint32_t reg, const Bytes& mask, const Bytes& xor_value) {
  auto e = make("bitwise");
  put_reg(e.get(), NFTNL_EXPR_BITWISE_SREG, reg);
  put_reg(e.get(), NFTNL_EXPR_BITWISE_DREG, reg);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_BITWISE_OP, NFT_BITWISE_BOOL);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_BITWISE_LEN, static_cast<uint32_t>(mask.size()));
  nftnl_expr_set(e.get(), NFTNL_EXPR_BITWISE_MASK, mask.data(), static_cast<uint32_t>(mask.size()));
  nftnl_expr_set(e.get(), NFTNL_EXPR_BITWISE_XOR, xor_value.data(),
                 static_cast<uint32_t>(xor_value.size()));
  append(rule, std::move(e));
}

void hton(nftnl_rule* rule, uint32_t reg, uint32_t size, uint32_t len) {
  auto e = make("byteorder");
  put_reg(e.get(), NFTNL_EXPR_BYTEORDER_SREG, reg);
  put_reg(e.get(), NFTNL_EXPR_BYTEORDER_DREG, reg);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_BYTEORDER_LEN, len);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_BYTEORDER_SIZE, size);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_BYTEORDER_OP, NFT_BYTEORDER_HTON);
  append(rule, std::move(e));
}

void lookup(nftnl_rule* rule, uint32_t reg, const std::string& set, uint32_t set_id, bool invert) {
  auto e = make("lookup");
  put_reg(e.get(), NFTNL_EXPR_LOOKUP_SREG, reg);
  nftnl_expr_set_str(e.get(), NFTNL_EXPR_LOOKUP_SET, set.c_str());
  if (set_id) nftnl_expr_set_u32(e.get(), NFTNL_EXPR_LOOKUP_SET_ID, set_id);
  if (invert) nftnl_expr_set_u32(e.get(), NFTNL_EXPR_LOOKUP_FLAGS, NFT_LOOKUP_F_INV);
  append(rule, std::move(e));
}

void immediate(nftnl_rule* rule, uint32_t reg, const Bytes& data) {
  auto e = make("immediate");
  put_reg(e.get(), NFTNL_EXPR_IMM_DREG, reg);
  nftnl_expr_set(e.get(), NFTNL_EXPR_IMM_DATA, data.data(), static_cast<uint32_t>(data.size()));
  append(rule, std::move(e));
}

void verdict(nftnl_rule* rule, int verdict, const std::string& chain) {
  auto e = make("immediate");
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_IMM_VERDICT, static_cast<uint32_t>(verdict));
  if (!chain.empty()) nftnl_expr_set_str(e.get(), NFTNL_EXPR_IMM_CHAIN, chain.c_str());
  append(rule, std::move(e));
}

void counter(nftnl_rule* rule) {
  auto e = make("counter");
  nftnl_expr_set_u64(e.get(), NFTNL_EXPR_CTR_PACKETS, 0);
  nftnl_expr_set_u64(e.get(), NFTNL_EXPR_CTR_BYTES, 0);
  append(rule, std::move(e));
}

void flow_offload(nftnl_rule* rule, const std::string& flowtable) {
  auto e = make("flow_offload");
  nftnl_expr_set_str(e.get(), NFTNL_EXPR_FLOW_TABLE_NAME, flowtable.c_str());
  append(rule, std::move(e));
}

void tcpopt_write(nftnl_rule* rule, uint32_t type, uint32_t offset, uint32_t len, uint32_t reg) {
  auto e = make("exthdr");
  put_reg(e.get(), NFTNL_EXPR_EXTHDR_SREG, reg);
  nftnl_expr_set_u8(e.get(), NFTNL_EXPR_EXTHDR_TYPE, static_cast<uint8_t>(type));
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_EXTHDR_OFFSET, offset);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_EXTHDR_LEN, len);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_EXTHDR_OP, NFT_EXTHDR_OP_TCPOPT);
  append(rule, std::move(e));
}

void objref(nftnl_rule* rule, uint32_t type, const std::string& name) {
  auto e = make("objref");
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_OBJREF_IMM_TYPE, type);
  nftnl_expr_set_str(e.get(), NFTNL_EXPR_OBJREF_IMM_NAME, name.c_str());
  append(rule, std::move(e));
}

}  // namespace fwctl::nft::expr
