#pragma once
// What zone and policy files share (firewalld's common_startElement, common_endElement and
// common_writer): services, ports, protocols, icmp-blocks, masquerade, forward-ports,
// source-ports and rich rules. `Item` is model::Zone or model::Policy.

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "config/port_range.hpp"
#include "config/rich_rule_xml.hpp"
#include "config/xml_writer.hpp"

namespace fwctl::config {

template <typename Item>
class CommonReader {
 public:
  CommonReader(ItemReader& reader, Item& item)
      : reader_(reader),
        item_(item),
        rules_(reader),
        ports_(item.ports),
        source_ports_(item.source_ports) {}

  RuleReader& rules() { return rules_; }

  // Reads `element` if it is one of the shared elements; false when it is not.
  Result<bool> start(const XmlElement& element);
  void end(const XmlElement& element) { rules_.end(element, item_.rules); }

 private:
  bool start_in_rule(const XmlElement& element);
  Status add_port(const XmlElement& element, PortListBuilder& ports);
  Status add_protocol(const XmlElement& element);
  Status add_forward_port(const XmlElement& element);
  void add_name(const XmlElement& element, std::vector<std::string>& names, std::string_view what);
  Result<bool> start_rule_part(const XmlElement& element);

  ItemReader& reader_;
  Item& item_;
  RuleReader rules_;
  PortListBuilder ports_;
  PortListBuilder source_ports_;
};

// short, description, services, ports, protocols, icmp-blocks, masquerade, forward-ports,
// source-ports and rules, each line indented by two spaces.
template <typename Item>
void write_common(XmlWriter& writer, const Item& item);

}  // namespace fwctl::config
