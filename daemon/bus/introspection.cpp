#include "bus/introspection.hpp"

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "dbus_idl/idl_table.h"

namespace fwctl::bus {
namespace {

constexpr std::string_view kObjectHeader =
    "<?xml version=\"1.0\" ?><!DOCTYPE node  PUBLIC "
    "'-//freedesktop//DTD D-BUS Object Introspection 1.0//EN'  "
    "'http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd'>";
constexpr std::string_view kPlainHeader =
    "<!DOCTYPE node PUBLIC \"-//freedesktop//DTD D-BUS Object Introspection 1.0//EN\"\n"
    "\"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd\">\n";
constexpr std::string_view kStandardPrefix = "org.freedesktop.DBus.";

// The two standard interfaces firewalld (python-dbus) lists first on every object, with its
// argument names. They are the D-Bus specification's, not firewalld's, so they have no file in
// dbus/; written in the IDL's own form and rendered like the IDL.
constexpr const char* kStandardInterfaces = R"xml(<node>
  <interface name="org.freedesktop.DBus.Introspectable">
    <method name="Introspect">
      <arg type="s" direction="out"/>
    </method>
  </interface>
  <interface name="org.freedesktop.DBus.Properties">
    <method name="Get">
      <arg name="interface_name" type="s" direction="in"/>
      <arg name="property_name" type="s" direction="in"/>
      <arg type="v" direction="out"/>
    </method>
    <method name="GetAll">
      <arg name="interface_name" type="s" direction="in"/>
      <arg type="a{sv}" direction="out"/>
    </method>
    <method name="Set">
      <arg name="interface_name" type="s" direction="in"/>
      <arg name="property_name" type="s" direction="in"/>
      <arg name="new_value" type="v" direction="in"/>
    </method>
    <signal name="PropertiesChanged">
      <arg name="interface_name" type="s"/>
      <arg name="changed_properties" type="a{sv}"/>
      <arg name="invalidated_properties" type="as"/>
    </signal>
  </interface>
</node>)xml";

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_escaped(out, value);
  out += '"';
}

// One method or signal as python-dbus writes it (attributes in its order: direction, type,
// name), with firewalld's Deprecated annotations appended the way minidom serializes them:
// after the indentation of the closing tag, on its line.
void append_member(std::string& out, const pugi::xml_node& member) {
  std::string_view kind = member.name();
  out += "    <";
  out += kind;
  append_attribute(out, "name", member.attribute("name").value());
  out += ">\n";
  std::string annotations;
  for (auto child : member.children()) {
    std::string_view tag = child.name();
    if (tag == "arg") {
      out += "      <arg";
      if (kind == "method")
        append_attribute(out, "direction", child.attribute("direction").as_string("in"));
      append_attribute(out, "type", child.attribute("type").value());
      if (!child.attribute("name").empty())
        append_attribute(out, "name", child.attribute("name").value());
      out += "/>\n";
    } else if (tag == "annotation") {
      annotations += "<annotation";
      append_attribute(annotations, "name", child.attribute("name").value());
      append_attribute(annotations, "value", child.attribute("value").value());
      annotations += "/>";
    }
  }
  out += "    " + annotations + "</";
  out += kind;
  out += ">\n";
}

// One interface; firewalld appends the properties (minidom) on the line of the closing tag.
std::string render_interface(const pugi::xml_node& itf) {
  std::string out = "  <interface";
  append_attribute(out, "name", itf.attribute("name").value());
  out += ">\n";
  std::string properties;
  for (auto member : itf.children()) {
    std::string_view kind = member.name();
    if (kind == "method" || kind == "signal") {
      append_member(out, member);
    } else if (kind == "property") {
      properties += "<property";
      for (const char* attr : {"name", "type", "access"})
        append_attribute(properties, attr, member.attribute(attr).value());
      properties += "/>";
    }
  }
  out += "  " + properties + "</interface>\n";
  return out;
}

// Every interface of an XML document, rendered, in document order.
std::vector<std::pair<std::string, std::string>> render_document(const char* xml) {
  pugi::xml_document doc;
  if (!doc.load_string(xml)) throw std::logic_error("unreadable introspection XML");
  std::vector<std::pair<std::string, std::string>> out;
  for (auto itf : doc.child("node").children("interface"))
    out.emplace_back(itf.attribute("name").value(), render_interface(itf));
  return out;
}

struct Rendered {
  std::string standard;                                  // Introspectable + Properties
  std::vector<std::pair<std::string, std::string>> idl;  // in FWCTL_DBUS_INTERFACES order
};

// The IDL is compiled in (dbus/idl_table.cmake); it is rendered once, on first use.
const Rendered& rendered() {
  static const Rendered cache = [] {
    Rendered r;
    for (const auto& entry : render_document(kStandardInterfaces)) r.standard += entry.second;
    for (const auto& file : fwctl_dbus_idl::kIdlFiles)
      for (auto& entry : render_document(file.xml)) r.idl.push_back(std::move(entry));
    return r;
  }();
  return cache;
}

void append_children(std::string& out, const std::vector<std::string>& children) {
  for (const auto& child : children) {
    out += "  <node";
    append_attribute(out, "name", child);
    out += "/>\n";
  }
}

}  // namespace

std::optional<NodeFacts> read_sdbus_introspection(std::string_view xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return std::nullopt;
  auto root = doc.child("node");
  if (!root) return std::nullopt;
  NodeFacts facts;
  for (auto itf : root.children("interface")) {
    std::string name = itf.attribute("name").value();
    if (name.rfind(kStandardPrefix, 0) == 0) continue;
    std::ostringstream text;
    itf.print(text);
    facts.interfaces.push_back({name, text.str()});
  }
  // Only the first component of a child counts, should sd-bus ever name a grandchild "a/b".
  for (auto node : root.children("node")) {
    std::string name = node.attribute("name").value();
    name = name.substr(0, name.find('/'));
    if (!name.empty()) facts.children.push_back(name);
  }
  std::sort(facts.children.begin(), facts.children.end());
  facts.children.erase(std::unique(facts.children.begin(), facts.children.end()),
                       facts.children.end());
  return facts;
}

std::string firewalld_introspection(std::string_view path, const NodeFacts& facts) {
  std::string out;
  if (facts.interfaces.empty()) {
    out = kPlainHeader;
    out += "<node>\n";
    append_children(out, facts.children);
    out += "</node>\n";
    return out;
  }
  const Rendered& r = rendered();
  auto has = [&](const std::string& name) {
    return std::any_of(facts.interfaces.begin(), facts.interfaces.end(),
                       [&](const NodeFacts::Interface& i) { return i.name == name; });
  };
  out = kObjectHeader;
  out += "<node";
  append_attribute(out, "name", path);
  out += ">\n" + r.standard;
  for (const auto& [name, text] : r.idl)
    if (has(name)) out += text;
  for (const auto& itf : facts.interfaces) {
    bool in_idl = std::any_of(r.idl.begin(), r.idl.end(),
                              [&](const auto& entry) { return entry.first == itf.name; });
    if (in_idl) continue;
    pugi::xml_document doc;  // not generated from dbus/: shown as sd-bus describes it
    if (doc.load_string(itf.sdbus_xml.c_str())) out += render_interface(doc.child("interface"));
  }
  append_children(out, facts.children);
  out += "</node>";
  return out;
}

}  // namespace fwctl::bus
