#pragma once
// Calls to firewalld's interfaces in an argument form sd-bus would refuse but firewalld accepts
// (bus/argument_forms.hpp: a settings struct as an array of variants, another integer width, a
// value in a variant, ...) reach the adaptors in the IDL's form, and forms firewalld refuses get
// firewalld's error (org.fedoraproject.FirewallD1.Exception) instead of sd-bus's InvalidArgs.
//
// How: a filter (sd_bus_add_filter, which sees every incoming message before sd-bus dispatches
// it) takes each call to an org.fedoraproject.FirewallD1* interface whose signature differs from
// the IDL's, or whose variants carry a form the adaptors' readers would not take. It asks the
// Authorizer about the caller as the adaptor would (polkit, lockdown), converts the arguments,
// and sends the converted call to its own unique name; the adaptor lets that call through
// (Authorizer: our own name) and the filter relays the answer, reply or error, to the caller.
// sd-bus gives no way to hand a rebuilt message to its own dispatch, hence the round trip through
// the bus; it costs only the calls in a foreign form. Calls already in the IDL's form are not
// touched. org.freedesktop.DBus.Properties' Get, GetAll and Set are firewalld's methods too (its
// objects define them, with dbus-python's rules), and are converted the same way.

#include <sdbus-c++/IObject.h>

#include <functional>
#include <memory>
#include <string_view>

namespace fwctl::bus {

class Authorizer;

// The input signature of `interface`.`member` in firewalld's IDL (dbus/*.xml); empty when the
// IDL has no such method.
std::string_view idl_input_signature(std::string_view interface, std::string_view member);

class ConversionFilter {
 public:
  // True when an object is exported at the path.
  using Exists = std::function<bool(std::string_view path)>;

  // Installs the filter on the connection `object` is exported on; throws sdbus::Error when
  // sd-bus refuses it. A call to one of firewalld's interfaces (or Properties) at a path where
  // `exists` says no object is gets libdbus's answer, as from firewalld (dbus-python has no
  // object there): UnknownMethod 'Method "M" with signature "S" on interface "I" doesn't
  // exist', where sd-bus would say UnknownObject.
  ConversionFilter(sdbus::IObject& object, Authorizer& authorizer, Exists exists);
  ~ConversionFilter();
  ConversionFilter(const ConversionFilter&) = delete;
  ConversionFilter& operator=(const ConversionFilter&) = delete;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;  // shared: a pending authorization holds a weak reference
};

}  // namespace fwctl::bus
