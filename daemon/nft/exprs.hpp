#pragma once
// One builder per nftnl expression, appending to a rule (systemd's firewall-util-nft.c style).
//
// Registers are given as 32-bit register slots counted from 0 (nft's NFT_REG32_00); a slot at a
// 16-byte boundary is written as the matching 128-bit register (NFT_REG_1 ...), as nft does, so
// `nft --debug=netlink` and the kernel see the same numbers nft would produce.

#include <cstdint>
#include <optional>
#include <string>

#include "nft/nl_objects.hpp"
#include "nft/values.hpp"

namespace fwctl::nft::expr {

// [ payload load LENb @ BASE header + OFFSET => reg R ]
void payload_load(nftnl_rule* rule, uint32_t base, uint32_t offset, uint32_t len, uint32_t reg);
// [ meta load KEY => reg R ]
void meta_load(nftnl_rule* rule, uint32_t key, uint32_t reg);
// [ meta set KEY with reg R ]
void meta_set(nftnl_rule* rule, uint32_t key, uint32_t reg);
// [ ct load KEY => reg R ]
void ct_load(nftnl_rule* rule, uint32_t key, uint32_t reg,
             std::optional<uint8_t> dir = std::nullopt);
// [ fib FLAGS RESULT => reg R ]
void fib(nftnl_rule* rule, uint32_t flags, uint32_t result, uint32_t reg);
// [ rt load KEY => reg R ]
void rt_load(nftnl_rule* rule, uint32_t key, uint32_t reg);
// [ cmp OP reg R DATA ]
void cmp(nftnl_rule* rule, uint32_t op, uint32_t reg, const Bytes& data);
// [ range OP reg R FROM TO ]
void range(nftnl_rule* rule, uint32_t op, uint32_t reg, const Bytes& from, const Bytes& to);
// [ bitwise reg R = ( reg R & MASK ) ^ XOR ]
void bitwise(nftnl_rule* rule, uint32_t reg, const Bytes& mask, const Bytes& xor_value);
// [ byteorder reg R = hton(reg R, SIZE, LEN) ]
void hton(nftnl_rule* rule, uint32_t reg, uint32_t size, uint32_t len);
// [ lookup reg R set NAME (FLAGS) ]; set_id 0 when the set is found by name
void lookup(nftnl_rule* rule, uint32_t reg, const std::string& set, uint32_t set_id, bool invert);
// [ immediate reg R DATA ]
void immediate(nftnl_rule* rule, uint32_t reg, const Bytes& data);
// [ immediate reg 0 VERDICT (-> CHAIN) ]
void verdict(nftnl_rule* rule, int verdict, const std::string& chain = {});
// [ counter pkts 0 bytes 0 ]
void counter(nftnl_rule* rule);
// [ flow_offload NAME ]
void flow_offload(nftnl_rule* rule, const std::string& flowtable);
// [ exthdr write tcpopt reg R => LENb @ TYPE + OFFSET ]
void tcpopt_write(nftnl_rule* rule, uint32_t type, uint32_t offset, uint32_t len, uint32_t reg);
// [ objref type TYPE name NAME ]
void objref(nftnl_rule* rule, uint32_t type, const std::string& name);
// Takes ownership of an expression built elsewhere (log, limit, reject, nat ...).
void append(nftnl_rule* rule, ExprPtr expr);
ExprPtr make(const char* name);
// Sets a register attribute with nft's 32/128-bit register numbering.
void put_reg(nftnl_expr* e, uint16_t attr, uint32_t reg);

}  // namespace fwctl::nft::expr
