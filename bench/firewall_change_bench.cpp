// Change bench through the daemon's commit point, child side (`fwchange NAME NETNS REPS DIR`):
// the workload is written as configuration files (DIR/etc-NAME), a core::Firewall starts from
// them in NETNS as fwctld does, then, REPS times, each runtime change is made as a D-Bus call
// makes it: add_port/remove_port, a rich rule added and removed, an interface bound to and
// unbound from public, and in the ipset workloads an entry added and removed and the entry
// listed first removed and added back. Each is timed whole (checks, focused compile or element
// delta, batch, send, ACKs, state swap); a Netlink decorator
// gives the batch's size and the time of send() alone. A warm-up round, not timed, checks the
// kernel's listing against the IR after each change.
//
// Output: "key value" lines, key = OP.MEASURE, e.g. "port_add.total_s 0.000123".

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "change_common.hpp"
#include "children.hpp"
#include "core/firewall.hpp"
#include "nft/mnl_netlink.hpp"
#include "proc.hpp"
#include "workloads.hpp"

namespace fwctl::bench {
namespace {

// The outcome of a call that answers with a value, as a Status.
template <typename T>
Status status_of(const Result<T>& result) {
  if (result) return ok();
  return result;  // its error
}

void print_kv(const std::string& key, double v) { std::printf("%s %.9f\n", key.c_str(), v); }

struct FwOp {
  const char* name;
  std::function<Status(core::Firewall&)> run;
};

std::vector<FwOp> firewall_ops(const std::string& zone, bool has_set) {
  const core::ZoneItem rule{core::ZoneElement::RichRule, {kExtraRule}};
  using Fw = core::Firewall;
  std::vector<FwOp> ops = {
      {"port_add", [=](Fw& fw) { return status_of(fw.add_port(zone, kExtraPort, "tcp")); }},
      {"port_del", [=](Fw& fw) { return status_of(fw.remove_port(zone, kExtraPort, "tcp")); }},
      {"rich_add", [=](Fw& fw) { return status_of(fw.add_zone_item(zone, rule)); }},
      {"rich_del", [=](Fw& fw) { return status_of(fw.remove_zone_item(zone, rule)); }},
      {"bind_add", [](Fw& fw) { return status_of(fw.add_interface("public", kExtraInterface)); }},
      {"bind_del",
       [](Fw& fw) { return status_of(fw.remove_interface("public", kExtraInterface)); }},
  };
  if (has_set) {
    ops.push_back(
        {"entry_add", [](Fw& fw) { return fw.add_ipset_entry("bench-ip", kExtraEntry); }});
    ops.push_back(
        {"entry_del", [](Fw& fw) { return fw.remove_ipset_entry("bench-ip", kExtraEntry); }});
    // The entry listed first (an old one): the list keeps firewalld's order, so all the others
    // move up; added back, it is listed last.
    auto first = std::make_shared<std::string>();
    ops.push_back({"first_del", [first](Fw& fw) {
                     *first = (*fw.ipset("bench-ip"))->entries.front();
                     return fw.remove_ipset_entry("bench-ip", *first);
                   }});
    ops.push_back(
        {"first_add", [first](Fw& fw) { return fw.add_ipset_entry("bench-ip", *first); }});
  }
  return ops;
}

}  // namespace

int firewall_change_main(const std::string& name, const std::string& netns, int reps,
                         const std::string& dir) {
  std::string error;
  if (reps < 1 || !netns_enter(netns, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const std::string etc = dir + "/etc-" + name;
  {
    Workload w;
    if (!make_workload(name, w) || !write_workload_tree(w, etc)) return 1;
  }  // the bench's own copy of the workload is gone before fwctl's state is measured
  auto mnl = nft::MnlNetlink::open();
  if (!mnl) {
    std::fprintf(stderr, "netlink: %s\n", mnl.error().message().c_str());
    return 1;
  }
  TimingNetlink netlink(**mnl);
  long rss0 = current_rss_kb();
  core::Firewall fw({FWCTL_SOURCE_DIR, etc}, netlink);
  double t0 = now_s();
  if (Status st = fw.start(); !st || fw.state() != core::State::Running) {
    std::fprintf(stderr, "start: %s\n", st ? "state FAILED" : st.error().message().c_str());
    return 1;
  }
  print_kv("start_s", now_s() - t0);
  print_kv("rss_before_kb", static_cast<double>(rss0));
  print_kv("rss_started_kb", static_cast<double>(current_rss_kb()));
  const bool has_set = fw.query_ipset("bench-ip");
  auto ops = firewall_ops(has_set ? "internal" : "public", has_set);
  // `nft list ruleset` of a 1,000,000-element set takes over a minute here: not checked (the
  // unit and integration tests check the same paths on small sets).
  const bool big = has_set && (*fw.ipset("bench-ip"))->entries.size() > 100000;
  int checks = 0, checks_ok = 0;
  for (int rep = -1; rep < reps; ++rep) {
    for (const auto& op : ops) {
      netlink.reset();
      SelfUsage u0 = self_usage();
      double a = now_s();
      Status st = op.run(fw);
      double b = now_s();
      SelfUsage u1 = self_usage();
      if (!st) {
        std::fprintf(stderr, "%s: %s\n", op.name, st.error().message().c_str());
        return 1;
      }
      if (rep < 0 && big) continue;  // nft cannot list it within the check's limit
      if (rep < 0) {                 // the warm-up round: checked, not timed
        ++checks;
        checks_ok += kernel_matches(fw.kernel().ruleset(), dir, name + "-fw-" + op.name) ? 1 : 0;
        continue;
      }
      std::string key = std::string(op.name) + ".";
      print_kv(key + "total_s", b - a);
      print_kv(key + "send_s", netlink.send_s);
      print_kv(key + "cpu_s", (u1.user_s - u0.user_s) + (u1.sys_s - u0.sys_s));
      print_kv(key + "messages", static_cast<double>(netlink.messages));
      print_kv(key + "bytes", static_cast<double>(netlink.bytes));
    }
  }
  print_kv("rss_end_kb", static_cast<double>(current_rss_kb()));
  print_kv("peak_rss_kb", static_cast<double>(self_usage().maxrss_kb));
  print_kv("checks", checks);
  print_kv("checks_ok", checks_ok);
  return 0;
}

}  // namespace fwctl::bench
