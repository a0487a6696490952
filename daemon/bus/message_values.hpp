#pragma once
// A method call's arguments as bus/argument_forms.hpp's Values, and back: read as dbus-python
// reads them (variants unwrapped, every integer width an Int), written in exactly the
// signature asked for (bus/conversion_filter.hpp rebuilds a call with them).

#include <systemd/sd-bus.h>

#include <string_view>
#include <vector>

#include "bus/argument_forms.hpp"

namespace fwctl::bus {

// Reads the remaining arguments of `m` (rewound by the caller); a negative errno when the
// message cannot be read.
int read_values(sd_bus_message* m, std::vector<Value>& out);

// Appends `values` to `m` as `signature`'s complete types (a 'v' wraps the value in its own
// signature); a negative errno on failure.
int write_values(sd_bus_message* m, std::string_view signature, const std::vector<Value>& values);

}  // namespace fwctl::bus
