#pragma once
// The sd-bus objects under sdbus-c++ 1.2, for the hooks it has no API for (filters, node
// enumerators): sdbus-c++ keeps a message's sd_bus_message* in the protected member
// Message::msg_ and has no accessor for it, nor for the connection's sd_bus*. A pointer to that
// member, formed in a derived class (which the language allows for a protected member), reads it
// from any Message; nothing else of sdbus-c++ is bypassed.

#include <sdbus-c++/Error.h>
#include <sdbus-c++/IObject.h>
#include <sdbus-c++/Message.h>
#include <systemd/sd-bus.h>

namespace fwctl::bus {

struct RawBusAccess : sdbus::Message {
  static sd_bus_message* raw(const sdbus::Message& message) {
    return static_cast<sd_bus_message*>(message.*(&RawBusAccess::msg_));
  }
};

// The sd_bus* of the connection `object` is exported on, with a reference of its own (taken
// from a signal created on it, never sent).
inline sd_bus* raw_bus_of(sdbus::IObject& object) {
  sdbus::Signal probe = object.createSignal("org.freedesktop.DBus.Introspectable", "Probe");
  sd_bus* bus = sd_bus_message_get_bus(RawBusAccess::raw(probe));
  if (bus == nullptr) throw sdbus::Error(SD_BUS_ERROR_FAILED, "no sd-bus connection");
  return sd_bus_ref(bus);
}

}  // namespace fwctl::bus
