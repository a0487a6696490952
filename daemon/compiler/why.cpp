#include "compiler/why.hpp"

#include <algorithm>

#include "compiler/fragments.hpp"
#include "compiler/why_match.hpp"

namespace fwctl::compiler {
namespace why_walk {

// How a rule or chain ended: Next (the rule did not fire or let the walk go on to the next rule),
// Continue (the chain fell off its end or returned), or a verdict.
enum class End { Next, Continue, Accept, Drop, Reject, Unknown };

struct Walker {
  const Table& table;
  WhyContext ctx;
  WhyResult& result;
  int depth = 0;

  void decide(const std::string& chain, const Rule& rule, Outcome outcome, const char* word) {
    result.outcome = outcome;
    result.deciding_chain = chain;
    result.deciding = &rule;
    result.reason = rule.origin.text + ": " + word;
  }

  void unknown(const std::string& chain, const Rule& rule, const std::string& why) {
    result.outcome = Outcome::Unknown;
    result.deciding_chain = chain;
    result.deciding = &rule;
    result.reason = "cannot tell: " + why + " (" + rule.origin.text + ")";
  }

  // "zone public, interface eth0" on a _ZONES dispatch rule names where the packet lands.
  void note_zone(const std::string& chain, const Rule& rule) {
    if (!result.zone.empty() || chain.find("_ZONES") == std::string::npos) return;
    const std::string& o = rule.origin.text;
    if (o.rfind("zone ", 0) != 0) return;
    auto comma = o.find(", ");
    result.zone = o.substr(5, comma == std::string::npos ? std::string::npos : comma - 5);
    result.zone_reason = comma == std::string::npos ? "" : o.substr(comma + 2);
  }

  // The statements after the matches: Yes when the rule fired.
  End fire(const std::string& chain, const Rule& rule, size_t first) {
    for (size_t i = first; i < rule.stmts.size(); ++i) {
      const auto& s = rule.stmts[i];
      if (const auto* v = std::get_if<Verdict>(&s)) return verdict(chain, rule, *v);
      if (std::holds_alternative<Reject>(s)) {
        record(chain, rule, "");
        decide(chain, rule, Outcome::Reject, "reject");
        return End::Reject;
      }
      if (std::holds_alternative<Dnat>(s) || std::holds_alternative<Redirect>(s)) {
        rewrite_destination(s);
        record(chain, rule,
               ctx.forward_after_dnat ? "destination rewritten: the packet is routed on (forward)"
                                      : "destination rewritten");
        return End::Accept;
      }
      if (std::holds_alternative<Masquerade>(s)) {
        record(chain, rule, "source rewritten");
        return End::Accept;
      }
      if (const auto* m = std::get_if<MarkSet>(&s); m && m->mask.empty()) ctx.mark = m->value;
      if (std::holds_alternative<Limit>(s)) record(chain, rule, "taken as under its limit");
    }
    record(chain, rule, "");  // log, counter, helper, mark, mss: the walk goes on
    return End::Next;
  }

  // ct status dnat from now on. A forward-port to another address sends the packet on through
  // forward (firewalld's to-addr is another host: the evaluator does not know the routes).
  void rewrite_destination(const Statement& s) {
    ctx.dnat = true;
    std::string port;
    if (const auto* d = std::get_if<Dnat>(&s)) {
      port = d->port;
      if (d->addr != ctx.packet.daddr) {
        ctx.packet.daddr = d->addr;
        ctx.forward_after_dnat = ctx.packet.direction == Direction::Incoming;
      }
    } else {
      port = std::get<Redirect>(s).port;
    }
    if (!port.empty()) ctx.packet.dport = std::stoi(port.substr(0, port.find('-')));
  }

  End verdict(const std::string& chain, const Rule& rule, const Verdict& v) {
    switch (v.kind) {
      case VerdictKind::Accept:
        record(chain, rule, "");
        decide(chain, rule, Outcome::Accept, "accept");
        return End::Accept;
      case VerdictKind::Drop:
        record(chain, rule, "");
        decide(chain, rule, Outcome::Drop, "drop");
        return End::Drop;
      case VerdictKind::Return:
        record(chain, rule, "");
        return End::Continue;
      case VerdictKind::Jump:
      case VerdictKind::Goto: {
        size_t mark = result.path.size();
        record(chain, rule, "");
        note_zone(chain, rule);
        End end = walk(v.target);
        // After a goto the packet does not come back here: it returns to this chain's caller.
        if (end != End::Continue) return end;
        prune(mark);
        return v.kind == VerdictKind::Goto ? End::Continue : End::Next;
      }
    }
    return End::Unknown;
  }

  // A detour that came back without a decision or anything else worth telling (only jumps and
  // ends of chains) leaves the path: what is left is the way to the verdict.
  void prune(size_t mark) {
    auto& path = result.path;
    bool telling = std::any_of(path.begin() + static_cast<std::ptrdiff_t>(mark), path.end(),
                               [](const WhyStep& s) { return s.rule && !jumps(*s.rule); });
    if (!telling) path.resize(mark);
  }

  static bool jumps(const Rule& rule) {
    const auto* v = rule.stmts.empty() ? nullptr : std::get_if<Verdict>(&rule.stmts.back());
    return v && (v->kind == VerdictKind::Jump || v->kind == VerdictKind::Goto);
  }

  void record(const std::string& chain, const Rule& rule, const std::string& note) {
    result.path.push_back({chain, &rule, note});
  }

  // One rule: its matches, then, when all say yes, its statements.
  End rule_end(const std::string& chain, const Rule& rule) {
    size_t i = 0;
    for (; i < rule.stmts.size(); ++i) {
      const auto* m = std::get_if<Match>(&rule.stmts[i]);
      if (!m) break;
      std::string why;
      Tri t = eval_match(*m, ctx, why);
      if (t == Tri::No) return End::Next;
      if (t == Tri::Unknown) {
        if (!decides(rule)) {
          result.path.push_back({chain, &rule, "skipped, no verdict: " + why});
          return End::Next;
        }
        unknown(chain, rule, why);
        return End::Unknown;
      }
    }
    return fire(chain, rule, i);
  }

  static bool decides(const Rule& rule) {
    return std::any_of(rule.stmts.begin(), rule.stmts.end(), [](const Statement& s) {
      return std::holds_alternative<Verdict>(s) || std::holds_alternative<Reject>(s) ||
             std::holds_alternative<Dnat>(s) || std::holds_alternative<Redirect>(s) ||
             std::holds_alternative<Masquerade>(s) || std::holds_alternative<MarkSet>(s);
    });
  }

  End walk(const std::string& name) {
    const Chain* chain = table.find_chain(name);
    if (!chain || ++depth > 64) {
      result.reason = "cannot tell: no chain " + name;
      return End::Unknown;
    }
    for (const auto& rule : chain->rules) {
      End end = rule_end(name, rule);
      if (end != End::Next) {
        --depth;
        return end;
      }
    }
    --depth;
    result.path.push_back({name, nullptr, "no rule decides: back to the calling chain"});
    return End::Continue;
  }
};

std::vector<std::string> hooks(Direction d) {
  switch (d) {
    case Direction::Incoming:
      return {"prerouting", "input"};
    case Direction::Forwarded:
      return {"prerouting", "forward", "postrouting"};
    case Direction::Outgoing:
      return {"output", "postrouting"};
  }
  return {};
}

}  // namespace why_walk

WhyResult why(const Ruleset& ruleset, const Packet& packet) {
  using namespace why_walk;
  WhyResult result;
  const Table* table = nullptr;
  for (const auto& t : ruleset.tables)
    if (t.family == "inet" && t.name == "firewalld") table = &t;
  if (!table) {
    result.reason = "no table inet firewalld: everything passes";
    result.outcome = Outcome::Accept;
    return result;
  }
  // firewalld's ICMP type names ("neighbour-solicitation") as nft's ("nd-neighbor-solicit").
  Packet p = packet;
  for (const auto& s : icmp_type_matches(p.family, p.icmp_type)) {
    const auto& m = std::get<Match>(s);
    const auto& text = std::get<Value>(m.right).text;
    if (std::get<Payload>(m.left[0]).field == "type") p.icmp_type = text;
    else p.icmp_code = std::stoi(text);
  }
  Walker w{*table, WhyContext{p, *table, {}}, result};
  for (std::string hook : hooks(packet.direction)) {
    if (hook == "input" && w.ctx.forward_after_dnat) hook = "forward";
    std::vector<const Chain*> bases;
    for (const auto& c : table->chains)
      if (c.base && c.base->hook == hook) bases.push_back(&c);
    std::stable_sort(bases.begin(), bases.end(), [](const Chain* a, const Chain* b) {
      return a->base->priority < b->base->priority;
    });
    w.ctx.hook = hook;
    for (const Chain* base : bases) {
      size_t mark = result.path.size();
      End end = w.walk(base->name);
      if (end == End::Continue) w.prune(mark);
      if (end == End::Drop || end == End::Reject || end == End::Unknown) return result;
      if (end == End::Accept) continue;  // accepted by this base chain: on to the next one
      if (base->base->policy == "drop") {
        result.outcome = Outcome::Drop;
        result.deciding_chain = base->name;
        result.reason = "policy drop of chain " + base->name;
        return result;
      }
    }
  }
  // Nothing refused it: the last accept (or the base chains' policy accept) lets it through.
  if (!result.deciding) {
    result.outcome = Outcome::Accept;
    result.reason = "no rule decides: the base chains' policy accept";
  }
  return result;
}

}  // namespace fwctl::compiler
