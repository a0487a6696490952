#pragma once
// How firewall-cmd reacts to a failed call (client.py's handle_exceptions and FirewallCommand's
// exception_handler): "NotAuthorizedException" → the authorization text, exit 253; a warn-only
// code (ALREADY_ENABLED, NOT_ENABLED, ZONE_ALREADY_SET, ALREADY_SET) → "Warning: <msg>" and the
// command goes on with an empty result; anything else → "Error: <msg>", exit <code>. Inside
// add/remove/query sequences the handler is off and the sequence sees the error itself.

#include <functional>
#include <string>
#include <vector>

#include "bus.hpp"
#include "printer.hpp"

namespace fwctl::cli {

// A FirewallError raised on the client side ("ALREADY_ENABLED: http"), as firewall-cmd's
// settings objects and value checks raise them.
struct FwError {
  std::string message;
};

// FirewallError.get_code(): the code before the first ':', UNKNOWN_ERROR (254) when unknown.
int error_code(const std::string& message);
bool warn_only(int code);

class Client {
 public:
  Client(Bus& bus, const Printer& printer) : bus_(&bus), printer_(printer) {}
  // Without a bus (--offline): sequences then skip fw.authorizeAll().
  explicit Client(const Printer& printer) : bus_(nullptr), printer_(printer) {}

  Bus& bus() { return *bus_; }
  bool has_bus() const { return bus_ != nullptr; }
  const Printer& printer() const { return printer_; }

  // Runs a D-Bus call under handle_exceptions. On a warning the result is T{}.
  template <typename F>
  auto call(F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (const sdbus::Error& e) {
      if (!handler_) throw;
      handle(e.getName(), e.getMessage());
    } catch (const FwError& e) {
      if (!handler_) throw;
      handle("", e.message);
    }
    if constexpr (!std::is_void_v<decltype(f())>) return {};
  }

  // exception_handler(message) with the handler on: prints a warning or exits.
  void handle(const std::string& name, const std::string& message) const;
  // fail_if_not_authorized: exits 253 when `name` is a NotAuthorizedException.
  void fail_if_not_authorized(const std::string& name) const;

  void set_handler(bool on) { handler_ = on; }
  // firewall-offline-cmd: a FirewallError outside a sequence ends the command through its
  // outer `except FirewallError`: the bare message and its code, warn-only codes included.
  void set_offline_cmd(bool on) { offline_cmd_ = on; }
  bool offline_cmd() const { return offline_cmd_; }

 private:
  Bus* bus_;
  const Printer& printer_;
  bool handler_ = true;
  bool offline_cmd_ = false;
};

// One item of an add/remove/query sequence after parsing: the call arguments, and what
// firewall-cmd shows for it in "%s"-messages (where it shows None for a missing field).
struct Item {
  std::vector<std::string> args;
  std::vector<std::string> shown;
};
using ParseItem = std::function<Item(const std::string&)>;  // throws FwError
Item plain_item(const std::string& value);

// FirewallCommand.__cmd_sequence: parse each item (a parse error is fatal for one item, a
// warning for several), then run `action` on each. With `authorize`, fw.authorizeAll() first.
// Returns normally when firewall-cmd would go on (to print "success"); exits otherwise.
void cmd_sequence(Client& c, const std::vector<std::string>& items, const ParseItem& parse,
                  const std::function<void(const Item&)>& action, bool authorize);
// FirewallCommand.__query_sequence: "yes"/"no" for one item, "<message>: yes" lines for several;
// always exits (0, or 1 for a single "no").
[[noreturn]] void query_sequence(Client& c, const std::vector<std::string>& items,
                                 const ParseItem& parse,
                                 const std::function<bool(const Item&)>& query,
                                 const std::string& message);

}  // namespace fwctl::cli
