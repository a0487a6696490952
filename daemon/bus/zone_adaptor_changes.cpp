// ZoneAdaptor: the runtime add/remove of every element kind, each followed by firewalld's
// signal with the call's own arguments (the zone as firewalld answers it), and the …Removed
// signals of timed additions that expire.

#include <iostream>

#include "bus/error_map.hpp"
#include "bus/zone_adaptor.hpp"

namespace fwctl::bus {

void ZoneAdaptor::add_item(sdbus::Result<std::string>&& result, const char* member,
                           const std::string& zone, const core::ZoneItem& item, int32_t timeout) {
  serve_queued(
      std::move(result), member, queue_,
      [=, this] { return fw_.add_zone_item(zone, item, timeout); },
      [=, this](const std::string& name) { emit_added(name, item, timeout); });
}

void ZoneAdaptor::remove_item(sdbus::Result<std::string>&& result, const char* member,
                              const std::string& zone, const core::ZoneItem& item) {
  serve_queued(
      std::move(result), member, queue_, [=, this] { return fw_.remove_zone_item(zone, item); },
      [=, this](const std::string& name) { emit_removed(name, item); });
}

void ZoneAdaptor::query_item(sdbus::Result<bool>&& result, const char* member, std::string zone,
                             core::ZoneItem item) {
  serve(std::move(result), member, [=, this, zone = std::move(zone), item = std::move(item)] {
    return value_or_throw(fw_.query_zone_item(zone, item));
  });
}

void ZoneAdaptor::emit_added(const std::string& zone, const core::ZoneItem& item, int32_t timeout) {
  const auto& a = item.args;
  switch (item.kind) {
    case Kind::Service:
      return emitServiceAdded(zone, a[0], timeout);
    case Kind::Port:
      return emitPortAdded(zone, a[0], a[1], timeout);
    case Kind::Protocol:
      return emitProtocolAdded(zone, a[0], timeout);
    case Kind::SourcePort:
      return emitSourcePortAdded(zone, a[0], a[1], timeout);
    case Kind::IcmpBlock:
      return emitIcmpBlockAdded(zone, a[0], timeout);
    case Kind::ForwardPort:
      return emitForwardPortAdded(zone, a[0], a[1], a[2], a[3], timeout);
    case Kind::Masquerade:
      return emitMasqueradeAdded(zone, timeout);
    case Kind::IcmpBlockInversion:
      return emitIcmpBlockInversionAdded(zone);
    case Kind::RichRule:
      return emitRichRuleAdded(zone, a[0], timeout);
    case Kind::Forward:
      return;  // no signal of its own: setZoneSettings2 sends ZoneUpdated
  }
}

void ZoneAdaptor::emit_removed(const std::string& zone, const core::ZoneItem& item) {
  const auto& a = item.args;
  switch (item.kind) {
    case Kind::Service:
      return emitServiceRemoved(zone, a[0]);
    case Kind::Port:
      return emitPortRemoved(zone, a[0], a[1]);
    case Kind::Protocol:
      return emitProtocolRemoved(zone, a[0]);
    case Kind::SourcePort:
      return emitSourcePortRemoved(zone, a[0], a[1]);
    case Kind::IcmpBlock:
      return emitIcmpBlockRemoved(zone, a[0]);
    case Kind::ForwardPort:
      return emitForwardPortRemoved(zone, a[0], a[1], a[2], a[3]);
    case Kind::Masquerade:
      return emitMasqueradeRemoved(zone);
    case Kind::IcmpBlockInversion:
      return emitIcmpBlockInversionRemoved(zone);
    case Kind::RichRule:
      return emitRichRuleRemoved(zone, a[0]);
    case Kind::Forward:
      return;
  }
}

void ZoneAdaptor::expire(core::SteadyTime now) {
  auto removed = fw_.expire(now);
  if (!removed) {
    std::cerr << "ERROR: timed removal: " << removed.error().message() << std::endl;
    return;
  }
  for (const auto& timed : *removed) {
    try {  // called from the event loop: a signal that cannot be sent is logged, not thrown
      emit_removed(timed.zone, timed.item);
    } catch (const sdbus::Error& e) {
      std::cerr << "ERROR: cannot send the signal: " << e.what() << std::endl;
    }
  }
}

void ZoneAdaptor::addRichRule(sdbus::Result<std::string>&& result, std::string zone,
                              std::string rule, int32_t timeout) {
  add_item(std::move(result), "addRichRule", zone, {Kind::RichRule, {rule}}, timeout);
}

void ZoneAdaptor::removeRichRule(sdbus::Result<std::string>&& result, std::string zone,
                                 std::string rule) {
  remove_item(std::move(result), "removeRichRule", zone, {Kind::RichRule, {rule}});
}

void ZoneAdaptor::queryRichRule(sdbus::Result<bool>&& result, std::string zone, std::string rule) {
  query_item(std::move(result), "queryRichRule", zone, {Kind::RichRule, {rule}});
}

void ZoneAdaptor::addProtocol(sdbus::Result<std::string>&& result, std::string zone,
                              std::string protocol, int32_t timeout) {
  add_item(std::move(result), "addProtocol", zone, {Kind::Protocol, {protocol}}, timeout);
}

void ZoneAdaptor::removeProtocol(sdbus::Result<std::string>&& result, std::string zone,
                                 std::string protocol) {
  remove_item(std::move(result), "removeProtocol", zone, {Kind::Protocol, {protocol}});
}

void ZoneAdaptor::addSourcePort(sdbus::Result<std::string>&& result, std::string zone,
                                std::string port, std::string protocol, int32_t timeout) {
  add_item(std::move(result), "addSourcePort", zone, {Kind::SourcePort, {port, protocol}}, timeout);
}

void ZoneAdaptor::removeSourcePort(sdbus::Result<std::string>&& result, std::string zone,
                                   std::string port, std::string protocol) {
  remove_item(std::move(result), "removeSourcePort", zone, {Kind::SourcePort, {port, protocol}});
}

void ZoneAdaptor::addMasquerade(sdbus::Result<std::string>&& result, std::string zone,
                                int32_t timeout) {
  add_item(std::move(result), "addMasquerade", zone, {Kind::Masquerade, {}}, timeout);
}

void ZoneAdaptor::removeMasquerade(sdbus::Result<std::string>&& result, std::string zone) {
  remove_item(std::move(result), "removeMasquerade", zone, {Kind::Masquerade, {}});
}

void ZoneAdaptor::addForwardPort(sdbus::Result<std::string>&& result, std::string zone,
                                 std::string port, std::string protocol, std::string toport,
                                 std::string toaddr, int32_t timeout) {
  add_item(std::move(result), "addForwardPort", zone,
           {Kind::ForwardPort, {port, protocol, toport, toaddr}}, timeout);
}

void ZoneAdaptor::removeForwardPort(sdbus::Result<std::string>&& result, std::string zone,
                                    std::string port, std::string protocol, std::string toport,
                                    std::string toaddr) {
  remove_item(std::move(result), "removeForwardPort", zone,
              {Kind::ForwardPort, {port, protocol, toport, toaddr}});
}

void ZoneAdaptor::addIcmpBlock(sdbus::Result<std::string>&& result, std::string zone,
                               std::string icmp, int32_t timeout) {
  add_item(std::move(result), "addIcmpBlock", zone, {Kind::IcmpBlock, {icmp}}, timeout);
}

void ZoneAdaptor::removeIcmpBlock(sdbus::Result<std::string>&& result, std::string zone,
                                  std::string icmp) {
  remove_item(std::move(result), "removeIcmpBlock", zone, {Kind::IcmpBlock, {icmp}});
}

void ZoneAdaptor::addIcmpBlockInversion(sdbus::Result<std::string>&& result, std::string zone) {
  add_item(std::move(result), "addIcmpBlockInversion", zone, {Kind::IcmpBlockInversion, {}}, 0);
}

void ZoneAdaptor::removeIcmpBlockInversion(sdbus::Result<std::string>&& result, std::string zone) {
  remove_item(std::move(result), "removeIcmpBlockInversion", zone, {Kind::IcmpBlockInversion, {}});
}

}  // namespace fwctl::bus
