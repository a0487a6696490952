#include "client.hpp"

#include <algorithm>

#include "common/error.hpp"

namespace fwctl::cli {
namespace {

constexpr int kUnknownError = static_cast<int>(Code::UNKNOWN_ERROR);

// message % item for firewall-cmd's "'%s/%s'"-style messages.
std::string substitute(const std::string& message, const std::vector<std::string>& shown) {
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '%' && i + 1 < message.size() && message[i + 1] == 's') {
      out += next < shown.size() ? shown[next++] : std::string();
      ++i;
    } else {
      out += message[i];
    }
  }
  return out;
}

void add_code(std::vector<int>& codes, int code) {
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

}  // namespace

int error_code(const std::string& message) {
  auto code = parse_code(message.substr(0, message.find(':')));
  return code ? static_cast<int>(*code) : kUnknownError;
}

bool warn_only(int code) {
  return code == static_cast<int>(Code::ALREADY_ENABLED) ||
         code == static_cast<int>(Code::NOT_ENABLED) ||
         code == static_cast<int>(Code::ZONE_ALREADY_SET) ||
         code == static_cast<int>(Code::ALREADY_SET);
}

void Client::fail_if_not_authorized(const std::string& name) const {
  if (name.find("NotAuthorizedException") == std::string::npos) return;
  printer_.and_exit(
      "Authorization failed.\n"
      "    Make sure polkit agent is running or run the application as superuser.",
      static_cast<int>(Code::NOT_AUTHORIZED));
}

void Client::handle(const std::string& name, const std::string& message) const {
  if (name.find("NotAuthorizedException") != std::string::npos) fail_if_not_authorized(name);
  fail_if_not_authorized(message);
  int code = error_code(message);
  if (offline_cmd_) {
    // A python exception that is no FirewallError (the daemon reports it as UNKNOWN_ERROR):
    // firewall-offline-cmd's `except Exception` prints it bare, exit 2.
    const std::string wrapped = "UNKNOWN_ERROR: ";
    if (message.rfind(wrapped, 0) == 0) printer_.fail(message.substr(wrapped.size()));
    printer_.and_exit(message, code);
  }
  if (warn_only(code)) {
    printer_.warning("Warning: " + message);
    return;
  }
  printer_.and_exit("Error: " + message, code);
}

Item plain_item(const std::string& value) { return Item{{value}, {value}}; }

void cmd_sequence(Client& c, const std::vector<std::string>& items, const ParseItem& parse,
                  const std::function<void(const Item&)>& action, bool authorize) {
  const Printer& p = c.printer();
  if (authorize && c.has_bus()) c.call([&] { c.bus().fw().authorizeAll(); });
  const bool several = items.size() > 1;
  std::vector<int> codes;
  size_t errors = 0;
  std::vector<Item> parsed;
  for (const auto& item : items) {
    try {
      parsed.push_back(parse ? parse(item) : plain_item(item));
    } catch (const FwError& e) {
      int code = error_code(e.message);
      if (several) p.warning("Warning: " + e.message);
      else p.and_exit("Error: " + e.message, code);
      add_code(codes, code);
      ++errors;
    }
  }
  for (const auto& item : parsed) {
    std::string message;
    c.set_handler(false);
    try {
      action(item);
    } catch (const sdbus::Error& e) {
      c.fail_if_not_authorized(e.getName());
      message = e.getMessage();
      if (message.empty()) message = e.getName();
    } catch (const FwError& e) {
      message = e.message;
    }
    c.set_handler(true);
    if (message.empty()) continue;
    int code = error_code(message);
    if (warn_only(code)) code = 0;
    if (several) {
      p.warning("Warning: " + message);
    } else if (code == 0) {
      p.warning("Warning: " + message);
      return;
    } else {
      p.and_exit("Error: " + message, code);
    }
    add_code(codes, code);
    ++errors;
  }
  if (items.size() > errors || std::find(codes.begin(), codes.end(), 0) != codes.end()) return;
  if (codes.size() == 1) throw Exit{codes.front()};
  if (codes.size() > 1) throw Exit{kUnknownError};
}

void query_sequence(Client& c, const std::vector<std::string>& items, const ParseItem& parse,
                    const std::function<bool(const Item&)>& query, const std::string& message) {
  const Printer& p = c.printer();
  const bool several = items.size() > 1;
  std::vector<Item> parsed;
  for (const auto& item : items) {
    try {
      parsed.push_back(parse ? parse(item) : plain_item(item));
    } catch (const FwError& e) {
      if (several) p.warning("Warning: " + e.message);
      else p.and_exit("Error: " + e.message, error_code(e.message));
    }
  }
  for (const auto& item : parsed) {
    std::string error;
    bool result = false;
    c.set_handler(false);
    try {
      result = query(item);
    } catch (const sdbus::Error& e) {
      c.fail_if_not_authorized(e.getName());
      error = e.getMessage();
    } catch (const FwError& e) {
      error = e.message;
    }
    c.set_handler(true);
    if (!error.empty()) {
      if (several) {
        p.warning("Warning: " + error);
        continue;
      }
      p.and_exit("Error: " + error, error_code(error));
    }
    if (several) p.query_line(substitute(message, item.shown), result);
    else p.query_result(result);
  }
  throw Exit{0};
}

}  // namespace fwctl::cli
