#include "trace.hpp"

#include <net/if.h>
#include <signal.h>

#include <map>
#include <ostream>
#include <tuple>
#include <vector>

#include "bus.hpp"
#include "client.hpp"
#include "compiler/why.hpp"
#include "nft/batch.hpp"
#include "nft/mnl_netlink.hpp"
#include "nft/trace.hpp"
#include "own_interface.hpp"

namespace fwctl::cli {
namespace {

using compiler::Match;
using compiler::Value;
using compiler::ValueKind;

const nft::TableId kFirewalld{"inet", "firewalld"};
constexpr const char* kPre = "fwctl_trace_PREROUTING";
constexpr const char* kOut = "fwctl_trace_OUTPUT";
constexpr int kTracePriority = -350;  // before raw (-300) and every chain of fwctld's

volatile sig_atomic_t stop_requested = 0;
void request_stop(int) { stop_requested = 1; }

struct Origin {
  std::string origin;
  std::string text;
};
using Origins = std::map<std::pair<std::string, uint64_t>, Origin>;

Match eq(compiler::Selector left, ValueKind kind, const std::string& text) {
  return Match{{std::move(left)}, compiler::Op::Eq, Value{kind, text}};
}

// The matches of PACKET for one hook (prerouting sees no out-interface, output no in-).
std::vector<compiler::Statement> matches(const compiler::Packet& k, bool output) {
  std::vector<compiler::Statement> out;
  const bool v6 = k.family == "ipv6";
  if (!k.protocol.empty()) {
    std::string proto = k.protocol == "icmpv6" ? "ipv6-icmp" : k.protocol;
    out.push_back(eq(compiler::Meta{"l4proto"}, ValueKind::Symbol, proto));
  }
  const std::string ip = v6 ? "ip6" : "ip";
  using compiler::Payload;
  if (!k.saddr.empty()) out.push_back(eq(Payload{ip, "saddr"}, ValueKind::Address, k.saddr));
  if (!k.daddr.empty()) out.push_back(eq(Payload{ip, "daddr"}, ValueKind::Address, k.daddr));
  if (k.sport >= 0)
    out.push_back(eq(Payload{"th", "sport"}, ValueKind::Integer, std::to_string(k.sport)));
  if (k.dport >= 0)
    out.push_back(eq(Payload{"th", "dport"}, ValueKind::Integer, std::to_string(k.dport)));
  if (!output && !k.iif.empty())
    out.push_back(eq(compiler::Meta{"iifname"}, ValueKind::String, k.iif));
  if (output && !k.oif.empty())
    out.push_back(eq(compiler::Meta{"oifname"}, ValueKind::String, k.oif));
  out.push_back(compiler::NftraceSet{});
  return out;
}

// Which hooks can see the packet: an in-interface rules out output, an out-interface alone
// rules out prerouting.
bool traces_prerouting(const compiler::Packet* k) {
  return !k || !k->iif.empty() || k->oif.empty();
}
bool traces_output(const compiler::Packet* k) { return !k || k->iif.empty(); }

compiler::Chain trace_chain(const char* name, const char* hook, const compiler::Packet* k) {
  compiler::Chain chain{name, compiler::BaseHook{"filter", hook, kTracePriority, "accept"}, {}};
  compiler::Packet any;
  chain.rules.push_back({matches(k ? *k : any, std::string(hook) == "output"), {}});
  return chain;
}

Status install(nft::Netlink& netlink, const compiler::Packet* k) {
  nft::Batch batch;
  for (auto [name, hook] : {std::pair{kPre, "prerouting"}, std::pair{kOut, "output"}}) {
    if (hook == std::string("prerouting") ? !traces_prerouting(k) : !traces_output(k)) continue;
    compiler::Chain chain = trace_chain(name, hook, k);
    if (Status st = batch.add_chain(kFirewalld, chain); !st) return st;
    if (Status st = batch.add_rule(kFirewalld, name, chain.rules[0], "fwctl --trace"); !st)
      return st;
  }
  auto sent = netlink.send(batch);
  if (!sent) return sent;
  return ok();
}

// Deletes what install() added, in one batch; when the kernel refuses it (fwctld replaced its
// table, and a chain is gone with it), each chain that is left on its own.
void uninstall(nft::Netlink& netlink, const compiler::Packet* k) {
  std::vector<const char*> chains;
  if (traces_prerouting(k)) chains.push_back(kPre);
  if (traces_output(k)) chains.push_back(kOut);
  nft::Batch both;
  for (const char* name : chains) (void)both.del_chain(kFirewalld, name);
  if (netlink.send(both)) return;
  for (const char* name : chains) {
    nft::Batch one;
    if (one.del_chain(kFirewalld, name)) (void)netlink.send(one);
  }
}

std::string interface_name(uint32_t index) {
  char name[IF_NAMESIZE] = {};
  return index && if_indextoname(index, name) ? name : std::to_string(index);
}

// One packet's reports, printed as a block once they are all in.
class PacketReport {
 public:
  PacketReport(const Origins& origins, std::ostream& out) : origins_(origins), out_(out) {}
  bool empty() const { return events_.empty(); }
  uint32_t id() const { return events_.empty() ? 0 : events_.front().id; }
  void add(nft::TraceEvent e) { events_.push_back(std::move(e)); }
  void print(int number);
  void clear() { events_.clear(); }

 private:
  const Origin* origin_of(const nft::TraceEvent& e) const {
    auto it = origins_.find({e.chain, e.handle});
    return it == origins_.end() ? nullptr : &it->second;
  }
  const Origins& origins_;
  std::ostream& out_;
  std::vector<nft::TraceEvent> events_;
};

void PacketReport::print(int number) {
  const auto& first = events_.front();
  out_ << "packet " << number << ": " << (first.nfproto == 10 ? "ipv6" : "ipv4");
  if (first.iif) out_ << " in " << interface_name(first.iif);
  if (first.oif) out_ << " out " << interface_name(first.oif);
  out_ << "\npath:\n";
  const nft::TraceEvent* decided = nullptr;
  for (const auto& e : events_) {
    if (e.table != "firewalld" || e.chain.rfind("fwctl_trace_", 0) == 0) continue;
    // The end of a regular chain comes as a report without a rule: the walk goes back up.
    if (e.type == nft::TraceEvent::Type::Rule && e.handle == 0) continue;
    if (e.type == nft::TraceEvent::Type::Rule) {
      const Origin* o = origin_of(e);
      out_ << "  " << e.chain << ": " << (o ? o->text : "handle " + std::to_string(e.handle));
      if (o && !o->origin.empty()) out_ << "    # " << o->origin;
      out_ << '\n';
    } else if (e.type == nft::TraceEvent::Type::Policy) {
      out_ << "  " << e.chain << ": policy " << e.verdict << '\n';
    }
    if (e.verdict == "accept" || e.verdict == "drop") decided = &e;
  }
  if (!decided) {
    out_ << "verdict: none seen in table inet firewalld\n";
    return;
  }
  const Origin* o = origin_of(*decided);
  std::string verdict = decided->verdict;
  if (verdict == "drop" && o && o->text.find("reject") != std::string::npos) verdict = "reject";
  out_ << "verdict: " << verdict << '\n';
  if (decided->type == nft::TraceEvent::Type::Policy) {
    out_ << "  policy of chain " << decided->chain << ": " << verdict << '\n';
  } else if (o) {
    out_ << "  " << (o->origin.empty() ? "(no origin)" : o->origin) << ": " << verdict << '\n'
         << "  nft: table inet firewalld chain " << decided->chain << ": " << o->text << '\n';
  }
}

[[noreturn]] void fail_with(const Printer& p, const Error& error) {
  p.and_exit("Error: " + error.message(), error_code(error.message()));
}

Origins fetch_origins(const Printer& p) {
  std::vector<sdbus::Struct<std::string, uint64_t, std::string, std::string>> rules;
  call_fwctl(p, [&](sdbus::IProxy& fwctl) {
    fwctl.callMethod("getRuleOrigins").onInterface(kFwctlInterface).storeResultsTo(rules);
  });
  Origins out;
  for (const auto& r : rules)
    out[{std::get<0>(r), std::get<1>(r)}] = {std::get<2>(r), std::get<3>(r)};
  return out;
}

}  // namespace

std::string trace_usage_error(const Args& a) {
  if (a.given("count") && !a.given("trace")) return "--count goes with --trace";
  if (!a.given("trace")) return {};
  if (const auto* option = a.given_except({"trace", "count", "quiet", "verbose"}))
    return "--trace cannot be combined with " + option->names.back();
  if (a.list("trace").size() > 1) return "--trace takes one packet pattern";
  if (a.given("count")) {
    const std::string n = a.str("count");
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(n) < 1)
      return "--count takes a number of packets, 1 or more";
  }
  return {};
}

int run_trace(const Args& a, const Printer& p, std::ostream& out, std::ostream& err) {
  std::optional<compiler::Packet> pattern;
  if (!a.list("trace").empty()) {
    auto parsed = compiler::parse_packet(a.list("trace").front());
    if (!parsed) fail_with(p, parsed.error());
    pattern = *parsed;
  }
  const int count = a.given("count") ? std::stoi(a.str("count")) : 0;
  Origins origins = fetch_origins(p);
  auto socket = nft::TraceSocket::open();
  if (!socket) fail_with(p, socket.error());
  auto netlink = nft::MnlNetlink::open();
  if (!netlink) fail_with(p, netlink.error());
  const compiler::Packet* k = pattern ? &*pattern : nullptr;
  if (Status st = install(**netlink, k); !st) fail_with(p, st.error());
  struct sigaction action {};
  action.sa_handler = request_stop;  // no SA_RESTART: poll() returns EINTR
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  if (!p.quiet())
    err << "tracing " << (k ? compiler::to_text(*k) : std::string("every packet"))
        << " in table inet firewalld; Ctrl-C ends" << std::endl;
  PacketReport report(origins, out);
  int printed = 0;
  auto flush = [&] {
    if (report.empty()) return;
    report.print(++printed);
    out << std::flush;
    report.clear();
  };
  int code = 0;
  while (!stop_requested && (!count || printed < count)) {
    auto event = (*socket)->next(200);
    if (!event) {
      err << "Error: " << event.error().message() << '\n';
      code = error_code(event.error().message());
      break;
    }
    if (!*event) {  // quiet for 200 ms: the packet seen last is complete
      flush();
      continue;
    }
    if (!report.empty() && (*event)->id != report.id()) flush();
    if (!count || printed < count) report.add(std::move(**event));
  }
  if (!count || printed < count) flush();
  uninstall(**netlink, k);
  return code;
}

}  // namespace fwctl::cli
