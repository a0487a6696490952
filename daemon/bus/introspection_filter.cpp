#include "bus/introspection_filter.hpp"

#include <sdbus-c++/Error.h>
#include <sdbus-c++/Message.h>
#include <systemd/sd-bus.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "bus/authorizer.hpp"
#include "bus/error_map.hpp"  // kErrorName
#include "bus/introspection.hpp"
#include "bus/raw_bus.hpp"
#include "dbus_idl/idl_table.h"

namespace fwctl::bus {
namespace {

constexpr const char* kIntrospectable = "org.freedesktop.DBus.Introspectable";
constexpr const char* kProperties = "org.freedesktop.DBus.Properties";
// The name dbus-python gives a plain dbus.exceptions.DBusException raised by a method.
constexpr const char* kPythonException =
    "org.freedesktop.DBus.Python.dbus.exceptions.DBusException";

}  // namespace

struct IntrospectionFilter::Impl : std::enable_shared_from_this<IntrospectionFilter::Impl> {
  // A caller's call, waiting for sd-bus's answer to ours.
  struct Pending {
    Impl* owner;
    sd_bus_message* call;  // referenced
    bool introspect;       // the answer is rewritten (Introspect) or relayed as it is
    sd_bus_slot* slot = nullptr;
  };

  sd_bus* bus = nullptr;
  sd_bus_slot* filter = nullptr;
  Authorizer* authorizer = nullptr;
  std::vector<std::unique_ptr<Pending>> pending;

  ~Impl() {
    for (auto& p : pending) {
      sd_bus_slot_unref(p->slot);
      sd_bus_message_unref(p->call);
    }
    sd_bus_slot_unref(filter);
    sd_bus_unref(bus);
  }

  static bool is_introspect(sd_bus_message* m) {
    // Wrong arguments: sd-bus's own error answer.
    return sd_bus_message_is_method_call(m, kIntrospectable, "Introspect") &&
           sd_bus_message_has_signature(m, "");
  }

  static bool is_properties(sd_bus_message* m) {
    return sd_bus_message_is_method_call(m, kProperties, "Get") ||
           sd_bus_message_is_method_call(m, kProperties, "GetAll") ||
           sd_bus_message_is_method_call(m, kProperties, "Set");
  }

  static int on_message(sd_bus_message* m, void* userdata, sd_bus_error*) {
    auto* self = static_cast<Impl*>(userdata);
    bool introspect = is_introspect(m);
    if (!introspect && (!self->authorizer || !is_properties(m))) return 0;
    const char* own = nullptr;
    const char* sender = sd_bus_message_get_sender(m);
    if (sd_bus_get_unique_name(self->bus, &own) < 0 || sender == nullptr) return 0;
    if (std::strcmp(sender, own) == 0) return 0;  // our own question: sd-bus answers it
    try {
      if (!self->authorizer) return self->ask_sdbus(m, own, introspect);
      self->authorize(m, introspect);
      return 1;
    } catch (...) {  // no exception may reach sd-bus; it answers itself then
      return 0;
    }
  }

  // Asks the Authorizer about m's sender; answers m with the refusal, or passes it on.
  void authorize(sd_bus_message* m, bool introspect) {
    std::string sender = sd_bus_message_get_sender(m);
    std::string member = sd_bus_message_get_member(m);
    std::string interface = introspect ? kIntrospectable : kProperties;
    sd_bus_creds* creds = nullptr;
    uid_t uid = 0;
    bool known =
        sd_bus_query_sender_creds(m, SD_BUS_CREDS_UID | SD_BUS_CREDS_AUGMENT, &creds) >= 0 &&
        sd_bus_creds_get_uid(creds, &uid) >= 0;
    sd_bus_creds_unref(creds);
    std::weak_ptr<Impl> alive = weak_from_this();
    sd_bus_message_ref(m);
    auto done = [alive, m, introspect](const sdbus::Error* refusal) {
      std::shared_ptr<Impl> self = alive.lock();
      if (self && refusal) {
        sd_bus_reply_method_errorf(m, refusal->getName().c_str(), "%s",
                                   refusal->getMessage().c_str());
      } else if (self) {
        const char* own = nullptr;
        if (sd_bus_get_unique_name(self->bus, &own) < 0 || !self->ask_sdbus(m, own, introspect)) {
          sd_bus_reply_method_errorf(m, SD_BUS_ERROR_FAILED, "cannot answer");
        }
      }
      sd_bus_message_unref(m);
    };
    if (!known) {  // the bus cannot tell who called: as firewalld, nobody but uid 0 passes
      sdbus::Error refusal = not_authorized(polkit_action(interface, member), "uid");
      return done(&refusal);
    }
    authorizer->check(sender, uid, interface, member, std::move(done));
  }

  // Sends m's question to ourselves (Introspect for m's path, or a copy of m); 1 when m is now
  // ours to answer, 0 to leave it to sd-bus (the question could not be sent).
  int ask_sdbus(sd_bus_message* m, const char* own, bool introspect) {
    auto p = std::make_unique<Pending>(Pending{this, sd_bus_message_ref(m), introspect});
    int r = introspect
                ? sd_bus_call_method_async(bus, &p->slot, own, sd_bus_message_get_path(m),
                                           kIntrospectable, "Introspect", on_answer, p.get(), "")
                : forward(m, own, p.get());
    if (r < 0) {
      sd_bus_message_unref(p->call);
      return 0;
    }
    pending.push_back(std::move(p));
    return 1;
  }

  int forward(sd_bus_message* m, const char* own, Pending* p) {
    sd_bus_message* copy = nullptr;
    int r = sd_bus_message_new_method_call(bus, &copy, own, sd_bus_message_get_path(m),
                                           sd_bus_message_get_interface(m),
                                           sd_bus_message_get_member(m));
    if (r >= 0) r = sd_bus_message_rewind(m, 1);
    if (r >= 0) r = is_bare_set(m) ? copy_bare_set(copy, m) : sd_bus_message_copy(copy, m, 1);
    if (r == -EBADMSG) {  // not one bare value: sd-bus answers the call as it is with its error
      r = sd_bus_message_rewind(m, 1);
      if (r >= 0) r = sd_bus_message_copy(copy, m, 1);
    }
    if (r >= 0) r = sd_bus_call_async(bus, &p->slot, copy, on_answer, p, 0);
    sd_bus_message_unref(copy);
    return r;
  }

  // A Properties.Set whose value is not wrapped in a variant ("ssi" instead of "ssv"): firewalld
  // (dbus-python) takes the bare value, and clients such as `dbus-send … int32:1234` send it so;
  // sd-bus would refuse the signature. It reaches sdbus-c++ as the variant it stands for.
  static bool is_bare_set(sd_bus_message* m) {
    const char* signature = sd_bus_message_get_signature(m, 1);
    return sd_bus_message_is_method_call(m, kProperties, "Set") && signature != nullptr &&
           std::strncmp(signature, "ss", 2) == 0 && std::strcmp(signature, "ssv") != 0 &&
           signature[2] != '\0';
  }

  // Copies m (rewound) into copy with its value in a variant; -EBADMSG, with copy untouched,
  // when there is more than one value after the two names.
  static int copy_bare_set(sd_bus_message* copy, sd_bus_message* m) {
    const char* interface = nullptr;
    const char* property = nullptr;
    std::string value_type = sd_bus_message_get_signature(m, 1) + 2;
    int r = sd_bus_message_skip(m, "ss");
    if (r >= 0) r = sd_bus_message_skip(m, nullptr);  // the value
    if (r >= 0 && sd_bus_message_at_end(m, 0) == 0) return -EBADMSG;
    if (r >= 0) r = sd_bus_message_rewind(m, 1);
    if (r >= 0) r = sd_bus_message_read(m, "ss", &interface, &property);
    if (r >= 0) r = sd_bus_message_append(copy, "ss", interface, property);
    if (r >= 0) r = sd_bus_message_open_container(copy, 'v', value_type.c_str());
    if (r >= 0) r = sd_bus_message_copy(copy, m, 0);
    if (r >= 0) r = sd_bus_message_close_container(copy);
    return r;
  }

  static int on_answer(sd_bus_message* reply, void* userdata, sd_bus_error*) {
    auto* p = static_cast<Pending*>(userdata);
    try {
      if (p->introspect) {
        answer(p->call, reply);
      } else {
        relay(p->call, reply);
      }
    } catch (...) {
      sd_bus_reply_method_errorf(p->call, SD_BUS_ERROR_FAILED, "introspection failed");
    }
    p->owner->forget(p);
    return 1;
  }

  static void relay(sd_bus_message* call, sd_bus_message* reply) {
    if (const sd_bus_error* error = sd_bus_message_get_error(reply)) {
      if (!reply_firewalld_properties_error(call, error)) sd_bus_reply_method_error(call, error);
      return;
    }
    sd_bus_message* ret = nullptr;
    int r = sd_bus_message_new_method_return(call, &ret);
    if (r >= 0) r = sd_bus_message_copy(ret, reply, 1);
    if (r >= 0) r = sd_bus_send(nullptr, ret, nullptr);
    sd_bus_message_unref(ret);
    if (r < 0) sd_bus_reply_method_errorf(call, SD_BUS_ERROR_FAILED, "cannot relay the answer");
  }

  static void answer(sd_bus_message* call, sd_bus_message* reply) {
    const char* path = sd_bus_message_get_path(call);
    if (const sd_bus_error* error = sd_bus_message_get_error(reply)) {
      if (sd_bus_error_has_name(error, SD_BUS_ERROR_UNKNOWN_OBJECT)) {
        sd_bus_reply_method_return(call, "s", firewalld_introspection(path, {}).c_str());
      } else {
        sd_bus_reply_method_error(call, error);
      }
      return;
    }
    const char* xml = nullptr;
    std::optional<NodeFacts> facts;
    if (sd_bus_message_read(reply, "s", &xml) >= 0) facts = read_sdbus_introspection(xml);
    if (!facts) {
      sd_bus_reply_method_errorf(call, SD_BUS_ERROR_FAILED, "unreadable introspection of %s", path);
      return;
    }
    sd_bus_reply_method_return(call, "s", firewalld_introspection(path, *facts).c_str());
  }

  // Drops a pending entry; called from its own reply callback, which sd-bus keeps alive by a
  // reference of its own while it runs.
  void forget(Pending* p) {
    auto it = std::find_if(pending.begin(), pending.end(),
                           [p](const std::unique_ptr<Pending>& q) { return q.get() == p; });
    if (it == pending.end()) return;
    sd_bus_slot_unref(p->slot);
    sd_bus_message_unref(p->call);
    pending.erase(it);
  }
};

bool reply_firewalld_properties_error(sd_bus_message* call, const sd_bus_error* error) {
  if (sd_bus_message_is_method_call(call, kProperties, nullptr) <= 0) return false;
  const char* interface = "";
  const char* property = "";
  if (sd_bus_message_rewind(call, 1) < 0 || sd_bus_message_read_basic(call, 's', &interface) < 0) {
    return false;
  }
  if (!sd_bus_message_is_method_call(call, kProperties, "GetAll")) {
    sd_bus_message_read_basic(call, 's', &property);
  }
  bool known =
      std::any_of(std::begin(fwctl_dbus_idl::kIdlFiles), std::end(fwctl_dbus_idl::kIdlFiles),
                  [&](const auto& f) { return std::strcmp(f.interface, interface) == 0; });
  std::string text;
  if (sd_bus_error_has_name(error, SD_BUS_ERROR_UNKNOWN_PROPERTY) && known) {
    text = std::string("org.freedesktop.DBus.Error.InvalidArgs: Property '") + property +
           "' does not exist";
  } else if (sd_bus_error_has_name(error, SD_BUS_ERROR_UNKNOWN_PROPERTY) ||
             sd_bus_error_has_name(error, SD_BUS_ERROR_UNKNOWN_INTERFACE)) {
    text = std::string("org.freedesktop.DBus.Error.UnknownInterface: Interface '") + interface +
           "' does not exist";
  } else if (sd_bus_error_has_name(error, SD_BUS_ERROR_PROPERTY_READ_ONLY)) {
    text = std::string("org.freedesktop.DBus.Error.PropertyReadOnly: Property '") + property +
           "' is read-only";
  } else if (sd_bus_error_has_name(error, SD_BUS_ERROR_INVALID_ARGS)) {
    sd_bus_reply_method_errorf(call, kErrorName, "%s", error->message ? error->message : "");
    return true;
  } else {
    return false;
  }
  sd_bus_reply_method_errorf(call, kPythonException, "%s", text.c_str());
  return true;
}

IntrospectionFilter::IntrospectionFilter(sdbus::IObject& object, Authorizer* authorizer)
    : impl_(std::make_shared<Impl>()) {
  impl_->bus = raw_bus_of(object);
  impl_->authorizer = authorizer;
  int r = sd_bus_add_filter(impl_->bus, &impl_->filter, &Impl::on_message, impl_.get());
  if (r < 0) {
    throw sdbus::Error(SD_BUS_ERROR_FAILED,
                       std::string("cannot filter Introspect: ") + std::strerror(-r));
  }
}

IntrospectionFilter::~IntrospectionFilter() = default;

}  // namespace fwctl::bus
