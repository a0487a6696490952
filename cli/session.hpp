#pragma once
// One fwctl invocation against the daemon: firewall-cmd's dispatch after the usage checks,
// split by family (runtime, permanent, the other object kinds). Each handler either exits
// (throws Exit) or returns to let run() print "success", as firewall-cmd falls through.

#include <string>
#include <vector>

#include "checks.hpp"
#include "client.hpp"
#include "options.hpp"
#include "printer.hpp"
#include "zone_flags.hpp"
#include "zone_lists.hpp"

namespace fwctl::cli {

struct Session {
  Args& a;
  const Families& f;
  const Printer& p;
  Client& c;
  int timeout = 0;
  std::string zone;  // a.zone ("" for the default zone)
  std::string prog;
  bool offline_cmd = false;  // firewall-offline-cmd's command line: its usage line

  Bus& bus() { return c.bus(); }
  [[noreturn]] void print_list(const std::vector<std::string>& items, const char* sep = " ") const;
  [[noreturn]] void fail_usage(const std::string& text) const;

  // Return true when they handled the command (and did not exit).
  bool runtime_general();
  bool runtime_objects();  // direct, panic, ipsets, helpers, lockdown and its whitelist
  bool runtime_zone();
  ListActions runtime_list_actions(ZoneList list);
  FlagActions runtime_flag_actions(const ZoneFlagRow& row);
  bool runtime_policy();
  // --policy-set=PREFIX (firewalld 2.4): the --policy edit on every policy named PREFIX...
  void policy_set();
  void permanent();
  bool permanent_kinds();  // ipsets, helpers, icmptypes, services, policies, lockdown, direct
  void permanent_zone();
};

// fwctl's entry point: argv without the program name, `prog` for the messages.
int run(const std::vector<std::string>& argv, const std::string& prog, std::ostream& out,
        std::ostream& err, bool err_is_tty);

}  // namespace fwctl::cli
