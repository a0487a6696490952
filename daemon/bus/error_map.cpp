#include "bus/error_map.hpp"

#include "sys/log.hpp"

namespace fwctl::bus {
namespace {

bool is_warning(Code code) {
  return code == Code::ALREADY_ENABLED || code == Code::NOT_ENABLED ||
         code == Code::ZONE_ALREADY_SET || code == Code::ALREADY_SET;
}

}  // namespace

sdbus::Error to_dbus_error(const Error& error) { return sdbus::Error(kErrorName, error.message()); }

void throw_error(const Error& error) {
  (is_warning(error.code) ? sys::log::warning : sys::log::error)(error.message());
  throw to_dbus_error(error);
}

namespace detail {

void rethrow_as_dbus_error(const char* member, std::exception_ptr caught) {
  try {
    std::rethrow_exception(std::move(caught));
  } catch (const sdbus::Error&) {
    throw;
  } catch (const std::exception& e) {
    throw_error(Error{Code::UNKNOWN_ERROR, std::string(member) + ": " + e.what(), {}, 0});
  } catch (...) {
    throw_error(Error{Code::UNKNOWN_ERROR, std::string(member) + ": unknown exception", {}, 0});
  }
}

}  // namespace detail
}  // namespace fwctl::bus
