#pragma once
// Small value types shared by the configuration kinds. Values are kept as the strings firewalld
// keeps (e.g. "8080-8090"), because they travel unchanged to XML, D-Bus and the CLI; validation
// lives in validate.hpp.

#include <compare>
#include <string>

namespace fwctl::model {

// <port port="80" protocol="tcp"/>, also used for source ports and helper ports.
struct PortProto {
  std::string port;      // "80" or "8080-8090"
  std::string protocol;  // tcp, udp, sctp or dccp
  bool operator==(const PortProto&) const = default;
  auto operator<=>(const PortProto&) const = default;  // for unique_in_order()
};

// <forward-port port="80" protocol="tcp" to-port="8080" to-addr="10.0.0.2"/>
struct ForwardPort {
  std::string port;
  std::string protocol;
  std::string to_port;  // empty when absent
  std::string to_addr;  // empty when absent
  bool operator==(const ForwardPort&) const = default;
  auto operator<=>(const ForwardPort&) const = default;  // for unique_in_order()
};

// Common header of every kind: the name comes from the file name (without .xml).
struct ItemInfo {
  std::string name;
  std::string version;
  std::string short_;
  std::string description;
  bool operator==(const ItemInfo&) const = default;
};

}  // namespace fwctl::model
