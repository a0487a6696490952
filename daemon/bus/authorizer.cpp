#include "bus/authorizer.hpp"

#include <pwd.h>
#include <sdbus-c++/Types.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <tuple>

#include "bus/error_map.hpp"

namespace fwctl::bus {
namespace {

struct MethodAction {
  std::string_view interface;
  std::string_view member;
  std::string_view action;
};

// Sorted by (interface, member): dbus/polkit-actions.tsv is.
constexpr MethodAction kActions[] = {
#include "bus_glue/polkit_actions.inc"
};

struct MethodCheck {
  std::string_view interface;
  std::string_view member;
  std::string_view check;  // "runtime" or "config"
};

// Sorted by (interface, member): dbus/access-checks.tsv is.
constexpr MethodCheck kChecks[] = {
#include "bus_glue/access_checks.inc"
};

constexpr const char* kPolkitName = "org.freedesktop.PolicyKit1";
constexpr const char* kPolkitPath = "/org/freedesktop/PolicyKit1/Authority";
constexpr const char* kPolkitInterface = "org.freedesktop.PolicyKit1.Authority";
constexpr uint32_t kAllowUserInteraction = 1;  // what firewalld passes

// The bus's answers when nobody owns (and nothing can activate) polkit's name.
bool polkit_absent(const sdbus::Error& error) {
  return error.getName() == "org.freedesktop.DBus.Error.ServiceUnknown" ||
         error.getName() == "org.freedesktop.DBus.Error.NameHasNoOwner";
}

}  // namespace

std::string_view polkit_action(std::string_view interface, std::string_view member) {
  auto key = std::tie(interface, member);
  auto it = std::lower_bound(
      std::begin(kActions), std::end(kActions), key,
      [](const MethodAction& m, const auto& k) { return std::tie(m.interface, m.member) < k; });
  if (it == std::end(kActions) || std::tie(it->interface, it->member) != key) return {};
  return it->action;
}

sdbus::Error not_authorized(std::string_view action, std::string_view how) {
  return sdbus::Error(kNotAuthorizedName,
                      "Not Authorized(" + std::string(how) + "): " + std::string(action));
}

AccessCheck access_check(std::string_view interface, std::string_view member) {
  auto key = std::tie(interface, member);
  auto it = std::lower_bound(
      std::begin(kChecks), std::end(kChecks), key,
      [](const MethodCheck& m, const auto& k) { return std::tie(m.interface, m.member) < k; });
  if (it == std::end(kChecks) || std::tie(it->interface, it->member) != key) {
    return AccessCheck::None;
  }
  return it->check == "config" ? AccessCheck::Config : AccessCheck::Runtime;
}

std::optional<Error> access_refusal(AccessCheck check, core::State state,
                                    const core::Lockdown& lockdown, const core::Caller* caller) {
  if (check == AccessCheck::None) return std::nullopt;
  if (check == AccessCheck::Config && state == core::State::Failed) {
    return Error{Code::RUNNING_BUT_FAILED,
                 "Changing permanent configuration is not allowed while firewalld is in FAILED "
                 "state. The permanent configuration must be fixed and then firewalld restarted. "
                 "Try `firewall-offline-cmd --check-config`.",
                 {},
                 0};
  }
  if (!lockdown.enabled() || !caller || lockdown.allows(*caller)) return std::nullopt;
  return Error{Code::ACCESS_DENIED, "lockdown is enabled", {}, 0};
}

std::optional<std::string> command_from_cmdline(std::string_view content) {
  if (content.empty()) return std::nullopt;
  std::string line(content.substr(0, content.find('\n')));
  std::replace(line.begin(), line.end(), '\0', ' ');
  constexpr std::string_view blanks = " \t\n\r\v\f";
  size_t first = line.find_first_not_of(blanks);
  if (first == std::string::npos) return std::string();
  return line.substr(first, line.find_last_not_of(blanks) - first + 1);
}

namespace {

// Who sent `call`, as firewalld's accessCheck asks the bus: SELinux context, uid, user name,
// command line. What the bus or the system cannot tell stays unset.
core::Caller caller_of(const sdbus::Message& call, uid_t uid) {
  core::Caller caller;
  caller.uid = uid;
  try {
    std::string context = call.getSELinuxContext();
    if (!context.empty()) caller.context = context;
  } catch (const sdbus::Error&) {
  }
  passwd entry{};
  passwd* found = nullptr;
  char buffer[4096];
  if (getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found) {
    caller.user = found->pw_name;
  }
  try {
    std::ifstream file("/proc/" + std::to_string(call.getCredsPid()) + "/cmdline",
                       std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    if (file) caller.command = command_from_cmdline(content.str());
  } catch (const sdbus::Error&) {
  }
  return caller;
}

}  // namespace

bool decide(uid_t uid, const PolkitAnswer& answer, std::string_view& how) {
  if (uid == 0) return true;
  if (answer.polkit_missing) {
    how = "uid";
    return false;
  }
  how = "polkit";
  return answer.authorized;
}

Authorizer::Authorizer(sdbus::IConnection& connection)
    : polkit_(sdbus::createProxy(connection, kPolkitName, kPolkitPath)),
      bus_(sdbus::createProxy(connection, "org.freedesktop.DBus", "/org/freedesktop/DBus")),
      own_name_(connection.getUniqueName()) {}

Authorizer::~Authorizer() = default;

void Authorizer::check(const sdbus::Message& call, std::string_view interface,
                       std::string_view member, Done done) {
  std::string action(polkit_action(interface, member));
  if (action.empty()) {  // not one of firewalld's methods: nobody may
    auto refusal = not_authorized(std::string(interface) + "." + std::string(member), "uid");
    return done(&refusal);
  }
  uid_t uid = 0;
  std::string sender;
  try {
    sender = call.getSender();
    // Our own call: bus/conversion_filter.hpp relays a caller's call in firewalld's argument
    // form after checking that caller here; nobody else can send from our unique name.
    if (sender == own_name_) return done(nullptr);
    uid = uid_of(call, sender);
  } catch (const sdbus::Error&) {
    auto refusal = not_authorized(action, "uid");
    return done(&refusal);
  }
  done = with_access_check(call, uid, interface, member, std::move(done));
  if (uid == 0) return done(nullptr);
  ask_polkit(sender, uid, action, done);
}

std::optional<uid_t> UidCache::find(std::string_view sender) const {
  for (const auto& [name, uid] : entries_) {
    if (name == sender) return uid;
  }
  return std::nullopt;
}

void UidCache::put(const std::string& sender, uid_t uid) {
  if (capacity_ == 0) return;
  if (entries_.size() < capacity_) {
    entries_.emplace_back(sender, uid);
    return;
  }
  entries_[next_] = {sender, uid};
  next_ = (next_ + 1) % capacity_;
}

uid_t Authorizer::uid_of(const sdbus::Message& call, const std::string& sender) {
  if (auto known = uids_.find(sender)) return *known;
  uid_t uid = call.getCredsUid();  // asks the bus for the sender's uid
  uids_.put(sender, uid);
  return uid;
}

core::Binder Authorizer::binder_of(const sdbus::Message& call) {
  std::string owner;
  try {
    bus_->callMethod("GetNameOwner")
        .onInterface("org.freedesktop.DBus")
        .withArguments(std::string("org.freedesktop.NetworkManager"))
        .storeResultsTo(owner);
    if (call.getSender() == owner) return core::Binder::NetworkManager;
  } catch (const sdbus::Error&) {  // NameHasNoOwner: NetworkManager is not running
  }
  return core::Binder::Other;
}

void Authorizer::check(const std::string& sender, uid_t uid, std::string_view interface,
                       std::string_view member, const Done& done) {
  std::string action(polkit_action(interface, member));
  if (action.empty()) {
    auto refusal = not_authorized(std::string(interface) + "." + std::string(member), "uid");
    return done(&refusal);
  }
  if (uid == 0) return done(nullptr);
  ask_polkit(sender, uid, action, done);
}

Authorizer::Done Authorizer::with_access_check(const sdbus::Message& call, uid_t uid,
                                               std::string_view interface, std::string_view member,
                                               Done done) const {
  AccessCheck check = access_check(interface, member);
  if (check == AccessCheck::None || !firewall_) return done;
  // Found out now, while the call is at hand; decided once polkit agreed, as in firewalld.
  std::shared_ptr<core::Caller> caller;
  if (firewall_->lockdown().enabled())
    caller = std::make_shared<core::Caller>(caller_of(call, uid));
  const core::Firewall* firewall = firewall_;
  return [check, caller, firewall, done = std::move(done)](const sdbus::Error* refusal) {
    if (refusal) return done(refusal);
    auto error = access_refusal(check, firewall->state(), firewall->lockdown(), caller.get());
    if (!error) return done(nullptr);
    sdbus::Error denied = to_dbus_error(*error);
    done(&denied);
  };
}

void Authorizer::ask_polkit(const std::string& sender, uid_t uid, const std::string& action,
                            const Done& done) {
  using Subject = sdbus::Struct<std::string, std::map<std::string, sdbus::Variant>>;
  using Reply = sdbus::Struct<bool, bool, std::map<std::string, std::string>>;
  Subject subject{"system-bus-name", {{"name", sdbus::Variant(sender)}}};
  auto on_reply = [uid, action, done](const sdbus::Error* error, Reply reply) {
    PolkitAnswer answer;
    if (error) {
      answer.polkit_missing = polkit_absent(*error);
    } else {
      answer.authorized = std::get<0>(reply);
    }
    std::string_view how;
    if (decide(uid, answer, how)) return done(nullptr);
    auto refusal = not_authorized(action, how);
    done(&refusal);
  };
  try {
    polkit_->callMethodAsync("CheckAuthorization")
        .onInterface(kPolkitInterface)
        .withArguments(subject, action, std::map<std::string, std::string>{}, kAllowUserInteraction,
                       std::string())
        .uponReplyInvoke(std::move(on_reply));
  } catch (const sdbus::Error& e) {  // the call could not even be sent
    auto refusal = not_authorized(action, "polkit");
    done(&refusal);
  }
}

}  // namespace fwctl::bus
