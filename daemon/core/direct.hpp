#pragma once
// The direct interface (firewalld's fw_direct.py with its ipXtables and ebtables backends):
// chains, rules and passthroughs given to iptables, ip6tables and ebtables. One owner of both its
// runtime entries and its permanent setting (SYSTEM_DIR/direct.xml): the D-Bus direct and
// config.direct interfaces change them here, core::Firewall only says when to load and re-apply.
// firewalld does this even with its nftables backend (on Debian those are the iptables-nft tools),
// so fwctl runs the same commands through a CommandRunner and keeps what it added, for query/get,
// for removal, and to re-apply it on reload.
//
// As firewalld does with nftables: a rule for a built-in chain goes into that chain ("INPUT",
// "INPUT_direct" alike), at the position its priority gives it (iptables -I CHAIN N); tracked
// changes go through iptables-restore -w -n (ebtables-restore --noflush), the untracked
// passthrough through iptables -w10 (ebtables --concurrent). A change that the tool refuses
// changes nothing here: COMMAND_FAILED "'/usr/sbin/iptables-restore -w -n' failed: <output>".
//
// Unlike firewalld, which flushes every table of every xtables tool at start, reload and exit,
// fwctl undoes only what it added itself: other programs' rules (docker, libvirt) stay.

#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "common/command_runner.hpp"
#include "common/result.hpp"
#include "config/loader.hpp"
#include "model/direct.hpp"

namespace fwctl::core {

// firewalld's passthrough method: a failing passthrough that only looks (-L/--list, and for
// ipv4/ipv6 -C/--check) is not logged; any other failing one is a warning.
bool passthrough_is_query(const std::string& ipv, const std::vector<std::string>& args);

class Direct {
 public:
  using Args = std::vector<std::string>;
  // True when `name` is a zone: "IN_public" and the like are reserved chain names.
  using IsZone = std::function<bool(const std::string& name)>;

  // `paths`: where direct.xml is (only the permanent setting's members use them).
  explicit Direct(IsZone is_zone, config::Paths paths = {})
      : is_zone_(std::move(is_zone)), paths_(std::move(paths)) {}

  // Without a runner every command fails (COMMAND_FAILED); fwctld sets the real one.
  void set_runner(CommandRunner* runner) { runner_ = runner; }
  // Runs before an entry goes in while none is in force (firewalld creates its native ipsets
  // then: see NativeIpsets); when it fails, so does the change, and nothing runs.
  void set_before_first_entry(std::function<Status()> hook) { before_first_ = std::move(hook); }

  // Runs the tool of `ipv` with `args` and returns its output (the untracked passthrough).
  Result<std::string> passthrough(const std::string& ipv, const Args& args);

  Status add_chain(const std::string& ipv, const std::string& table, const std::string& chain);
  Status remove_chain(const std::string& ipv, const std::string& table, const std::string& chain);
  Result<bool> query_chain(const std::string& ipv, const std::string& table,
                           const std::string& chain) const;
  Result<std::vector<std::string>> chains(const std::string& ipv, const std::string& table) const;

  Status add_rule(const model::DirectRule& rule);
  Status remove_rule(const model::DirectRule& rule);
  Result<bool> query_rule(const model::DirectRule& rule) const;
  // (priority, args) of the rules of one chain.
  Result<std::vector<std::pair<int, Args>>> rules(const std::string& ipv, const std::string& table,
                                                  const std::string& chain) const;

  Status add_passthrough(const model::DirectPassthrough& passthrough);
  Status remove_passthrough(const model::DirectPassthrough& passthrough);
  bool query_passthrough(const model::DirectPassthrough& passthrough) const {
    return state_.has(passthrough);
  }
  std::vector<Args> passthroughs(const std::string& ipv) const;

  // Everything in force, in firewalld's order.
  const model::DirectConfig& config() const { return state_; }

  // Adds every entry of `config` not in force yet (firewalld's set_config); an entry that fails
  // is reported in `warnings` and the others still go in.
  void apply(const model::DirectConfig& config, std::vector<Error>& warnings);
  // firewalld's apply_direct in one transaction (_start_apply_direct_rules): adds every entry of
  // `config` not in force yet, all or nothing. An entry refused before anything runs (a reserved
  // chain name, a passthrough that is not allowed) is reported in `warnings` and skipped, as
  // set_config logs it; when a tool refuses one (COMMAND_FAILED), what this call added is removed
  // again, newest first, and that error is returned.
  Status apply_all(const model::DirectConfig& config, std::vector<Error>& warnings);
  // Removes everything in force, passthroughs, then rules, then chains, newest first; what the
  // tool refuses is reported in `warnings` and forgotten all the same.
  void clear(std::vector<Error>& warnings);

  // ---- The permanent setting (core/permanent_direct.hpp) ----------------------------------
  const model::DirectConfig& permanent() const { return permanent_; }
  // config.direct.update: checked (core::checked_direct), written to the file, then the
  // permanent setting; the runtime entries follow on reload.
  Status set_permanent(const model::DirectConfig& config);
  // firewalld's _start_load_direct_rules: read anew from the file; a file that fails to read is
  // reported in `warnings` and what came before the failure is used.
  void load_permanent(std::vector<Error>& warnings);
  // The runtime entries the permanent setting does not have: what a reload with
  // FlushAllOnReload=no puts back.
  model::DirectConfig runtime_only() const;

 private:
  using ChainKey = std::tuple<std::string, std::string, std::string>;

  Status check_chain_name(const std::string& ipv, const std::string& table,
                          const std::string& chain) const;
  // Runs `commands` (each an argument list with its "-t table") in one restore of `ipv`'s tool.
  Status restore(const std::string& ipv, const std::vector<Args>& commands);
  Status change_rule(bool add, const model::DirectRule& rule);
  // restore() of what adds an entry, after the before_first_ hook when none is in force.
  Status restore_adding(const std::string& ipv, const std::vector<Args>& commands);

  IsZone is_zone_;
  config::Paths paths_;
  model::DirectConfig permanent_;
  CommandRunner* runner_ = nullptr;
  std::function<Status()> before_first_;
  model::DirectConfig state_;
  // Per chain, how many kernel rules each priority holds: where the next one is inserted.
  std::map<ChainKey, std::map<int, int>> positions_;
};

}  // namespace fwctl::core
