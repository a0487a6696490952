#include "bus/systemd_job.hpp"

#include <sdbus-c++/sdbus-c++.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "bus/remote_property.hpp"

namespace fwctl::bus {
namespace {

constexpr const char* kSystemd = "org.freedesktop.systemd1";
// Asked on the way out: a systemd that does not answer must not hold the stop up.
constexpr std::chrono::seconds kSystemdTimeout{1};

}  // namespace

bool systemd_restarts_us(sdbus::IConnection& bus) {
  try {
    auto manager = sdbus::createProxy(bus, kSystemd, "/org/freedesktop/systemd1");
    sdbus::ObjectPath unit;
    manager->callMethod("GetUnitByPID")
        .onInterface("org.freedesktop.systemd1.Manager")
        .withTimeout(kSystemdTimeout)
        .withArguments(static_cast<uint32_t>(::getpid()))
        .storeResultsTo(unit);
    auto job = remote_property(bus, kSystemd, unit, "org.freedesktop.systemd1.Unit", "Job",
                               kSystemdTimeout)
                   .get<sdbus::Struct<uint32_t, sdbus::ObjectPath>>();
    if (job.get<0>() == 0) return false;
    auto type = remote_property(bus, kSystemd, job.get<1>(), "org.freedesktop.systemd1.Job",
                                "JobType", kSystemdTimeout)
                    .get<std::string>();
    return type == "restart" || type == "try-restart" || type == "reload-or-restart";
  } catch (const sdbus::Error&) {
    return false;
  }
}

}  // namespace fwctl::bus
