// --direct and the lockdown whitelist, runtime and --permanent. The runtime and the config
// interfaces have the same method names, so one template serves both, and --offline's stores of
// the permanent files (offline_direct.hpp) too.
#include <iostream>

#include "argparse.hpp"
#include "info_format.hpp"
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

template <typename Direct>
void direct(Session& s, Direct& d, bool permanent) {
  Args& a = s.a;
  Client& c = s.c;
  const Printer& p = s.p;
  // firewall-offline-cmd has no --permanent, and says "wrong priority" for --add-rule.
  const std::string mode =
      permanent && !s.offline_cmd ? "usage: --permanent --direct " : "usage: --direct ";
  auto usage = [&](const char* option, const char* rest) {
    p.fail(mode + "--" + option + " { ipv4 | ipv6 | eb } " + rest);
  };
  auto ipv = [&](const std::string& v) { return c.call([&] { return check_ipv(v); }); };
  auto priority = [&](const std::vector<std::string>& v, const char* option) {
    auto n = model::parse_python_int(v[3], model::PythonIntBase::Decimal);
    if (!n && s.offline_cmd && std::string(option) == "add-rule")
      p.fail("wrong priority\n" + mode +
             "--add-rule { ipv4 | ipv6 | eb } <table> <chain> "
             "<priority> <args>");
    if (!n) usage(option, "<table> <chain> <priority> <args>");
    return static_cast<int32_t>(*n);
  };
  auto rule_args = [&](Dest dest, const char* option) {
    const auto& v = a.list(dest);
    if (v.size() < 5) usage(option, "<table> <chain> <priority> <args>");
    return v;
  };
  auto pass_args = [&](Dest dest, const char* option) {
    const auto& v = a.list(dest);
    if (v.size() < 2) usage(option, "<args>");
    return v;
  };
  if (a.t("passthrough")) {
    if constexpr (requires { d.passthrough(std::string(), std::vector<std::string>()); }) {
      auto v = pass_args("passthrough", "passthrough");
      std::string out = c.call([&] { return d.passthrough(ipv(v[0]), split_or_fail(c, v[1])); });
      if (!out.empty()) std::cout << out << '\n';
    } else {
      auto v = pass_args("passthrough", "passthrough");
      c.call([&] { d.addPassthrough(ipv(v[0]), split_or_fail(c, v[1])); });
    }
  }
  if (a.t("add_passthrough")) {
    auto v = pass_args("add_passthrough", "add-passthrough");
    c.call([&] { d.addPassthrough(ipv(v[0]), split_or_fail(c, v[1])); });
  } else if (a.t("remove_passthrough")) {
    auto v = pass_args("remove_passthrough", "remove-passthrough");
    c.call([&] { d.removePassthrough(ipv(v[0]), split_or_fail(c, v[1])); });
  } else if (a.t("query_passthrough")) {
    auto v = pass_args("query_passthrough", "query-passthrough");
    p.query_result(c.call([&] { return d.queryPassthrough(ipv(v[0]), split_or_fail(c, v[1])); }));
  } else if (a.t("get_passthroughs")) {
    for (const auto& rule :
         c.call([&] { return d.getPassthroughs(ipv(a.list("get_passthroughs")[0])); }))
      p.msg(argparse::join_args(rule));
    throw Exit{0};
  } else if (a.t("get_all_passthroughs")) {
    for (const auto& t : c.call([&] { return d.getAllPassthroughs(); }))
      p.msg(t.template get<0>() + " " + argparse::join_args(t.template get<1>()));
    throw Exit{0};
  } else if (a.t("add_chain")) {
    const auto& v = a.list("add_chain");
    c.call([&] { d.addChain(ipv(v[0]), v[1], v[2]); });
  } else if (a.t("remove_chain")) {
    const auto& v = a.list("remove_chain");
    c.call([&] { d.removeChain(ipv(v[0]), v[1], v[2]); });
  } else if (a.t("query_chain")) {
    const auto& v = a.list("query_chain");
    p.query_result(c.call([&] { return d.queryChain(ipv(v[0]), v[1], v[2]); }));
  } else if (a.t("get_chains")) {
    const auto& v = a.list("get_chains");
    s.print_list(c.call([&] { return d.getChains(ipv(v[0]), v[1]); }));
  } else if (a.t("get_all_chains")) {
    for (const auto& t : c.call([&] { return d.getAllChains(); }))
      p.msg(t.template get<0>() + " " + t.template get<1>() + " " + t.template get<2>());
    throw Exit{0};
  } else if (a.t("add_rule")) {
    auto v = rule_args("add_rule", "add-rule");
    int32_t prio = priority(v, "add-rule");
    c.call([&] { d.addRule(ipv(v[0]), v[1], v[2], prio, split_or_fail(c, v[4])); });
  } else if (a.t("remove_rule")) {
    auto v = rule_args("remove_rule", "remove-rule");
    int32_t prio = priority(v, "remove-rule");
    c.call([&] { d.removeRule(ipv(v[0]), v[1], v[2], prio, split_or_fail(c, v[4])); });
  } else if (a.t("remove_rules")) {
    const auto& v = a.list("remove_rules");
    c.call([&] { d.removeRules(ipv(v[0]), v[1], v[2]); });
  } else if (a.t("query_rule")) {
    auto v = rule_args("query_rule", "query-rule");
    int32_t prio = priority(v, "query-rule");
    p.query_result(
        c.call([&] { return d.queryRule(ipv(v[0]), v[1], v[2], prio, split_or_fail(c, v[4])); }));
  } else if (a.t("get_rules")) {
    const auto& v = a.list("get_rules");
    for (const auto& t : c.call([&] { return d.getRules(ipv(v[0]), v[1], v[2]); }))
      p.msg(std::to_string(t.template get<0>()) + " " + argparse::join_args(t.template get<1>()));
    throw Exit{0};
  } else if (a.t("get_all_rules")) {
    for (const auto& t : c.call([&] { return d.getAllRules(); }))
      p.msg(t.template get<0>() + " " + t.template get<1>() + " " + t.template get<2>() + " " +
            std::to_string(t.template get<3>()) + " " + argparse::join_args(t.template get<4>()));
    throw Exit{0};
  }
}

Item uid_item(const std::string& text) {
  auto n = model::parse_python_int(text, model::PythonIntBase::Decimal);
  std::string shown = n ? std::to_string(static_cast<long long>(*n)) : text;
  return Item{{shown}, {shown}};
}

template <typename Policies>
void whitelist(Session& s, Policies& w, bool permanent) {
  Args& a = s.a;
  Client& c = s.c;
  auto seq = [&](Dest dest, const ParseItem& parse, auto action) {
    cmd_sequence(c, a.list(dest), parse, action, true);
  };
  auto query = [&](Dest dest, const ParseItem& parse, auto q, const char* msg) {
    query_sequence(c, a.list(dest), parse, q, msg);
  };
  auto uid = [](const Item& i) { return static_cast<int32_t>(std::stol(i.args[0])); };
  const char* uid_msg = permanent ? "%s" : "'%s'";
  const char* user_msg = permanent ? "%s" : "'%s'";
  if (a.t("list_lockdown_whitelist_commands"))
    s.print_list(c.call([&] { return w.getLockdownWhitelistCommands(); }), "\n");
  if (a.t("add_lockdown_whitelist_command"))
    return seq("add_lockdown_whitelist_command", nullptr,
               [&](const Item& i) { w.addLockdownWhitelistCommand(i.args[0]); });
  if (a.t("remove_lockdown_whitelist_command"))
    return seq("remove_lockdown_whitelist_command", nullptr,
               [&](const Item& i) { w.removeLockdownWhitelistCommand(i.args[0]); });
  if (a.t("query_lockdown_whitelist_command"))
    query(
        "query_lockdown_whitelist_command", nullptr,
        [&](const Item& i) { return w.queryLockdownWhitelistCommand(i.args[0]); }, "'%s'");
  if (a.t("list_lockdown_whitelist_contexts"))
    s.print_list(c.call([&] { return w.getLockdownWhitelistContexts(); }), "\n");
  if (a.t("add_lockdown_whitelist_context"))
    return seq("add_lockdown_whitelist_context", nullptr,
               [&](const Item& i) { w.addLockdownWhitelistContext(i.args[0]); });
  if (a.t("remove_lockdown_whitelist_context"))
    return seq("remove_lockdown_whitelist_context", nullptr,
               [&](const Item& i) { w.removeLockdownWhitelistContext(i.args[0]); });
  if (a.t("query_lockdown_whitelist_context"))
    query(
        "query_lockdown_whitelist_context", nullptr,
        [&](const Item& i) { return w.queryLockdownWhitelistContext(i.args[0]); }, "'%s'");
  if (a.t("list_lockdown_whitelist_uids")) {
    std::vector<std::string> uids;
    for (int32_t u : c.call([&] { return w.getLockdownWhitelistUids(); }))
      uids.push_back(std::to_string(u));
    s.print_list(uids);
  }
  if (a.given("add_lockdown_whitelist_uid"))
    return seq("add_lockdown_whitelist_uid", uid_item,
               [&](const Item& i) { w.addLockdownWhitelistUid(uid(i)); });
  if (a.given("remove_lockdown_whitelist_uid"))
    return seq("remove_lockdown_whitelist_uid", uid_item,
               [&](const Item& i) { w.removeLockdownWhitelistUid(uid(i)); });
  if (a.given("query_lockdown_whitelist_uid"))
    query(
        "query_lockdown_whitelist_uid", uid_item,
        [&](const Item& i) { return w.queryLockdownWhitelistUid(uid(i)); }, uid_msg);
  if (a.t("list_lockdown_whitelist_users"))
    s.print_list(c.call([&] { return w.getLockdownWhitelistUsers(); }), permanent ? "\n" : " ");
  if (a.t("add_lockdown_whitelist_user"))
    return seq("add_lockdown_whitelist_user", nullptr,
               [&](const Item& i) { w.addLockdownWhitelistUser(i.args[0]); });
  if (a.t("remove_lockdown_whitelist_user"))
    return seq("remove_lockdown_whitelist_user", nullptr,
               [&](const Item& i) { w.removeLockdownWhitelistUser(i.args[0]); });
  if (a.t("query_lockdown_whitelist_user"))
    query(
        "query_lockdown_whitelist_user", nullptr,
        [&](const Item& i) { return w.queryLockdownWhitelistUser(i.args[0]); },
        permanent ? "'%s'" : user_msg);
}

}  // namespace

void run_direct(Session& s, bool permanent) {
  if (permanent) direct(s, s.bus().config_direct(), true);
  else direct(s, s.bus().direct(), false);
}

void run_whitelist(Session& s, bool permanent) {
  if (permanent) whitelist(s, s.bus().config_policies(), true);
  else whitelist(s, s.bus().policies(), false);
}

void run_direct(Session& s, OfflineDirect& d) { direct(s, d, true); }

void run_whitelist(Session& s, OfflineWhitelist& w) { whitelist(s, w, true); }

}  // namespace fwctl::cli
