#pragma once
// firewalld's ipset backend as its nftables mode uses it. An iptables rule of the direct
// interface names an ipset with "-m set --match-set NAME", which looks for a native ipset, not
// an nftables set. So while the direct interface holds anything (a chain, a rule, a tracked
// passthrough), firewalld keeps every ipset in the ipset tool too: it creates them all when the
// direct interface goes into use, mirrors entry changes, destroys at reload the ones no longer
// configured and at exit all it created. It does not look at what the direct rules say. fwctld
// does the same through a CommandRunner. Without the ipset tool there is no native ipset, as
// firewalld runs without its ipset backend then.

#include <set>
#include <string>
#include <vector>

#include "common/command_runner.hpp"
#include "common/result.hpp"
#include "model/ipset.hpp"

namespace fwctl::core {

class NativeIpsets {
 public:
  static constexpr const char* kCommand = "/usr/sbin/ipset";

  // Without a runner nothing is created (no ipset tool).
  void set_runner(CommandRunner* runner) { runner_ = runner; }

  // (Re)creates `set` with its entries in one `ipset restore`. A set with the same name is
  // destroyed first, as firewalld's apply_ipset does, so that another type can take the name.
  Status create(const std::string& name, const model::IpSet& set);
  // `ipset add` / `ipset del` of one entry, for a set created here; nothing otherwise.
  Status add(const std::string& name, const std::string& entry);
  Status remove(const std::string& name, const std::string& entry);
  // `ipset destroy` of each set of `names` that was created here; a refusal is a warning.
  void destroy(const std::vector<std::string>& names, std::vector<Error>& warnings);
  void destroy_all(std::vector<Error>& warnings);

  bool created(const std::string& name) const { return created_.count(name) != 0; }

 private:
  // COMMAND_FAILED "'/usr/sbin/ipset <args>' failed: <output>" when the tool refuses.
  Status run(const std::vector<std::string>& args, const std::string& input = {});

  CommandRunner* runner_ = nullptr;
  bool missing_ = false;  // the tool could not be started: firewalld's ipset_enabled is false
  std::set<std::string> created_;
};

}  // namespace fwctl::core
