#pragma once
// What firewalld 1.3.3 answers to org.freedesktop.DBus.Introspectable.Introspect, written from
// fwctl's IDL (dbus/*.xml, the files the sdbus-c++ glue is generated from), byte for byte in
// firewalld's format.
//
// Why not sd-bus's own answer: sd-bus takes argument names for a method all or none, and firewalld
// names the inputs of a method but never its outputs, so sd-bus cannot show firewalld's arguments
// (it would show name="arg0" on outputs). It also lists org.freedesktop.DBus.Peer, which firewalld
// does not, and writes a different header. bus/introspection_filter.hpp answers Introspect with
// this text instead; the facts (which objects exist, with which interfaces and children) still
// come from sd-bus.
//
// firewalld's format, two kinds of answer:
// - an object (python-dbus, re-serialized by firewalld through minidom):
//     <?xml version="1.0" ?><!DOCTYPE node  PUBLIC '...'  '...'><node name="PATH">
//     Introspectable, Properties, then the object's interfaces, then <node name="CHILD"/> lines,
//     "</node>" without a final newline; properties and Deprecated annotations in minidom's layout.
// - any other path (libdbus's default): a double-quoted DOCTYPE, <node>, the children, </node>.
// Children are listed in strcmp order, as libdbus keeps them ("10" before "2").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fwctl::bus {

// What sd-bus reports about one path.
struct NodeFacts {
  struct Interface {
    std::string name;
    std::string sdbus_xml;  // sd-bus's <interface> element, used only for an interface with no IDL
  };
  std::vector<Interface> interfaces;  // without org.freedesktop.DBus.*, which sd-bus adds itself
  std::vector<std::string> children;  // names of the child nodes, sorted, no duplicates
};

// Reads sd-bus's Introspect answer; nullopt when it is not the XML of a node.
std::optional<NodeFacts> read_sdbus_introspection(std::string_view xml);

// firewalld's answer for `path`: an object when `facts` has an interface, otherwise a plain node.
// The interfaces are listed in the order of dbus/CMakeLists.txt's FWCTL_DBUS_INTERFACES
// (firewalld's), those without an IDL file last.
std::string firewalld_introspection(std::string_view path, const NodeFacts& facts);

}  // namespace fwctl::bus
