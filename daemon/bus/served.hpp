#pragma once
// What every adaptor method does, in one place: authorize the caller (Authorizer, possibly waiting
// for polkit), run the body, answer. The generated adaptors are asynchronous (dbus/xml2cpp.cmake),
// so each method receives an sdbus::Result<...> and hands it to serve():
//
//   void ZoneAdaptor::addPort(sdbus::Result<std::string>&& result, std::string zone, ...) {
//     serve(std::move(result), "addPort", [=, this] {
//       std::string name = value_or_throw(fw_.add_port(zone, port, protocol, timeout));
//       emitPortAdded(name, port, protocol, timeout);
//       return name;
//     });
//   }
//
// The body may run later than the call (once polkit answered), so it captures by value. It runs
// inside guarded(): whatever it throws becomes the error reply; nothing escapes into sd-bus.
// The adaptor (`this` in the body) may be gone by then: a per-item object removed while the check
// was pending (config/zone/N remove). A token that dies with the adaptor tells: the caller then
// gets what a call to a removed object gets (bus/conversion_filter.hpp: libdbus's UnknownMethod,
// as from firewalld), and the body does not run.

#include <sdbus-c++/IObject.h>
#include <sdbus-c++/Message.h>
#include <sdbus-c++/MethodResult.h>
#include <systemd/sd-bus.h>

#include <iostream>
#include <memory>
#include <string>
#include <utility>

#include "bus/authorizer.hpp"
#include "bus/change_queue.hpp"
#include "bus/conversion_filter.hpp"  // idl_input_signature
#include "bus/error_map.hpp"

namespace fwctl::bus {

class Served {
 protected:
  Served(sdbus::IObject& object, Authorizer& authorizer, const char* interface)
      : object_(object), authorizer_(authorizer), interface_(interface) {}

  sdbus::IConnection& bus() const { return object_.getConnection(); }

  // Who sends the call being processed, for bindings (core::Binder); call before serve().
  core::Binder binder() const {
    return authorizer_.binder_of(*object_.getCurrentlyProcessedMessage());
  }

  template <typename... R, typename Body>
  void serve(sdbus::Result<R...>&& result, const char* member, Body body) {
    authorized(std::move(result), member,
               [member, body](const Reply<R...>& reply) mutable { answer(*reply, member, body); });
  }

  // As serve(), for a runtime change that may go to the kernel in one batch with others
  // (bus/change_queue.hpp): `change` is the core call, queued once authorized; `then` what
  // follows its success (signals). The answer goes once the change is in the kernel.
  template <typename Change, typename Then>
  void serve_queued(sdbus::Result<std::string>&& result, const char* member, ChangeQueue& queue,
                    Change change, Then then) {
    authorized(std::move(result), member,
               [&queue, member, change, then](const Reply<std::string>& reply) mutable {
                 queue.push(change, [reply, member, then](const Result<std::string>& made) {
                   auto body = [&] {
                     std::string name = value_or_throw(made);
                     then(name);
                     return name;
                   };
                   answer(*reply, member, body);
                 });
               });
  }

  // As serve(), for an answer sdbus-c++ cannot write as firewalld does (a dict whose keys go in
  // firewalld's order, where sdbus-c++ sorts std::map keys): `write` fills the reply message.
  template <typename... R, typename Write>
  void serve_written(sdbus::Result<R...>&& result, const char* member, Write write) {
    // sdbus-c++ hands a method its call as the currently processed message, a MethodCall.
    sdbus::MethodCall call =
        static_cast<const sdbus::MethodCall&>(*object_.getCurrentlyProcessedMessage());
    authorized(std::move(result), member, [call, member, write](const Reply<R...>& reply) mutable {
      try {
        sdbus::MethodReply out = call.createReply();
        guarded(member, [&] { write(out); });
        out.send();
      } catch (const sdbus::Error& e) {
        send_error(*reply, e);
      }
    });
  }

 private:
  template <typename... R>
  using Reply = std::shared_ptr<sdbus::Result<R...>>;

  // Asks the Authorizer about the caller; `then` runs with the reply to send once it may.
  template <typename... R, typename Then>
  void authorized(sdbus::Result<R...>&& result, const char* member, Then then) {
    auto reply = std::make_shared<sdbus::Result<R...>>(std::move(result));
    const sdbus::Message& call = *object_.getCurrentlyProcessedMessage();
    std::weak_ptr<const bool> alive = alive_;
    // What libdbus answers, for firewalld, at a path where no object is.
    sdbus::Error gone(SD_BUS_ERROR_UNKNOWN_METHOD,
                      std::string("Method \"") + member + "\" with signature \"" +
                          std::string(idl_input_signature(interface_, member)) +
                          "\" on interface \"" + interface_ + "\" doesn't exist\n");
    authorizer_.check(call, interface_, member,
                      [reply, then, alive, gone](const sdbus::Error* refusal) mutable {
                        if (refusal) return send_error(*reply, *refusal);
                        if (alive.expired()) return send_error(*reply, gone);
                        then(reply);
                      });
  }

  template <typename... R, typename Body>
  static void answer(const sdbus::Result<R...>& reply, const char* member, Body& body) {
    try {
      if constexpr (sizeof...(R) == 0) {
        guarded(member, body);
        reply.returnResults();
      } else {
        reply.returnResults(guarded(member, body));
      }
    } catch (const sdbus::Error& e) {
      send_error(reply, e);
    }
  }

  // The reply may be sent from polkit's reply callback: a failure to send is logged, not thrown.
  template <typename... R>
  static void send_error(const sdbus::Result<R...>& reply, const sdbus::Error& error) {
    try {
      reply.returnError(error);
    } catch (const sdbus::Error& e) {
      std::cerr << "ERROR: cannot send the reply: " << e.what() << std::endl;
    }
  }

  sdbus::IObject& object_;
  Authorizer& authorizer_;
  const char* interface_;
  std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);  // see serve()
};

}  // namespace fwctl::bus
