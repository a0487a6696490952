#pragma once
// A batch of nf_tables messages that the kernel applies as one transaction (nftables' mnl.c
// pattern): the builders append one message per kernel object and verb, the whole batch is
// sent once (Netlink::send), and either every message takes effect or none does.
//
// Each message carries its origin ("chain 'filter_IN_public_allow' rule 2: tcp dport 22
// accept"), so that a kernel error can be reported against what caused it. Messages are stored
// back to back as complete netlink messages, without NLM_F_ACK (the sender asks for the last
// message's only); message i has sequence number i + 1 (the batch's begin and end markers are
// added by the sender).
//
// A builder fails only when the IR holds something it cannot encode (an unknown symbol, an
// address of the wrong family); the batch is then unchanged.

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/ir.hpp"
#include "nft/table_id.hpp"

struct nlmsghdr;

namespace fwctl::nft {

// Where add_rule puts a rule in its chain (nft's `add rule` and `insert rule ... position`).
struct RulePlace {
  enum class Kind { Append, Before };
  Kind kind = Kind::Append;
  uint64_t handle = 0;  // Before: the kernel handle of the rule to insert in front of

  static RulePlace append() { return {}; }
  static RulePlace before(uint64_t handle) { return {Kind::Before, handle}; }
};

struct Message {
  uint32_t offset = 0;  // into Batch::data()
  uint32_t length = 0;
  std::string origin;
};

class Batch {
 public:
  Batch();

  // add table inet firewalld [{ flags owner,persist; }]: creates it with `flags` ("dormant",
  // "owner", "persist"), or sets them on the existing table (the kernel refuses to change an
  // owner flag, or to touch a table another socket owns).
  Status add_table(const TableId& table, const std::vector<std::string>& flags = {});
  // add table inet firewalld, without flags: creates it when missing, and changes nothing on an
  // existing one whatever its flags (so that a delete can follow whether it existed or not).
  Status touch_table(const TableId& table);
  // delete table inet firewalld (with everything in it)
  Status del_table(const TableId& table);
  // add chain inet firewalld NAME [{ type T hook H priority P; policy accept; }]; no rules
  Status add_chain(const TableId& table, const compiler::Chain& chain);
  // flush chain inet firewalld NAME
  Status flush_chain(const TableId& table, const std::string& chain);
  // delete chain inet firewalld NAME
  Status del_chain(const TableId& table, const std::string& chain);
  // add ct helper inet firewalld NAME { type "ftp" protocol tcp; l3proto inet; }
  Status add_ct_helper(const TableId& table, const compiler::CtHelper& helper);
  // delete ct helper inet firewalld NAME (no rule may still use it)
  Status del_ct_helper(const TableId& table, const compiler::CtHelper& helper);
  // add flowtable inet firewalld NAME { hook ingress priority P; devices = { ... }; }
  Status add_flowtable(const TableId& table, const compiler::Flowtable& flowtable);
  // add set inet firewalld NAME { type T; flags F; }, then add element ... { set.elements }.
  // The elements are encoded once and streamed into messages of up to 256 elements.
  Status add_set(const TableId& table, const compiler::Set& set);
  // delete set inet firewalld NAME (with its elements; no rule may still refer to it)
  Status del_set(const TableId& table, const compiler::Set& set);
  // Tells the batch that `set` exists in the kernel already, so that rules added to this batch
  // encode their lookups into it correctly (an interval set needs host-order data converted).
  // Sends nothing.
  Status declare_set(const TableId& table, const compiler::Set& set);
  // add element inet firewalld NAME { elements }; `set` gives the name and type. These are
  // elements added to a loaded set: a whole interval set's leading zero end element (which
  // add_set sends) is not added again.
  Status add_set_elements(const TableId& table, const compiler::Set& set,
                          const std::vector<std::vector<compiler::Value>>& elements);
  // delete element inet firewalld NAME { elements }
  Status del_set_elements(const TableId& table, const compiler::Set& set,
                          const std::vector<std::vector<compiler::Value>>& elements);
  // add rule inet firewalld CHAIN STATEMENTS, at the end of the chain. With `echo` the kernel
  // returns the new rule, and Netlink::send reports its handle.
  Status add_rule(const TableId& table, const std::string& chain, const compiler::Rule& rule,
                  const std::string& origin, bool echo = false);
  // The same at `place`: `insert rule ... position H` puts it in front of the rule with handle
  // H (which must exist when the kernel reaches this message).
  Status add_rule(const TableId& table, const std::string& chain, const compiler::Rule& rule,
                  const std::string& origin, RulePlace place, bool echo);
  // delete rule inet firewalld CHAIN handle H
  Status del_rule(const TableId& table, const std::string& chain, uint64_t handle,
                  const std::string& origin);

  // Makes room for `bytes` more bytes of messages, so that a large batch grows its buffer once
  // instead of doubling (and copying) it several times on the way.
  void reserve(size_t bytes) { data_.reserve(data_.size() + bytes); }

  bool empty() const { return messages_.empty(); }
  size_t size() const { return messages_.size(); }
  const std::vector<Message>& messages() const { return messages_; }
  const std::vector<char>& data() const { return data_; }
  std::span<const char> bytes(size_t index) const;

 private:
  static char* scratch();
  nlmsghdr* begin_message(uint16_t type, uint16_t family, uint16_t flags);
  void end_message(const nlmsghdr* nlh, std::string origin);
  Status add_elements(uint16_t type, const TableId& table, const compiler::Set& set,
                      const std::vector<std::vector<compiler::Value>>& elements, bool whole);
  nlmsghdr* begin_elements(uint16_t type, uint16_t family, const TableId& table,
                           const std::string& set);
  void rollback(size_t messages, size_t bytes);

  std::vector<char> data_;
  std::vector<Message> messages_;
  std::map<std::string, bool> interval_sets_;  // "family table set" -> flags interval
  uint32_t next_set_id_ = 1;
};

// "<origin>: <strerror(err)>" as COMMAND_FAILED: what a kernel error on message `index` means.
Error message_error(const Batch& batch, size_t index, int err);

}  // namespace fwctl::nft
