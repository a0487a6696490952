#include "bus/change_queue.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "bus/raw_bus.hpp"
#include "sys/log.hpp"

namespace fwctl::bus {
namespace {

constexpr std::string_view kZoneInterface = "org.fedoraproject.FirewallD1.zone";

// Sorted: the zone element changes of ZoneAdaptor (zone_adaptor_changes.cpp).
constexpr std::string_view kQueued[] = {
    "addForwardPort",   "addIcmpBlock",      "addIcmpBlockInversion", "addMasquerade",
    "addPort",          "addProtocol",       "addRichRule",           "addService",
    "addSourcePort",    "removeForwardPort", "removeIcmpBlock",       "removeIcmpBlockInversion",
    "removeMasquerade", "removePort",        "removeProtocol",        "removeRichRule",
    "removeService",    "removeSourcePort",
};

}  // namespace

bool queued_call(std::string_view interface, std::string_view member) {
  return interface == kZoneInterface &&
         std::binary_search(std::begin(kQueued), std::end(kQueued), member);
}

ChangeQueue::ChangeQueue(core::Firewall& firewall, size_t limit)
    : fw_(firewall), limit_(std::max<size_t>(limit, 1)) {}

ChangeQueue::~ChangeQueue() { sd_bus_slot_unref(filter_); }

void ChangeQueue::order_messages(sdbus::IObject& object) {
  sd_bus* bus = raw_bus_of(object);
  int r = sd_bus_add_filter(bus, &filter_, &ChangeQueue::on_message, this);
  sd_bus_unref(bus);
  if (r < 0) {
    throw sdbus::Error(SD_BUS_ERROR_FAILED,
                       std::string("cannot order the calls: ") + std::strerror(-r));
  }
}

int ChangeQueue::on_message(sd_bus_message* m, void* userdata, sd_bus_error*) {
  auto* self = static_cast<ChangeQueue*>(userdata);
  if (self->empty()) return 0;
  const char* interface = sd_bus_message_get_interface(m);
  const char* member = sd_bus_message_get_member(m);
  bool queued = sd_bus_message_is_method_call(m, nullptr, nullptr) > 0 && interface && member &&
                queued_call(interface, member);
  if (!queued) self->flush();
  return 0;  // dispatched as usual
}

void ChangeQueue::push(Change change, Answer answer) {
  entries_.push_back({std::move(change), std::move(answer)});
  if (entries_.size() >= limit_) flush();
}

void ChangeQueue::flush() {
  while (!entries_.empty()) {
    // Taken out first: an answer's signal or reply cannot reenter, but be safe if one does.
    std::vector<Entry> entries = std::move(entries_);
    entries_.clear();
    for (size_t i = 0; i < entries.size();) i = make_group(entries, i);
  }
}

size_t ChangeQueue::make_group(std::vector<Entry>& entries, size_t first) {
  std::vector<Result<std::string>> results;
  fw_.begin_group();
  size_t end = first;
  for (; end < entries.size(); ++end) {
    auto result = entries[end].change();
    if (fw_.unstaged()) break;
    results.push_back(std::move(result));
  }
  bool accepted = static_cast<bool>(fw_.end_group());
  if (end - first > 1 && sys::log::debug_enabled(2)) {
    sys::log::debug(2, std::to_string(end - first) + " changes in one batch: " +
                           (accepted ? "accepted" : "refused, made again one by one"));
  }
  if (accepted) {
    for (size_t i = first; i < end; ++i) entries[i].answer(results[i - first]);
  } else {
    // Undone as a whole: each again alone, with its own batch and answer.
    for (size_t i = first; i < end; ++i) entries[i].answer(entries[i].change());
  }
  if (end < entries.size()) {  // could not join: alone, after the group
    entries[end].answer(entries[end].change());
    ++end;
  }
  return end;
}

}  // namespace fwctl::bus
