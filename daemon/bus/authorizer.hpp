#pragma once
// Who may call what: firewalld's rule (its dbus_polkit_require_auth decorator). Every method needs
// the polkit action firewalld gives it (dbus/polkit-actions.tsv, derived from firewalld's code).
// When polkit is on the bus it decides, asynchronously, so that one slow check never holds up the
// other callers; without polkit only uid 0 may call. polkit always authorizes uid 0, so root is
// answered at once without asking it. A refusal is the error
// org.fedoraproject.FirewallD1.NotAuthorizedException "Not Authorized(<how>): <action>".

#include <sdbus-c++/Error.h>
#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IProxy.h>
#include <sdbus-c++/Message.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/firewall.hpp"

namespace fwctl::bus {

inline constexpr const char* kNotAuthorizedName =
    "org.fedoraproject.FirewallD1.NotAuthorizedException";

// The polkit action firewalld requires for `member` of `interface`; empty for an unknown method.
std::string_view polkit_action(std::string_view interface, std::string_view member);

// firewalld's NotAuthorizedException(action, how): how is "polkit" or "uid".
sdbus::Error not_authorized(std::string_view action, std::string_view how);

// What to do once polkit answered (or could not be asked): the decision, as a pure function.
//   polkit_missing: polkit is not on the bus; then only uid 0 passes.
struct PolkitAnswer {
  bool polkit_missing = false;
  bool authorized = false;
};
// nullptr-free form: returns true when the call may go on; otherwise sets `how`.
bool decide(uid_t uid, const PolkitAnswer& answer, std::string_view& how);

// Lockdown (firewalld's accessCheck), for the methods whose body calls it
// (dbus/access-checks.tsv, derived from firewalld's code): Runtime is firewalld.py's check,
// Config is config.py's, which also refuses every change while firewalld is in FAILED state.
enum class AccessCheck { None, Runtime, Config };
AccessCheck access_check(std::string_view interface, std::string_view member);

// The decision, as a pure function: RUNNING_BUT_FAILED for a Config check in FAILED state, then,
// with lockdown on, ACCESS_DENIED "lockdown is enabled" unless `caller` is on the whitelist.
// `caller` is null when lockdown was off as the call arrived: then it passes.
std::optional<Error> access_refusal(AccessCheck check, core::State state,
                                    const core::Lockdown& lockdown, const core::Caller* caller);

// firewalld's command_of_pid: the first line of /proc/PID/cmdline's content, NULs turned into
// spaces, surrounding whitespace stripped; nullopt for an empty content.
std::optional<std::string> command_from_cmdline(std::string_view content);

// The uids of the latest callers, by unique name. What the bus says of a unique name holds for
// the connection's life (its uid cannot change, and dbus-daemon never gives a unique name out
// twice), so it is asked once per caller, not once per call: sd-bus asks dbus-daemon
// (GetConnectionCredentials) synchronously, a round trip that held up every call and the event
// loop with it (issue 13). Bounded: the oldest entry makes room.
class UidCache {
 public:
  explicit UidCache(size_t capacity = 64) : capacity_(capacity) {}
  std::optional<uid_t> find(std::string_view sender) const;
  void put(const std::string& sender, uid_t uid);

 private:
  size_t capacity_;
  size_t next_ = 0;  // the slot the next new sender takes once full
  std::vector<std::pair<std::string, uid_t>> entries_;
};

class Authorizer {
 public:
  // Called exactly once: with nullptr when the call may go on, else with the refusal to answer.
  using Done = std::function<void(const sdbus::Error* refusal)>;

  explicit Authorizer(sdbus::IConnection& connection);
  Authorizer(const Authorizer&) = delete;
  Authorizer& operator=(const Authorizer&) = delete;
  ~Authorizer();

  // Decides whether the sender of `call` (the method call being processed) may call `member` of
  // `interface`, and calls `done` with the answer: at once for uid 0, for an unknown sender and
  // when polkit cannot be asked; otherwise from the event loop once polkit replied. A call from
  // our own unique name passes: the conversion filter relayed it after checking its caller.
  void check(const sdbus::Message& call, std::string_view interface, std::string_view member,
             Done done);
  // The same decision for a call known only by its sender and the sender's uid (the methods
  // sd-bus answers itself, guarded by bus/introspection_filter.hpp); no lockdown check.
  void check(const std::string& sender, uid_t uid, std::string_view interface,
             std::string_view member, const Done& done);

  // The firewall whose lockdown and state guard the methods that call accessCheck; without
  // one, only polkit (or uid 0) decides.
  void guard_with(const core::Firewall& firewall) { firewall_ = &firewall; }

  // Whether the sender of `call` is NetworkManager: the current owner of its bus name, asked
  // of the bus at each call as firewalld's nm_get_bus_name() does.
  core::Binder binder_of(const sdbus::Message& call);

 private:
  void ask_polkit(const std::string& sender, uid_t uid, const std::string& action,
                  const Done& done);
  // The uid of `call`'s sender (UidCache); throws sdbus::Error when the bus cannot tell.
  uid_t uid_of(const sdbus::Message& call, const std::string& sender);
  // `done`, preceded by the lockdown check of `interface`.`member` when it has one.
  Done with_access_check(const sdbus::Message& call, uid_t uid, std::string_view interface,
                         std::string_view member, Done done) const;

  std::unique_ptr<sdbus::IProxy> polkit_;
  std::unique_ptr<sdbus::IProxy> bus_;  // org.freedesktop.DBus: GetNameOwner
  std::string own_name_;  // our unique name: calls relayed by bus/conversion_filter.hpp
  const core::Firewall* firewall_ = nullptr;
  UidCache uids_;
};

}  // namespace fwctl::bus
