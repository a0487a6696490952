// FirewallAdaptor: panic mode, log-denied, automatic helpers and resetToDefaults, as firewalld
// 1.3.3's server/firewalld.py serves them.

#include "bus/error_map.hpp"
#include "bus/firewall_adaptor.hpp"

namespace fwctl::bus {

void FirewallAdaptor::enablePanicMode(sdbus::Result<>&& result) {
  serve(std::move(result), "enablePanicMode", [this] {
    value_or_throw(fw_.enable_panic_mode());
    emitPanicModeEnabled();
  });
}

void FirewallAdaptor::disablePanicMode(sdbus::Result<>&& result) {
  serve(std::move(result), "disablePanicMode", [this] {
    value_or_throw(fw_.disable_panic_mode());
    emitPanicModeDisabled();
  });
}

// firewalld writes the value, signals it, then reloads (and signals Reloaded): a reload that
// fails is the caller's error, with the new value already in firewalld.conf.
void FirewallAdaptor::setLogDenied(sdbus::Result<>&& result, std::string value) {
  serve(std::move(result), "setLogDenied", [this, value] {
    value_or_throw(fw_.set_log_denied(value));
    emitLogDeniedChanged(value);
    value_or_throw(reload_and_signal());
  });
}

// Removed in firewalld 1.x: accepted and ignored, no signal.
void FirewallAdaptor::setAutomaticHelpers(sdbus::Result<>&& result, std::string /*value*/) {
  serve(std::move(result), "setAutomaticHelpers", [] {});
}

void FirewallAdaptor::resetToDefaults(sdbus::Result<>&& result) {
  serve(std::move(result), "resetToDefaults", [this] {
    value_or_throw(fw_.reset_to_defaults());
    value_or_throw(reload_and_signal());
  });
}

}  // namespace fwctl::bus
