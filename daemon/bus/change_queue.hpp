#pragma once
// Group commit of runtime changes (issue 13): the zone element add/remove calls that arrive
// together are committed to the kernel in one netlink batch instead of one batch each.
//
// A kernel batch costs work that grows with the table whatever the batch holds (nf_tables
// validates the table and rebuilds each touched chain's rule blob per transaction): with 20
// clients adding ports, that was most of fwctld's time per change. So the adaptor queues such a
// call (once authorized) instead of making it; the event loop, once it has read every message
// waiting (BusService::run), or the queue, once `limit` calls wait, makes them in order in a
// group (core::Firewall::begin_group): each call's checks and edit as alone, against the state
// its predecessors in the group left, and one batch for all. Accepted: each call gets its
// signal and answer. Refused: the firewall undid the whole group, and each call is made again
// alone, in order, with its own batch and answer; so a change the kernel refuses fails alone and
// changes nothing, as "one change, one batch" promises each caller. A call that cannot join a
// group (core::Firewall::unstaged: not a splice, or touching a rule added in the group) ends the
// group and is made alone after it.
//
// Order: calls are made in the order they arrived. Any other message (another method, a polkit
// reply that lets another call go on) first makes what is queued (a filter on the connection),
// so no call overtakes a queued one, and a caller sees its own changes in order.

#include <sdbus-c++/IObject.h>
#include <systemd/sd-bus.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

// Whether `member` of `interface` is a call the adaptor queues (ZoneAdaptor::add_item/remove_item).
bool queued_call(std::string_view interface, std::string_view member);

class ChangeQueue {
 public:
  using Change = std::function<Result<std::string>()>;             // the core call
  using Answer = std::function<void(const Result<std::string>&)>;  // signals and reply
  static constexpr size_t kLimit = 64;

  explicit ChangeQueue(core::Firewall& firewall, size_t limit = kLimit);
  ~ChangeQueue();
  ChangeQueue(const ChangeQueue&) = delete;
  ChangeQueue& operator=(const ChangeQueue&) = delete;

  // Installs the filter that makes the queue before any other message is dispatched on the
  // connection `object` is exported on; throws sdbus::Error when sd-bus refuses it.
  void order_messages(sdbus::IObject& object);

  void push(Change change, Answer answer);
  // Makes every queued call, in groups, and answers each.
  void flush();
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    Change change;
    Answer answer;
  };
  // Makes entries [first, end) of `entries` as one group, up to the first that cannot join;
  // returns the index after the last entry made.
  size_t make_group(std::vector<Entry>& entries, size_t first);
  static int on_message(sd_bus_message* m, void* userdata, sd_bus_error*);

  core::Firewall& fw_;
  size_t limit_;
  std::vector<Entry> entries_;
  sd_bus_slot* filter_ = nullptr;
};

}  // namespace fwctl::bus
