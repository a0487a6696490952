#include "bus/conversion_filter.hpp"

#include <sdbus-c++/Error.h>
#include <sdbus-c++/Message.h>
#include <systemd/sd-bus.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "bus/argument_forms.hpp"
#include "bus/authorizer.hpp"
#include "bus/error_map.hpp"             // kErrorName
#include "bus/introspection_filter.hpp"  // reply_firewalld_properties_error
#include "bus/message_values.hpp"
#include "dbus_idl/idl_table.h"
#include "sys/log.hpp"

namespace fwctl::bus {
namespace {

constexpr std::string_view kInterfacePrefix = "org.fedoraproject.FirewallD1";

struct MethodIn {
  std::string signature;
  std::vector<std::string> names;
};

// Input signature and argument names of every method of the IDL, by (interface, member).
const std::map<std::pair<std::string, std::string>, MethodIn>& idl_methods() {
  static const auto table = [] {
    std::map<std::pair<std::string, std::string>, MethodIn> t;
    for (const auto& file : fwctl_dbus_idl::kIdlFiles) {
      pugi::xml_document doc;
      doc.load_string(file.xml);
      for (auto itf : doc.child("node").children("interface")) {
        for (auto method : itf.children("method")) {
          MethodIn& in = t[{itf.attribute("name").value(), method.attribute("name").value()}];
          for (auto arg : method.children("arg")) {
            if (std::strcmp(arg.attribute("direction").as_string("in"), "in") != 0) continue;
            in.signature += arg.attribute("type").value();
            in.names.emplace_back(arg.attribute("name").value());
          }
        }
      }
    }
    return t;
  }();
  return table;
}

constexpr std::string_view kPropertiesInterface = "org.freedesktop.DBus.Properties";

// firewalld's own Get, GetAll and Set (every object of it defines them, with these names).
const MethodIn* properties_method(std::string_view member) {
  static const std::map<std::string_view, MethodIn> methods = {
      {"Get", {"ss", {"interface_name", "property_name"}}},
      {"GetAll", {"s", {"interface_name"}}},
      {"Set", {"ssv", {"interface_name", "property_name", "new_value"}}},
  };
  auto it = methods.find(member);
  return it == methods.end() ? nullptr : &it->second;
}

// The python class of the object at `path`, for a Properties method's TypeErrors.
std::string python_class_of_path(std::string_view path) {
  static const std::map<std::string_view, std::string_view> kinds = {
      {"zone", "FirewallDConfigZone"},         {"service", "FirewallDConfigService"},
      {"policy", "FirewallDConfigPolicy"},     {"ipset", "FirewallDConfigIPSet"},
      {"icmptype", "FirewallDConfigIcmpType"}, {"helper", "FirewallDConfigHelper"}};
  constexpr std::string_view config = "/org/fedoraproject/FirewallD1/config";
  if (path.substr(0, config.size()) != config) return "FirewallD";
  std::string_view rest = path.substr(config.size());
  if (rest.empty()) return "FirewallDConfig";
  rest.remove_prefix(1);
  auto it = kinds.find(rest.substr(0, rest.find('/')));
  return std::string(it == kinds.end() ? "FirewallDConfig" : it->second);
}

// The python method serving `interface`.`member` in firewalld, as its TypeErrors name it
// (python 3.10 and later give the class): FirewallDConfigZone.update.
std::string python_method(std::string_view interface, std::string_view member) {
  static const std::map<std::string_view, std::string_view> classes = {
      {".config", "FirewallDConfig"},
      {".config.direct", "FirewallDConfig"},
      {".config.policies", "FirewallDConfig"},
      {".config.zone", "FirewallDConfigZone"},
      {".config.service", "FirewallDConfigService"},
      {".config.policy", "FirewallDConfigPolicy"},
      {".config.ipset", "FirewallDConfigIPSet"},
      {".config.icmptype", "FirewallDConfigIcmpType"},
      {".config.helper", "FirewallDConfigHelper"},
  };
  auto it = classes.find(interface.substr(kInterfacePrefix.size()));
  std::string_view cls = it == classes.end() ? "FirewallD" : it->second;
  return std::string(cls) + "." + std::string(member);
}

// sdbus-c++ 1.2 has no public way between sd_bus_message* and sdbus::Message; its protected
// members and constructor are reachable from a derived class (as in introspection_filter.cpp).
struct RawMessage : sdbus::Message {
  RawMessage(void* m, sdbus::internal::ISdBus* bus) : sdbus::Message(m, bus) {}
  static sd_bus_message* raw(const sdbus::Message& message) {
    return static_cast<sd_bus_message*>(message.*(&RawMessage::msg_));
  }
  static sdbus::internal::ISdBus* sdbus_of(const sdbus::Message& message) {
    return message.*(&RawMessage::sdbus_);
  }
};

// The arguments of `m` in the IDL's form when it differs from what was sent; nothing when the
// call can go to sd-bus as it is.
struct Decision {
  bool convert = false;
  std::variant<std::vector<Value>, Refusal> arguments;
  std::string member;     // the member to call; empty for the caller's
  std::string signature;  // of the call to make
};

Decision plan(sd_bus_message* m, const MethodIn& method) {
  const char* sent = sd_bus_message_get_signature(m, 1);
  bool same = sent && method.signature == sent;
  if (same && method.signature.find('v') == std::string::npos) return {};
  std::vector<Value> args;
  if (sd_bus_message_rewind(m, 1) < 0 || read_values(m, args) < 0) return {};
  if (same) {
    bool changed = false;
    for (const Value& arg : args) canonical(arg, changed);
    if (!changed) return {};
  }
  std::string_view interface = sd_bus_message_get_interface(m);
  std::string name =
      interface == kPropertiesInterface
          ? python_class_of_path(sd_bus_message_get_path(m)) + "." + sd_bus_message_get_member(m)
          : python_method(interface, sd_bus_message_get_member(m));
  if (auto partial = partial_update(name, method.signature, args)) {
    if (auto* refusal = std::get_if<Refusal>(&*partial)) return {true, *refusal, {}, {}};
    auto& rewritten = std::get<Rewritten>(*partial);
    return {true, std::move(rewritten.args), rewritten.member, "a{sv}"};
  }
  return {
      true, convert_arguments(name, method.names, method.signature, args), {}, method.signature};
}

}  // namespace

std::string_view idl_input_signature(std::string_view interface, std::string_view member) {
  auto it = idl_methods().find({std::string(interface), std::string(member)});
  return it == idl_methods().end() ? std::string_view() : it->second.signature;
}

struct ConversionFilter::Impl : std::enable_shared_from_this<ConversionFilter::Impl> {
  struct Pending {
    Impl* owner;
    sd_bus_message* call;  // referenced
    sd_bus_slot* slot = nullptr;
  };
  std::vector<std::unique_ptr<Pending>> pending;
  sd_bus* bus = nullptr;
  sd_bus_slot* filter = nullptr;
  sdbus::internal::ISdBus* sdbus = nullptr;
  Authorizer* authorizer = nullptr;
  Exists exists;

  ~Impl() {
    for (auto& p : pending) {
      sd_bus_slot_unref(p->slot);
      sd_bus_message_unref(p->call);
    }
    sd_bus_slot_unref(filter);
    sd_bus_unref(bus);
  }

  static int on_message(sd_bus_message* m, void* userdata, sd_bus_error*) {
    auto* self = static_cast<Impl*>(userdata);
    const char* interface = sd_bus_message_get_interface(m);
    if (sd_bus_message_is_method_call(m, nullptr, nullptr) <= 0 || interface == nullptr) return 0;
    bool properties = interface == kPropertiesInterface;
    if (!properties &&
        std::string_view(interface).substr(0, kInterfacePrefix.size()) != kInterfacePrefix) {
      return 0;
    }
    const char* own = nullptr;
    const char* sender = sd_bus_message_get_sender(m);
    if (sd_bus_get_unique_name(self->bus, &own) < 0 || !sender || std::strcmp(sender, own) == 0) {
      return 0;  // our own relayed call: in the IDL's form already
    }
    if (!self->exists(sd_bus_message_get_path(m))) {
      const char* signature = sd_bus_message_get_signature(m, 1);
      sd_bus_reply_method_errorf(m, SD_BUS_ERROR_UNKNOWN_METHOD,
                                 "Method \"%s\" with signature \"%s\" on interface \"%s\" "
                                 "doesn't exist\n",  // libdbus ends it with a newline
                                 sd_bus_message_get_member(m), signature ? signature : "",
                                 interface);
      return 1;
    }
    const MethodIn* method = nullptr;
    if (properties) {
      method = properties_method(sd_bus_message_get_member(m));
    } else if (auto it = idl_methods().find({interface, sd_bus_message_get_member(m)});
               it != idl_methods().end()) {
      method = &it->second;
    }
    if (method == nullptr) return 0;
    try {
      Decision decision = plan(m, *method);
      if (decision.convert) {
        self->authorize(m, std::move(decision));
        return 1;
      }
    } catch (...) {  // nothing may reach sd-bus; it answers the call as it is then
    }
    sd_bus_message_rewind(m, 1);  // read by plan(): sd-bus's dispatch reads it from the start
    return 0;
  }

  void authorize(sd_bus_message* m, Decision decision) {
    RawMessage call(m, sdbus);
    std::weak_ptr<Impl> alive = weak_from_this();
    sd_bus_message_ref(m);
    auto done = [alive, m, decision = std::move(decision)](const sdbus::Error* refusal) {
      std::shared_ptr<Impl> self = alive.lock();
      if (self && refusal) {
        sd_bus_reply_method_errorf(m, refusal->getName().c_str(), "%s",
                                   refusal->getMessage().c_str());
      } else if (self) {
        self->answer(m, decision);
      }
      sd_bus_message_unref(m);
    };
    authorizer->check(call, sd_bus_message_get_interface(m), sd_bus_message_get_member(m),
                      std::move(done));
  }

  void answer(sd_bus_message* m, const Decision& decision) {
    if (const auto* refusal = std::get_if<Refusal>(&decision.arguments)) {
      sys::log::error(refusal->message);  // as firewalld's dbus_handle_exceptions logs it
      sd_bus_reply_method_errorf(m, kErrorName, "%s", refusal->message.c_str());
      return;
    }
    if (forward(m, decision) < 0) {
      sd_bus_reply_method_errorf(m, SD_BUS_ERROR_FAILED, "cannot pass the call on");
    }
  }

  int forward(sd_bus_message* m, const Decision& decision) {
    const std::string& member = decision.member;
    const char* own = nullptr;
    int r = sd_bus_get_unique_name(bus, &own);
    if (r < 0) return r;
    auto p = std::make_unique<Pending>(Pending{this, sd_bus_message_ref(m)});
    sd_bus_message* copy = nullptr;
    r = sd_bus_message_new_method_call(
        bus, &copy, own, sd_bus_message_get_path(m), sd_bus_message_get_interface(m),
        member.empty() ? sd_bus_message_get_member(m) : member.c_str());
    if (r >= 0) {
      r = write_values(copy, decision.signature, std::get<std::vector<Value>>(decision.arguments));
    }
    if (r >= 0) r = sd_bus_call_async(bus, &p->slot, copy, on_answer, p.get(), 0);
    sd_bus_message_unref(copy);
    if (r < 0) {
      sd_bus_message_unref(p->call);
      return r;
    }
    pending.push_back(std::move(p));
    return 0;
  }

  static int on_answer(sd_bus_message* reply, void* userdata, sd_bus_error*) {
    auto* p = static_cast<Pending*>(userdata);
    if (const sd_bus_error* error = sd_bus_message_get_error(reply)) {
      if (!reply_firewalld_properties_error(p->call, error))
        sd_bus_reply_method_error(p->call, error);
    } else {
      sd_bus_message* ret = nullptr;
      int r = sd_bus_message_new_method_return(p->call, &ret);
      if (r >= 0) r = sd_bus_message_copy(ret, reply, 1);
      if (r >= 0) r = sd_bus_send(nullptr, ret, nullptr);
      sd_bus_message_unref(ret);
      if (r < 0)
        sd_bus_reply_method_errorf(p->call, SD_BUS_ERROR_FAILED, "cannot relay the answer");
    }
    p->owner->forget(p);
    return 1;
  }

  void forget(Pending* p) {
    auto it = std::find_if(pending.begin(), pending.end(),
                           [p](const std::unique_ptr<Pending>& q) { return q.get() == p; });
    if (it == pending.end()) return;
    sd_bus_slot_unref(p->slot);
    sd_bus_message_unref(p->call);
    pending.erase(it);
  }
};

ConversionFilter::ConversionFilter(sdbus::IObject& object, Authorizer& authorizer, Exists exists)
    : impl_(std::make_shared<Impl>()) {
  impl_->exists = std::move(exists);
  sdbus::Signal probe = object.createSignal("org.fedoraproject.FirewallD1", "Probe");  // not sent
  impl_->sdbus = RawMessage::sdbus_of(probe);
  impl_->bus = sd_bus_ref(sd_bus_message_get_bus(RawMessage::raw(probe)));
  impl_->authorizer = &authorizer;
  int r = sd_bus_add_filter(impl_->bus, &impl_->filter, &Impl::on_message, impl_.get());
  if (r < 0) {
    throw sdbus::Error(SD_BUS_ERROR_FAILED,
                       std::string("cannot filter argument forms: ") + std::strerror(-r));
  }
}

ConversionFilter::~ConversionFilter() = default;

}  // namespace fwctl::bus
