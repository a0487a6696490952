#include "bus/authorizer.hpp"

#include <sdbus-c++/Types.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

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
    : polkit_(sdbus::createProxy(connection, kPolkitName, kPolkitPath)) {}

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
    uid = call.getCredsUid();  // asks the bus for the sender's uid
  } catch (const sdbus::Error&) {
    auto refusal = not_authorized(action, "uid");
    return done(&refusal);
  }
  if (uid == 0) return done(nullptr);
  ask_polkit(sender, uid, std::move(action), std::move(done));
}

void Authorizer::ask_polkit(const std::string& sender, uid_t uid, std::string action, Done done) {
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
