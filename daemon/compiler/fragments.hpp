#pragma once
// Small builders for the statements firewalld's rules are made of, so emitters read like the
// nft text they produce.

#include <optional>
#include <string>
#include <vector>

#include "compiler/context.hpp"
#include "compiler/ir.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {

Value integer(std::string text);
Value symbol(std::string text);
Value quoted(std::string text);

Match single_match(Selector selector, Rhs rhs, Op op = Op::Eq);
Match meta_match(const std::string& key, Rhs rhs, Op op = Op::Eq);
Match payload_match(const std::string& protocol, const std::string& field, Rhs rhs, Op op = Op::Eq);

Statement accept();
Statement drop();
Statement jump(const std::string& chain);
Statement go_to(const std::string& chain);
// reject with icmpx admin-prohibited: firewalld's default reject.
Statement reject_admin();
Statement log_prefix(const std::string& prefix);

// `meta pkttype host` for LogDenied=unicast etc.; nothing for "all".
std::vector<Statement> pkttype_match(const std::string& log_denied);

// 0x1, 16 -> 0x00000001, 0x00000010: a mark as nft prints it (decimal, hex or octal input).
std::string mark_hex(const std::string& text);

// 22 or 8080-8090 (a reversed range is turned round, a range of one port is one port).
Value port_value(const std::string& port);

// `ip saddr 10.0.0.0/8`, `ether saddr 00:11:..`, `ip saddr @set` (with the set's dimensions
// concatenated). field is saddr or daddr. Fails the context on an unusable address.
std::optional<Match> addr_match(Context& ctx, const std::string& field, const std::string& address,
                                bool invert = false);

// The icmp type (and code) matches for an ICMP type name; empty when nft has none for ipv.
std::vector<Statement> icmp_type_matches(const std::string& ipv, const std::string& name);

// firewalld's reject type names (icmp-host-prohibited, tcp-reset, ...).
std::optional<Reject> reject_for_type(const std::string& type);

// `limit rate 3/minute` from a rich rule limit value "3/m".
std::optional<Statement> limit_statement(const std::optional<model::RichLimit>& limit);

// A plain `reject` (no type) after a match that fixes the network protocol becomes what nft's
// evaluator makes of it: `reject with icmp port-unreachable` (icmpv6 for IPv6); otherwise it
// stays icmpx, printed as bare `reject`.
void settle_default_reject(std::vector<Statement>& stmts);

// nft leaves out a `meta nfproto` match that a later ip/ip6/icmp/icmpv6 match implies (its
// dependency elimination when listing), and so does a `reject with icmp|icmpv6 ...` after it;
// so do we, to keep the IR what nft shows.
void drop_implied_nfproto(std::vector<Statement>& stmts);

}  // namespace fwctl::compiler
