#pragma once
// Answers org.freedesktop.DBus.Introspectable.Introspect on a connection with firewalld's text
// (bus/introspection.hpp) instead of sd-bus's, for every path: objects exported later (the
// per-item /config/zone/N ...) are covered without being announced to it.
//
// How, and why this way:
// - sd-bus refuses a vtable for org.freedesktop.DBus.Introspectable and answers Introspect itself
//   (after filters and node callbacks). An object callback (sd_bus_add_object) would have to be
//   added for every path, by whoever exports it; a fallback callback is asked only after sd-bus
//   has answered an existing node itself. A filter (sd_bus_add_filter) sees every incoming message
//   first, so it is the one hook that covers all paths.
// - sd-bus has no call that lists its objects or their interfaces; only its Introspect answer
//   tells which interfaces and child nodes a path has right now. So the filter asks sd-bus: it
//   sends the same Introspect to its own unique name (asynchronously, through the bus), lets that
//   call through to sd-bus, and answers the original caller from sd-bus's reply rewritten by
//   firewalld_introspection(). A path sd-bus does not know gets libdbus's empty node, as
//   firewalld's clients see it. Any other error of that call is passed on to the caller.
// - sdbus-c++ 1.2 does not hand out its sd_bus*; it is taken from a message created on the
//   connection (IObject::createSignal(), never sent), see bus/raw_bus.hpp.
// - sd-bus also answers org.freedesktop.DBus.Properties itself (Get, GetAll and Set call the
//   registered getters and setters synchronously), and firewalld guards these methods and
//   Introspect with polkit like its own (Get/GetAll/Set: ...config, the class default;
//   Introspect: ...info). Given an Authorizer, the filter checks the caller first, without
//   blocking anybody (polkit answers later), refuses with firewalld's NotAuthorizedException, and
//   once authorized sends the same call to its own unique name and relays sd-bus's answer.
// The filter runs on the thread that processes the connection, like every sd-bus callback.

#include <sdbus-c++/IObject.h>
#include <systemd/sd-bus.h>

#include <memory>

namespace fwctl::bus {

class Authorizer;

// firewalld's answer where sd-bus refused a Properties Get, GetAll or Set of `call`: firewalld
// raises DBusException("org.freedesktop.DBus.Error.X: ..."), which dbus-python sends under the
// python class's name, so clients that retry on org.freedesktop.DBus.Error.* names
// (firewall-config) do not retry; a value of the wrong type fails inside firewalld's Set as its
// Exception. Replies and returns true, or returns false when `error` is none of these.
bool reply_firewalld_properties_error(sd_bus_message* call, const sd_bus_error* error);

class IntrospectionFilter {
 public:
  // Installs the filter on the connection `object` is exported on; throws sdbus::Error when
  // sd-bus refuses it. Install it before the connection's event loop runs on another thread.
  // Without `authorizer` nobody is checked (tests of the introspection text alone).
  explicit IntrospectionFilter(sdbus::IObject& object, Authorizer* authorizer = nullptr);
  // Removes the filter; callers whose answer is still pending get none (the bus tells them when
  // the connection closes).
  ~IntrospectionFilter();
  IntrospectionFilter(const IntrospectionFilter&) = delete;
  IntrospectionFilter& operator=(const IntrospectionFilter&) = delete;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;  // shared: a pending authorization holds a weak reference
};

}  // namespace fwctl::bus
