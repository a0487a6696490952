#include "bus/bus_service.hpp"

#include <poll.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>

#include "bus/authorizer.hpp"
#include "bus/change_queue.hpp"
#include "bus/config_adaptor.hpp"
#include "bus/config_direct_adaptor.hpp"
#include "bus/config_objects.hpp"
#include "bus/config_policies_adaptor.hpp"
#include "bus/conversion_filter.hpp"
#include "bus/direct_adaptor.hpp"
#include "bus/error_map.hpp"
#include "bus/firewall_adaptor.hpp"
#include "bus/fwctl_config_adaptor.hpp"
#include "bus/fwctl_firewall_adaptor.hpp"
#include "bus/introspection_filter.hpp"
#include "bus/ipset_adaptor.hpp"
#include "bus/policies_adaptor.hpp"
#include "bus/policy_adaptor.hpp"
#include "bus/zone_adaptor.hpp"
#include "sys/log.hpp"

namespace fwctl::bus {
namespace {

// Milliseconds from now until the absolute CLOCK_MONOTONIC time `usec`; -1 for "no timeout".
int poll_timeout(uint64_t usec) {
  if (usec == UINT64_MAX) return -1;
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  uint64_t now_usec = static_cast<uint64_t>(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
  if (usec <= now_usec) return 0;
  uint64_t ms = (usec - now_usec + 999) / 1000;
  return ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
}

// Milliseconds until `deadline` (steady_clock is CLOCK_MONOTONIC too), rounded up; -1 for none.
// A timeout that would not fit in poll()'s int is cut to INT_MAX ms: the loop just wakes up once.
int timer_timeout(std::optional<core::SteadyTime> deadline) {
  if (!deadline) return -1;
  auto left =
      std::chrono::ceil<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return 0;
  return left.count() > INT_MAX ? INT_MAX : static_cast<int>(left.count());
}

// The shorter of two poll() timeouts, -1 meaning none.
int earliest(int a, int b) {
  if (a < 0) return b;
  return b < 0 ? a : std::min(a, b);
}

}  // namespace

BusService::BusService(sdbus::IConnection& connection, core::Firewall& firewall)
    : connection_(connection),
      fw_(firewall),
      confirmation_(firewall),
      counters_(firewall),
      main_object_(sdbus::createObject(connection, kMainPath)),
      config_object_(sdbus::createObject(connection, kConfigPath)),
      authorizer_(std::make_unique<Authorizer>(connection)) {
  authorizer_->guard_with(firewall);
  firewall_ = std::make_unique<FirewallAdaptor>(*main_object_, *authorizer_, firewall);
  queue_ = std::make_unique<ChangeQueue>(firewall);
  zone_ = std::make_unique<ZoneAdaptor>(*main_object_, *authorizer_, firewall, *queue_);
  policy_ = std::make_unique<PolicyAdaptor>(*main_object_, *authorizer_, firewall);
  ipset_ = std::make_unique<IpSetAdaptor>(*main_object_, *authorizer_, firewall);
  direct_ = std::make_unique<DirectAdaptor>(*main_object_, *authorizer_, firewall.direct());
  policies_ = std::make_unique<PoliciesAdaptor>(*main_object_, *authorizer_, firewall.lockdown());
  fwctl_firewall_ = std::make_unique<FwctlFirewallAdaptor>(*main_object_, *authorizer_,
                                                           confirmation_, counters_, firewall);
  main_object_->finishRegistration();
  config_objects_ = std::make_unique<ConfigObjects>(connection, *config_object_, *authorizer_,
                                                    firewall.permanent_store());
  config_ = std::make_unique<ConfigAdaptor>(*config_object_, *authorizer_,
                                            firewall.permanent_store(), *config_objects_);
  config_direct_ =
      std::make_unique<ConfigDirectAdaptor>(*config_object_, *authorizer_, firewall.direct());
  config_policies_ =
      std::make_unique<ConfigPoliciesAdaptor>(*config_object_, *authorizer_, firewall.lockdown());
  fwctl_config_ = std::make_unique<FwctlConfigAdaptor>(*config_object_, firewall.permanent_store());
  config_object_->finishRegistration();
  config_objects_->rebuild();
  firewall_->set_config_objects(config_objects_.get());
  firewall_->set_on_reloaded([this] {
    if (watcher_) watcher_->rearm();
  });
  // Introspect answers in firewalld's form for every path, objects exported later included.
  introspection_ = std::make_unique<IntrospectionFilter>(*main_object_, authorizer_.get());
  conversion_ = std::make_unique<ConversionFilter>(
      *main_object_, *authorizer_, [this](std::string_view path) {
        return path == kMainPath || path == kConfigPath || config_objects_->serves(path);
      });
  queue_->order_messages(*main_object_);
}

BusService::~BusService() {
  config_objects_.reset();
  // Unexport before the adaptors the vtables point into go away.
  config_object_->unregister();
  main_object_->unregister();
}

Status BusService::request_name() {
  try {
    connection_.requestName(kBusName);
  } catch (const sdbus::Error& e) {
    return fail(Code::COMMAND_FAILED, std::string("cannot own ") + kBusName + ": " + e.what());
  }
  return ok();
}

Status BusService::reload() {
  try {
    return firewall_->reload_and_signal();
  } catch (const sdbus::Error& e) {  // the signal could not be sent
    return fail(Code::COMMAND_FAILED, e.what());
  }
}

int BusService::timers_timeout() const {
  return earliest(timer_timeout(zone_->next_deadline()),
                  timer_timeout(fwctl_firewall_->next_deadline()));
}

void BusService::run_due_timers() {
  auto now = std::chrono::steady_clock::now();
  if (auto due = zone_->next_deadline(); due && *due <= now) zone_->expire(now);
  if (auto due = fwctl_firewall_->next_deadline(); due && *due <= now) {
    // The runtime changed under every client's feet: firewalld's clients re-read on Reloaded.
    if (fwctl_firewall_->expire(now)) firewall_->emitReloaded();
  }
}

Status BusService::watch_config(const std::vector<std::string>& trees) {
  auto watcher = sys::ConfigWatcher::open(trees);
  if (!watcher) return watcher;
  watcher_ = std::move(*watcher);
  return ok();
}

void BusService::report_config_change(const std::string& file) {
  sys::log::debug(1, "Changed out of band: " + file);
  sys::log::info("Detected permanent (on-disk) configuration change out-of-band of firewalld!");
  std::vector<Error> logged;
  Status checked = fw_.check_permanent_config(logged);
  if (checked) {
    sys::log::info("To load the new configuration, reload firewalld:");
    sys::log::info("  # fwctl --reload");
    return;
  }
  sys::log::warning(checked.error().log_line());
  sys::log::warning(
      "Unfortunately, the new configuration cannot be loaded by the running firewalld. This may "
      "occur if new configuration was installed that the running firewalld does not support. Or "
      "it may occur if the configuration is invalid.");
}

Status BusService::run(int fd, const std::function<bool()>& on_fd) {
  try {
    for (;;) {
      while (connection_.processPendingRequest()) {
      }
      // The changes that came together, in one batch (bus/change_queue.hpp); their answers
      // may bring more calls, read before the loop sleeps.
      if (!queue_->empty()) {
        queue_->flush();
        continue;
      }
      // What the calls just served wrote is the daemon's own change, not one behind its back.
      if (watcher_) watcher_->discard();
      config_objects_->collect();  // objects removed by their own calls, now out of them
      auto data = connection_.getEventLoopPollData();
      int watch_fd = watcher_ ? watcher_->fd() : -1;
      pollfd fds[3] = {{data.fd, data.events, 0}, {fd, POLLIN, 0}, {watch_fd, POLLIN, 0}};
      // Wake up for sd-bus, the next timer or the watcher's report, whichever comes first.
      auto report_at = watcher_ ? watcher_->deadline() : std::nullopt;
      int timeout = earliest(poll_timeout(data.timeout_usec), timers_timeout());
      timeout = earliest(timeout, timer_timeout(report_at));
      int n = ::poll(fds, watcher_ ? 3 : 2, timeout);
      if (n < 0 && errno != EINTR) return fail(Code::COMMAND_FAILED, std::strerror(errno));
      run_due_timers();
      if (watcher_) {
        auto now = std::chrono::steady_clock::now();
        if (n > 0 && (fds[2].revents & POLLIN)) watcher_->take(now);
        if (auto file = watcher_->due(now)) report_config_change(*file);
      }
      if (n > 0 && (fds[1].revents & POLLIN) && !on_fd()) return ok();
    }
  } catch (const sdbus::Error& e) {
    return fail(Code::COMMAND_FAILED, e.what());
  }
}

}  // namespace fwctl::bus
