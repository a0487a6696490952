#include "bus/ipset_adaptor.hpp"

#include <algorithm>
#include <unordered_set>

#include "bus/error_map.hpp"

namespace fwctl::bus {

void IpSetAdaptor::queryIPSet(sdbus::Result<bool>&& result, std::string ipset) {
  serve(std::move(result), "queryIPSet", [this, ipset] { return fw_.query_ipset(ipset); });
}

void IpSetAdaptor::getIPSets(sdbus::Result<Strings>&& result) {
  serve(std::move(result), "getIPSets", [this] { return fw_.ipset_names(); });
}

void IpSetAdaptor::getIPSetSettings(sdbus::Result<IpSetTuple>&& result, std::string ipset) {
  serve(std::move(result), "getIPSetSettings",
        [this, ipset] { return ipset_tuple(*value_or_throw(fw_.ipset(ipset))); });
}

// The signals carry the entry as given, not normalized, as firewalld's do.
void IpSetAdaptor::addEntry(sdbus::Result<>&& result, std::string ipset, std::string entry) {
  serve(std::move(result), "addEntry", [this, ipset, entry] {
    value_or_throw(fw_.add_ipset_entry(ipset, entry));
    emitEntryAdded(ipset, entry);
  });
}

void IpSetAdaptor::removeEntry(sdbus::Result<>&& result, std::string ipset, std::string entry) {
  serve(std::move(result), "removeEntry", [this, ipset, entry] {
    value_or_throw(fw_.remove_ipset_entry(ipset, entry));
    emitEntryRemoved(ipset, entry);
  });
}

void IpSetAdaptor::queryEntry(sdbus::Result<bool>&& result, std::string ipset, std::string entry) {
  serve(std::move(result), "queryEntry",
        [this, ipset, entry] { return value_or_throw(fw_.query_ipset_entry(ipset, entry)); });
}

void IpSetAdaptor::getEntries(sdbus::Result<Strings>&& result, std::string ipset) {
  serve(std::move(result), "getEntries",
        [this, ipset] { return value_or_throw(fw_.ipset(ipset))->entries; });
}

// A signal for each entry that came and each that went (firewalld: set differences).
void IpSetAdaptor::setEntries(sdbus::Result<>&& result, std::string ipset, Strings entries) {
  serve(std::move(result), "setEntries", [this, ipset, entries] {
    Strings before = value_or_throw(fw_.ipset(ipset))->entries;
    value_or_throw(fw_.set_ipset_entries(ipset, entries));
    // Hashed: a request of 100,000 entries compared pairwise took half a minute.
    std::unordered_set<std::string> had(before.begin(), before.end());
    std::unordered_set<std::string> now(entries.begin(), entries.end());
    for (const auto& e : entries) {
      if (had.insert(e).second) emitEntryAdded(ipset, e);  // once each, in request order
    }
    for (const auto& e : before) {
      if (!now.count(e)) emitEntryRemoved(ipset, e);
    }
  });
}

}  // namespace fwctl::bus
