#pragma once
// The nft ruleset in the kernel, as fwctl last put it there, and the one way to change it:
// a new IR applied as one batch (docs/architecture.md, "one change = one batch").
//
//   KernelRuleset kernel(netlink);
//   kernel.load(compile(config, bindings));                 // start-up, reload: whole table
//   kernel.apply(compile(config2, bindings), &scope);      // runtime change: only the delta
//
// apply() sends only what differs: adding a port to a zone is one `insert rule` (or `add
// rule`) message, removing it one `delete rule ... handle H`, an ipset entry one element
// message. For that it keeps the kernel handle of every rule, learnt from the kernel's echo of
// each rule it adds (the full load's too).
//
// Either way the state changes only after the kernel accepted the whole batch. When the kernel
// refuses it, nothing of it took effect, the state is exactly as before, and the error is
// COMMAND_FAILED "<origin of the refused message>: <strerror>", e.g. "chain
// 'filter_IN_public_allow' rule 3: tcp dport 8080 accept: No such file or directory".
//
// What costs in proportion to the ruleset with apply(): the caller recompiles the whole IR for
// each change, and apply() compares it with the current one; apply_chains() and
// apply_elements() below take only what a change touches. The comparison is per chain and per
// set (std::vector ==, which stops at the first differing rule or element count), and a diff
// (rule_diff.hpp) runs only on chains whose rules differ; a set whose elements differ has both
// element lists sorted (pointers, n log n) to find the entries added and removed. Given a
// ChangeScope, only the chains and sets in it are compared at all; chain and set names are always
// compared (a hash lookup per chain). The batch itself, and the kernel's work, depend only on the
// change. A chain created by apply() is listed by `nft list ruleset` after the existing ones (the
// kernel keeps creation order), where a full load would list it in compiler order: same rules,
// other listing order.

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/result.hpp"
#include "compiler/element_delta.hpp"
#include "compiler/ir.hpp"
#include "core/change_scope.hpp"
#include "core/table_plan.hpp"
#include "nft/netlink.hpp"

namespace fwctl::core {

class KernelRuleset {
 public:
  explicit KernelRuleset(nft::Netlink& netlink);
  ~KernelRuleset();
  KernelRuleset(const KernelRuleset&) = delete;
  KernelRuleset& operator=(const KernelRuleset&) = delete;

  // Replaces each table of `next` whole, in one batch, and removes the tables fwctl had
  // loaded that `next` no longer has. A table the kernel holds from an earlier run is
  // replaced too (so a restart needs no cleanup first).
  Status load(compiler::Ruleset next);

  // Brings the kernel from the current ruleset to `next` in one batch of only the differences.
  // With `scope`, only the chains and sets it covers are compared (change_scope.hpp). A table
  // not loaded yet is loaded whole; a table whose change a delta cannot express (a ct helper's
  // protocol, a set's type, a base chain's hook changed) is replaced whole, in the same batch.
  // When the kernel refuses the delta because a table fwctl loaded is gone (another program
  // ran `nft flush ruleset`), `next` is loaded whole instead, as load() would: the change is
  // made and the table is back. Other tampering (a rule or chain of fwctl's table deleted by
  // another program) is not repaired: changes touching it are refused until a reload.
  Status apply(compiler::Ruleset next, const ChangeScope* scope = nullptr);

  // The incremental forms of apply() for a runtime change (issue 13), each one batch.
  //
  // apply_chains(): `partial` holds exactly the chains `scope` covers of table
  // `partial.family`/`partial.name` (compiler::compile_focused); each is compared with the
  // chain the kernel holds, a covered chain `partial` lacks is deleted, a new one created (listed
  // after the others, as the kernel lists it). Nothing else is compared, copied or sent: the
  // cost follows the covered chains. Its sets and ct helpers stay. False, with nothing sent, when
  // a delta cannot express it (the table is not loaded, its handles are incomplete, a base
  // chain's hook changed), or when the kernel refused it because another program removed the
  // table (then put back as it was): the caller then applies the whole IR.
  // `duplicated`: the chains of `partial` where the compile left out a rule equal to one it had
  // placed (TableBuilder); the others are recorded as free of that (duplicate_free()). Without
  // it, none of the covered chains is.
  Result<bool> apply_chains(compiler::Table partial, const ChangeScope& scope,
                            const std::set<std::string>* duplicated = nullptr);
  // Rule splices of table inet `table` (compiler/element_delta.hpp), one batch: each splice's
  // rules deleted by handle, its new rules inserted in front of the rule that follows them (or
  // appended). Nothing is compared: the cost follows the splices. False, with nothing sent, when
  // the table or a chain is not loaded or its handles are incomplete, or when the kernel refused
  // it because another program removed the table (then put back as it was).
  Result<bool> apply_splices(const std::string& table, std::vector<compiler::RuleSplice> splices);
  // Group commit (issue 13, core/kernel_group.cpp): between begin_group() and end_group(),
  // apply_splices() sends nothing. Its messages join the group's one batch, and the record (rules
  // and handles) changes at once, a rule added in the group holding a provisional handle until
  // the kernel's echo gives the real one. A splice that would delete or insert in front of such a
  // rule cannot join (the kernel knows no handle for it yet): apply_splices() then says false,
  // with nothing staged. The other forms (apply, apply_chains, apply_elements, load) must not be
  // called during a group.
  void begin_group();
  bool grouping() const { return group_ != nullptr; }
  // Sends the group's batch. Accepted: the staged splices stand, with the kernel's handles.
  // Refused: every staged splice is undone (the record is what it was at begin_group()), and the
  // kernel's error is returned; the kernel applied none of the batch.
  Status end_group();

  // An element delta of set `set` of table inet `table`: `gone` deleted, then `come` added (the
  // compiler's values, e.g. compiler::ipset_with_entries()). The recorded set changes in place,
  // in nft's listing order (compiler::insert_listed): no copy or sort of the set. COMMAND_FAILED
  // for a set that is not loaded. A table another program removed is put back first, as apply()
  // does.
  Status apply_elements(const std::string& table, const std::string& set,
                        const std::vector<std::vector<compiler::Value>>& gone,
                        const std::vector<std::vector<compiler::Value>>& come);

  // What the kernel holds (as far as fwctl put it there).
  const compiler::Ruleset& ruleset() const { return ruleset_; }
  // Table inet `table`; nullptr when not loaded.
  const compiler::Table* table(const std::string& table) const;
  // True when the last compile of chain `chain` (a whole one told by compiled_whole(), or
  // apply_chains() with `duplicated`, then splices) left out no rule as a duplicate: removing a
  // rule then uncovers no other.
  bool duplicate_free(const std::string& table, const std::string& chain) const;
  // After load() or apply() of a whole compile of table inet `table`: `duplicated` are its
  // chains where that compile left out a rule (compiler::compile's); the others are recorded
  // duplicate-free, so that the first removal after a start or reload splices too.
  void compiled_whole(const std::string& table, const std::set<std::string>& duplicated);
  // The kernel handles of `chain`'s rules in table `table` (family inet), in rule order;
  // nullptr for an unknown chain.
  const std::vector<uint64_t>* handles(const std::string& table, const std::string& chain) const;
  // The chains whose rules the last apply() compared (existing chains in its scope): what its
  // cost grew with. Tests check a change's scope with it.
  const std::vector<std::string>& last_compared() const { return last_compared_; }
  // How many times a table was created or replaced whole: its rule handles (and counters)
  // started over then, so what was known by handle before no longer holds (core/counters.hpp).
  uint64_t replacements() const { return replacements_; }

 private:
  struct SpliceTarget {
    compiler::Chain* chain;
    std::vector<uint64_t>* handles;
  };
  struct Group;  // kernel_group.cpp
  Result<bool> stage_splices(int t, const std::string& table, const std::vector<SpliceTarget>& at,
                             std::vector<compiler::RuleSplice> splices);
  static Status add_splice_messages(nft::Batch& batch, const std::string& table,
                                    const std::vector<compiler::RuleSplice>& splices,
                                    const std::vector<SpliceTarget>& targets, size_t* adding);

  struct TableHandles {
    ChainHandles chains;
    bool complete = true;  // false: an echo was missing; the next apply replaces the table
    std::unordered_set<std::string> duplicate_free;  // chains, see duplicate_free()
  };
  int find_inet(const std::string& table) const;

  // A set of a whole load equal to the recorded one: where its elements were lent from.
  struct Lent {
    size_t old_table, old_set, next_table, next_set;
  };
  std::vector<Lent> lend_equal_sets(compiler::Ruleset& next);
  void give_back(const std::vector<Lent>& lent, compiler::Ruleset& next,
                 std::vector<TablePlan>& plans);

  Status send(compiler::Ruleset next, const ChangeScope* scope, bool whole);
  Result<TablePlan> plan_table(nft::Batch& batch, compiler::Table&& next, const ChangeScope* scope,
                               bool whole) const;
  Status remove_dropped(nft::Batch& batch, const compiler::Ruleset& next) const;
  bool table_gone();
  bool restored_after_loss();
  void commit(std::vector<TablePlan>& plans, const std::vector<nft::Reply>& replies);
  int find_table(const compiler::Table& table) const;

  nft::Netlink& netlink_;
  compiler::Ruleset ruleset_;
  std::vector<TableHandles> handles_;  // parallel to ruleset_.tables
  std::vector<std::string> last_compared_;
  uint64_t replacements_ = 0;
  std::unique_ptr<Group> group_;  // between begin_group() and end_group()
};

}  // namespace fwctl::core
