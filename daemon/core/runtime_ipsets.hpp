#pragma once
// The runtime ipsets' entries, as firewalld 1.3.3's fw_ipset (add_entry, remove_entry,
// query_entry, get_entries, set_entries). A part of core::Firewall (docs/architecture.md, "The
// parts of core"): it owns the entry indexes (the checks in log time, ipset_entry_index.hpp) and
// the native ipsets (native_ipsets.hpp), and it is the one that changes the runtime sets'
// entries. The sets themselves stay in the runtime configuration, which the compiler reads and
// the whole loads (start, reload, restore) replace: the part is given a view of them.
//
// An entry change is checked here and described as a RuntimeChange (an EntryEdit: an element
// delta, nothing compiled), which goes to the firewall's commit point; the commit point sends it
// and, once the kernel accepted it, hands the edit back to adopt(). The native ipset is changed
// before the nft side and put back when the kernel refuses.
//
//   RuntimeIpsets ipsets(runtime.ipsets, netlink,
//                        [&](RuntimeChange c) { return fw.commit_runtime(std::move(c)); });
//   Status st = ipsets.add_entry("foo", "10.0.0.1");   // ALREADY_ENABLED, INVALID_ENTRY, ...
//   // in the commit point, after the kernel accepted: ipsets.adopt(std::move(*c.entries));

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/command_runner.hpp"
#include "common/result.hpp"
#include "core/ipset_entry_index.hpp"
#include "core/native_ipsets.hpp"
#include "core/runtime_change.hpp"
#include "model/config.hpp"
#include "nft/netlink.hpp"

namespace fwctl::core {

class RuntimeIpsets {
 public:
  using Sets = std::map<std::string, model::Item<model::IpSet>>;
  // The firewall's commit point: sends the change, adopt()s its entries once the kernel
  // accepted it; on error nothing changed.
  using Commit = std::function<Status(RuntimeChange)>;

  // `sets`: the runtime configuration's ipsets (they outlive the part). `netlink`: for the
  // entries of sets with a timeout, which go to the kernel alone.
  RuntimeIpsets(Sets& sets, nft::Netlink& netlink, Commit commit)
      : sets_(sets), netlink_(netlink), commit_(std::move(commit)) {}
  RuntimeIpsets(const RuntimeIpsets&) = delete;
  RuntimeIpsets& operator=(const RuntimeIpsets&) = delete;

  // The runner of the ipset tool (native ipsets); without one there are none.
  void set_runner(CommandRunner* runner) { native_.set_runner(runner); }

  // INVALID_IPSET for an unknown ipset. A set with a timeout lists no entries (its runtime
  // entries live in the kernel only).
  Result<const model::IpSet*> ipset(const std::string& name) const;
  bool has(const std::string& name) const { return sets_.count(name) != 0; }

  // The entry is normalized (normalize_ipset_entry), checked against the set's type
  // (INVALID_ENTRY), ALREADY_ENABLED "'1.2.3.4' already is in 'foo'", must not overlap another
  // (INVALID_ENTRY); one set-element message.
  Status add_entry(const std::string& name, const std::string& entry);
  // NOT_ENABLED "'1.2.3.4' not in 'foo'". A set with a timeout never has the entry.
  Status remove_entry(const std::string& name, const std::string& entry);
  // IPSET_WITH_TIMEOUT for a set with a timeout.
  Result<bool> query_entry(const std::string& name, const std::string& entry) const;
  // The whole list, as given (not normalized), after the overlap and per-entry checks; one
  // batch of the elements removed and added.
  Status set_entries(const std::string& name, const std::vector<std::string>& entries);

  // By the commit point only, once the kernel accepted `edit`.
  void adopt(EntryEdit edit);
  // The runtime configuration was replaced whole (a load): the indexes are rebuilt when used.
  void replaced() { indexes_.clear(); }
  // A reload with FlushAllOnReload=no, as firewalld's ("restore runtime-only ipsets"): a set
  // still in `next` gets back the entries the reload dropped, after its own; one no longer there
  // stays as it is at runtime.
  void keep_entries(Sets& next) const;

  // Every runtime ipset as a native ipset (the direct interface goes into use).
  Status create_native();
  // Every native ipset destroyed (a refusal is a warning).
  void destroy_native(std::vector<Error>& warnings) { native_.destroy_all(warnings); }

 private:
  // The index of set `name` (built on first use; entries are looked up often).
  IpsetEntryIndex& index(const std::string& name) const;
  // A set with a timeout: the entries go to the kernel only (firewalld keeps no list of them).
  Status add_timeout_entries(const std::string& name, const std::vector<std::string>& entries);

  Sets& sets_;
  nft::Netlink& netlink_;
  Commit commit_;
  NativeIpsets native_;
  mutable std::map<std::string, IpsetEntryIndex> indexes_;  // of sets_, kept in step
};

}  // namespace fwctl::core
