#include "compiler/rich_output.hpp"

#include <algorithm>

#include "compiler/fragments.hpp"
#include "compiler/policy_chains.hpp"

namespace fwctl::compiler {
namespace {

using model::RichActionType;

std::string priority_suffix(int priority, const char* at_zero) {
  return priority == 0 ? at_zero : priority < 0 ? "pre" : "post";
}

Statement mark_statement(const std::string& set) {
  auto slash = set.find('/');
  if (slash == std::string::npos) return MarkSet{mark_hex(set), {}};
  return MarkSet{mark_hex(set.substr(0, slash)), mark_hex(set.substr(slash + 1))};
}

// nft adds `meta l4proto tcp` in front of a tcp reset that nothing else restricts to TCP.
void add_tcp_reset_dependency(std::vector<Statement>& stmts) {
  bool has_tcp = std::any_of(stmts.begin(), stmts.end(), [](const Statement& s) {
    const auto* m = std::get_if<Match>(&s);
    const auto* p = m ? std::get_if<Payload>(&m->left[0]) : nullptr;
    return p && p->protocol == "tcp";
  });
  if (!has_tcp) stmts.insert(stmts.begin(), meta_match("l4proto", symbol("tcp")));
}

std::optional<Statement> action_statement(Context& ctx, const model::RichAction& action) {
  switch (action.type) {
    case RichActionType::Accept:
      return accept();
    case RichActionType::Drop:
      return drop();
    case RichActionType::Mark:
      return mark_statement(action.mark_set);
    case RichActionType::Reject:
      if (action.reject_type.empty()) return Reject{};
      if (auto r = reject_for_type(action.reject_type)) return *r;
      ctx.fail(Code::INVALID_RULE, "reject type " + action.reject_type);
      return std::nullopt;
  }
  return std::nullopt;
}

Log log_of(const std::variant<model::RichLog, model::RichNflog>& log) {
  Log out;
  if (const auto* l = std::get_if<model::RichLog>(&log)) {
    out.prefix = l->prefix;
    out.level = l->level == "warning" ? "warn" : l->level;
  } else {
    const auto& n = std::get<model::RichNflog>(log);
    out.prefix = n.prefix;
    out.group = n.group.empty() ? 0u : static_cast<unsigned>(std::stoul(n.group));
    if (!n.queue_size.empty())
      out.queue_threshold = static_cast<unsigned>(std::stoul(n.queue_size));
  }
  return out;
}

const std::optional<model::RichLimit>& log_limit(
    const std::variant<model::RichLog, model::RichNflog>& log) {
  if (const auto* l = std::get_if<model::RichLog>(&log)) return l->limit;
  return std::get<model::RichNflog>(log).limit;
}

std::vector<Statement> with_tail(std::vector<Statement> exprs,
                                 const std::optional<model::RichLimit>& limit, Statement last) {
  if (auto l = limit_statement(limit)) exprs.push_back(*l);
  exprs.push_back(std::move(last));
  return exprs;
}

}  // namespace

std::vector<Statement> rich_head(Context& ctx, const model::RichRule* rich,
                                 const std::string& destination) {
  std::vector<Statement> out;
  if (rich && !rich->family.empty()) out.push_back(meta_match("nfproto", symbol(rich->family)));
  if (!destination.empty()) {
    if (auto m = addr_match(ctx, "daddr", destination)) out.push_back(*m);
  }
  if (!rich) return out;
  if (const auto& d = rich->destination) {
    std::string addr = d->ipset.empty() ? d->address : "ipset:" + d->ipset;
    if (auto m = addr_match(ctx, "daddr", addr, d->invert)) out.push_back(*m);
  }
  if (const auto& s = rich->source) {
    std::string addr = !s->ipset.empty() ? "ipset:" + s->ipset
                       : !s->mac.empty() ? s->mac
                                         : s->address;
    if (auto m = addr_match(ctx, "saddr", addr, s->invert)) out.push_back(*m);
  }
  return out;
}

std::string rich_action_suffix(const model::RichRule& rich) {
  const auto* e = rich.element ? &*rich.element : nullptr;
  bool allow_element = e && (std::holds_alternative<model::RichMasquerade>(*e) ||
                             std::holds_alternative<model::RichForwardPort>(*e) ||
                             std::holds_alternative<model::RichTcpMssClamp>(*e));
  bool allow_action = rich.action && (rich.action->type == RichActionType::Accept ||
                                      rich.action->type == RichActionType::Mark);
  const char* at_zero = allow_element || allow_action ? "allow" : "deny";
  return priority_suffix(rich.priority, at_zero);
}

void add_rich_placed(Context& ctx, const std::string& chain, std::vector<Statement> stmts,
                     const model::RichRule* rich) {
  settle_default_reject(stmts);
  drop_implied_nfproto(stmts);
  if (!rich || rich->priority == 0) {
    ctx.out.append(chain, Rule{std::move(stmts)});
  } else {
    ctx.out.add_by_priority(chain, Rule{std::move(stmts)}, rich->priority,
                            TableBuilder::Counter::RichRule);
  }
}

// <exprs> [limit] log ...      -> _log (or _pre/_post)
// <exprs> [limit] log level audit
// <exprs> [limit] <action>     -> _allow/_deny (or _pre/_post); marks go to mangle
void emit_rich_outputs(Context& ctx, const PolicySpec& spec, const model::RichRule& rich,
                       const std::string& table, const std::vector<Statement>& exprs) {
  std::string log_chain = policy_chain(spec, table) + "_" + priority_suffix(rich.priority, "log");
  if (rich.log) {
    add_rich_placed(ctx, log_chain, with_tail(exprs, log_limit(*rich.log), log_of(*rich.log)),
                    &rich);
  }
  if (rich.audit) {
    add_rich_placed(ctx, log_chain, with_tail(exprs, rich.audit->limit, Log{{}, "audit", {}, {}}),
                    &rich);
  }
  if (!rich.action) return;
  auto action = action_statement(ctx, *rich.action);
  if (!action) return;
  std::string action_table = rich.action->type == RichActionType::Mark ? "mangle" : table;
  auto stmts = with_tail(exprs, rich.action->limit, *action);
  if (const auto* r = std::get_if<Reject>(&*action); r && r->type == "tcp reset") {
    add_tcp_reset_dependency(stmts);
  }
  add_rich_placed(ctx, policy_chain(spec, action_table) + "_" + rich_action_suffix(rich),
                  std::move(stmts), &rich);
}

}  // namespace fwctl::compiler
