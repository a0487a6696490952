// --direct, runtime and --permanent. The runtime and the config interfaces have the same method
// names, so one template serves both, and --offline's store of the permanent direct.xml
// (offline_direct.hpp) too.
#include <iostream>

#include "argparse.hpp"
#include "info_format.hpp"
#include "item_lists.hpp"
#include "model/python_int.hpp"
#include "offline_direct.hpp"
#include "session.hpp"
#include "values.hpp"

namespace fwctl::cli {
namespace {

std::vector<std::string> split_or_fail(Client& c, const std::string& text) {
  auto words = argparse::split_args(text);
  if (!words) c.handle("", "No closing quotation");
  return words.value_or(std::vector<std::string>{});
}

// The add/remove/query options of the direct interface's passthroughs, chains and rules.
constexpr ElementDests kPassthroughDests{"add_passthrough", "remove_passthrough",
                                         "query_passthrough"};
constexpr ElementDests kChainDests{"add_chain", "remove_chain", "query_chain"};
constexpr ElementDests kRuleDests{"add_rule", "remove_rule", "query_rule"};

// One --direct command: the interface (runtime, config or --offline's files) and the readers
// of the arguments, which fail with firewall-cmd's usage line. Options are named by dest.
template <typename Direct>
struct DirectRun {
  Session& s;
  Direct& d;
  std::string mode;  // "usage: --permanent --direct " or "usage: --direct "

  [[noreturn]] void usage(Dest option, const char* rest) const {
    s.p.fail(mode + "--" + std::string(option.name()) + " { ipv4 | ipv6 | eb } " + rest);
  }
  std::string ipv(const std::string& v) const {
    return s.c.call([&] { return check_ipv(v); });
  }
  std::vector<std::string> words(const std::string& text) const { return split_or_fail(s.c, text); }
  // firewall-offline-cmd says "wrong priority" for --add-rule.
  int32_t priority(const std::vector<std::string>& v, Dest option) const {
    auto n = model::parse_python_int(v[3], model::PythonIntBase::Decimal);
    if (!n && s.offline_cmd && option == Dest("add_rule"))
      s.p.fail("wrong priority\n" + mode +
               "--add-rule { ipv4 | ipv6 | eb } <table> <chain> "
               "<priority> <args>");
    if (!n) usage(option, "<table> <chain> <priority> <args>");
    return static_cast<int32_t>(*n);
  }
  std::vector<std::string> rule_args(Dest option) const {
    const auto& v = s.a.list(option);
    if (v.size() < 5) usage(option, "<table> <chain> <priority> <args>");
    return v;
  }
  std::vector<std::string> pass_args(Dest option) const {
    const auto& v = s.a.list(option);
    if (v.size() < 2) usage(option, "<args>");
    return v;
  }
};

template <typename Direct>
bool passthroughs(const DirectRun<Direct>& r) {
  auto op = element_op(r.s.a, kPassthroughDests);
  if (!op) return false;
  auto v = r.pass_args(op->dest);
  auto& d = r.d;
  if (op->verb == ListVerb::kQuery)
    r.s.p.query_result(r.s.c.call([&] { return d.queryPassthrough(r.ipv(v[0]), r.words(v[1])); }));
  if (op->verb == ListVerb::kAdd) r.s.c.call([&] { d.addPassthrough(r.ipv(v[0]), r.words(v[1])); });
  else r.s.c.call([&] { d.removePassthrough(r.ipv(v[0]), r.words(v[1])); });
  return true;
}

template <typename Direct>
bool chains(const DirectRun<Direct>& r) {
  auto op = element_op(r.s.a, kChainDests);
  if (!op) return false;
  const auto& v = r.s.a.list(op->dest);
  auto& d = r.d;
  if (op->verb == ListVerb::kQuery)
    r.s.p.query_result(r.s.c.call([&] { return d.queryChain(r.ipv(v[0]), v[1], v[2]); }));
  if (op->verb == ListVerb::kAdd) r.s.c.call([&] { d.addChain(r.ipv(v[0]), v[1], v[2]); });
  else r.s.c.call([&] { d.removeChain(r.ipv(v[0]), v[1], v[2]); });
  return true;
}

template <typename Direct>
bool rules(const DirectRun<Direct>& r) {
  auto op = element_op(r.s.a, kRuleDests);
  if (!op) return false;
  auto v = r.rule_args(op->dest);
  int32_t prio = r.priority(v, op->dest);
  auto& d = r.d;
  if (op->verb == ListVerb::kQuery)
    r.s.p.query_result(
        r.s.c.call([&] { return d.queryRule(r.ipv(v[0]), v[1], v[2], prio, r.words(v[4])); }));
  if (op->verb == ListVerb::kAdd)
    r.s.c.call([&] { d.addRule(r.ipv(v[0]), v[1], v[2], prio, r.words(v[4])); });
  else r.s.c.call([&] { d.removeRule(r.ipv(v[0]), v[1], v[2], prio, r.words(v[4])); });
  return true;
}

// --passthrough: the runtime interface runs it, a permanent one (no such method) stores it.
template <typename Direct>
void passthrough(const DirectRun<Direct>& r) {
  auto v = r.pass_args("passthrough");
  auto& d = r.d;
  if constexpr (requires { d.passthrough(std::string(), std::vector<std::string>()); }) {
    std::string out = r.s.c.call([&] { return d.passthrough(r.ipv(v[0]), r.words(v[1])); });
    if (!out.empty()) std::cout << out << '\n';
  } else {
    r.s.c.call([&] { d.addPassthrough(r.ipv(v[0]), r.words(v[1])); });
  }
}

// The listings, and --remove-rules.
template <typename Direct>
void direct_listings(const DirectRun<Direct>& r) {
  Args& a = r.s.a;
  Client& c = r.s.c;
  const Printer& p = r.s.p;
  auto& d = r.d;
  if (a.t("get_passthroughs")) {
    for (const auto& rule :
         c.call([&] { return d.getPassthroughs(r.ipv(a.list("get_passthroughs")[0])); }))
      p.msg(argparse::join_args(rule));
    throw Exit{0};
  } else if (a.t("get_all_passthroughs")) {
    for (const auto& t : c.call([&] { return d.getAllPassthroughs(); }))
      p.msg(t.template get<0>() + " " + argparse::join_args(t.template get<1>()));
    throw Exit{0};
  } else if (a.t("get_chains")) {
    const auto& v = a.list("get_chains");
    r.s.print_list(c.call([&] { return d.getChains(r.ipv(v[0]), v[1]); }));
  } else if (a.t("get_all_chains")) {
    for (const auto& t : c.call([&] { return d.getAllChains(); }))
      p.msg(t.template get<0>() + " " + t.template get<1>() + " " + t.template get<2>());
    throw Exit{0};
  } else if (a.t("remove_rules")) {
    const auto& v = a.list("remove_rules");
    c.call([&] { d.removeRules(r.ipv(v[0]), v[1], v[2]); });
  } else if (a.t("get_rules")) {
    const auto& v = a.list("get_rules");
    for (const auto& t : c.call([&] { return d.getRules(r.ipv(v[0]), v[1], v[2]); }))
      p.msg(std::to_string(t.template get<0>()) + " " + argparse::join_args(t.template get<1>()));
    throw Exit{0};
  } else if (a.t("get_all_rules")) {
    for (const auto& t : c.call([&] { return d.getAllRules(); }))
      p.msg(t.template get<0>() + " " + t.template get<1>() + " " + t.template get<2>() + " " +
            std::to_string(t.template get<3>()) + " " + argparse::join_args(t.template get<4>()));
    throw Exit{0};
  }
}

// The direct options exclude each other: one of them runs.
template <typename Direct>
void direct(Session& s, Direct& d, bool permanent) {
  // firewall-offline-cmd has no --permanent.
  DirectRun<Direct> r{
      s, d, permanent && !s.offline_cmd ? "usage: --permanent --direct " : "usage: --direct "};
  if (s.a.t("passthrough")) return passthrough(r);
  if (!passthroughs(r) && !chains(r) && !rules(r)) direct_listings(r);
}

}  // namespace

void run_direct(Session& s, bool permanent) {
  if (permanent) direct(s, s.bus().config_direct(), true);
  else direct(s, s.bus().direct(), false);
}

void run_direct(Session& s, OfflineDirect& d) { direct(s, d, true); }

}  // namespace fwctl::cli
