#pragma once
// Service files (firewalld.service(5)), read and written as firewalld 1.3.3's service_reader
// and service_writer do.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "model/service.hpp"

namespace fwctl::config {

// Reads the content of a service file; see parse_zone() for the error and warning contract.
// INVALID_SERVICE for malformed XML. As firewalld's reader does, a <port> without a port number
// becomes a protocol, and a module is stored by its short name ("nf_conntrack_netbios_ns" →
// "netbios-ns"). Ports are kept as written (services, unlike zones, do not merge them).
Result<Parsed<model::Service>> parse_service(std::string_view xml, std::string_view name,
                                             const std::string& file);

// The bytes firewalld 1.3.3 writes for `service`.
std::string format_service(const model::Service& service);

}  // namespace fwctl::config
