// The lockdown whitelist, runtime and --permanent: its four lists in one table. The runtime and
// the config interfaces have the same method names, so one template serves both, and
// --offline's store of the permanent lockdown-whitelist.xml (offline_direct.hpp) too.
#include "item_lists.hpp"
#include "model/python_int.hpp"
#include "offline_direct.hpp"
#include "session.hpp"

namespace fwctl::cli {
namespace {

enum class WhitelistList { kCommand, kContext, kUid, kUser };

struct WhitelistRow {
  WhitelistList list;
  Dest listing;
  ElementDests dests;
};

// In firewall-cmd's order.
constexpr WhitelistRow kWhitelistLists[] = {
    {WhitelistList::kCommand,
     "list_lockdown_whitelist_commands",
     {"add_lockdown_whitelist_command", "remove_lockdown_whitelist_command",
      "query_lockdown_whitelist_command"}},
    {WhitelistList::kContext,
     "list_lockdown_whitelist_contexts",
     {"add_lockdown_whitelist_context", "remove_lockdown_whitelist_context",
      "query_lockdown_whitelist_context"}},
    {WhitelistList::kUid,
     "list_lockdown_whitelist_uids",
     {"add_lockdown_whitelist_uid", "remove_lockdown_whitelist_uid",
      "query_lockdown_whitelist_uid"}},
    {WhitelistList::kUser,
     "list_lockdown_whitelist_users",
     {"add_lockdown_whitelist_user", "remove_lockdown_whitelist_user",
      "query_lockdown_whitelist_user"}},
};

Item uid_item(const std::string& text) {
  auto n = model::parse_python_int(text, model::PythonIntBase::Decimal);
  std::string shown = n ? std::to_string(static_cast<long long>(*n)) : text;
  return Item{{shown}, {shown}};
}

int32_t uid_of(const Item& i) { return static_cast<int32_t>(std::stol(i.args[0])); }

// What the interface does to one element of each list.
template <typename Policies>
ListActions whitelist_actions(Policies& w, WhitelistList list) {
  switch (list) {
    case WhitelistList::kCommand:
      return {[&w](const Item& i) { w.addLockdownWhitelistCommand(i.args[0]); },
              [&w](const Item& i) { w.removeLockdownWhitelistCommand(i.args[0]); },
              [&w](const Item& i) { return w.queryLockdownWhitelistCommand(i.args[0]); }};
    case WhitelistList::kContext:
      return {[&w](const Item& i) { w.addLockdownWhitelistContext(i.args[0]); },
              [&w](const Item& i) { w.removeLockdownWhitelistContext(i.args[0]); },
              [&w](const Item& i) { return w.queryLockdownWhitelistContext(i.args[0]); }};
    case WhitelistList::kUid:
      return {[&w](const Item& i) { w.addLockdownWhitelistUid(uid_of(i)); },
              [&w](const Item& i) { w.removeLockdownWhitelistUid(uid_of(i)); },
              [&w](const Item& i) { return w.queryLockdownWhitelistUid(uid_of(i)); }};
    case WhitelistList::kUser:
      return {[&w](const Item& i) { w.addLockdownWhitelistUser(i.args[0]); },
              [&w](const Item& i) { w.removeLockdownWhitelistUser(i.args[0]); },
              [&w](const Item& i) { return w.queryLockdownWhitelistUser(i.args[0]); }};
  }
  return {};
}

// --list-lockdown-whitelist-X: exits. The runtime lists users on one line.
template <typename Policies>
[[noreturn]] void list_whitelist(Session& s, Policies& w, WhitelistList list, bool permanent) {
  Client& c = s.c;
  if (list == WhitelistList::kCommand)
    s.print_list(c.call([&] { return w.getLockdownWhitelistCommands(); }), "\n");
  if (list == WhitelistList::kContext)
    s.print_list(c.call([&] { return w.getLockdownWhitelistContexts(); }), "\n");
  if (list == WhitelistList::kUid) {
    std::vector<std::string> uids;
    for (int32_t u : c.call([&] { return w.getLockdownWhitelistUids(); }))
      uids.push_back(std::to_string(u));
    s.print_list(uids);
  }
  s.print_list(c.call([&] { return w.getLockdownWhitelistUsers(); }), permanent ? "\n" : " ");
}

// The uid options count when given at all (firewall-cmd's `is not None`); the permanent query
// shows a uid without quotes.
template <typename Policies>
void whitelist(Session& s, Policies& w, bool permanent) {
  for (const WhitelistRow& row : kWhitelistLists) {
    if (s.a.t(row.listing)) list_whitelist(s, w, row.list, permanent);
    bool uids = row.list == WhitelistList::kUid;
    auto op = element_op(s.a, row.dests, uids ? &Args::given : &Args::t);
    if (!op) continue;
    ParseItem parse = uids ? ParseItem(uid_item) : nullptr;
    const char* message = uids && permanent ? "%s" : "'%s'";
    return run_element_op(s.c, s.a, *op, parse, message, whitelist_actions(w, row.list), true);
  }
}

}  // namespace

void run_whitelist(Session& s, bool permanent) {
  if (permanent) whitelist(s, s.bus().config_policies(), true);
  else whitelist(s, s.bus().policies(), false);
}

void run_whitelist(Session& s, OfflineWhitelist& w) { whitelist(s, w, true); }

}  // namespace fwctl::cli
