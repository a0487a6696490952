#include "model/lockdown_whitelist.hpp"

#include <algorithm>
#include <string_view>

namespace fwctl::model {
namespace {

constexpr size_t kLoginNameMax = 256;  // sysconf(_SC_LOGIN_NAME_MAX) on Linux

std::vector<std::string_view> split_colons(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t colon = text.find(':', start);
    parts.push_back(text.substr(start, colon - start));
    if (colon == std::string_view::npos) return parts;
    start = colon + 1;
  }
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

template <typename T>
void unique_in_order(std::vector<T>& items) {
  std::vector<T> out;
  for (auto& item : items) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
  }
  items = std::move(out);
}

template <typename T, typename Check>
Status check_all(const std::vector<T>& items, Check valid, Code code) {
  for (const auto& item : items) {
    if (valid(item)) continue;
    if constexpr (std::is_same_v<T, std::string>) {
      return fail(code, item);
    } else {
      return fail(code, std::to_string(item));
    }
  }
  return ok();
}

}  // namespace

bool LockdownWhitelist::match_command(const std::string& command) const {
  for (const auto& entry : commands) {
    if (!entry.empty() && entry.back() == '*') {
      if (command.compare(0, entry.size() - 1, entry, 0, entry.size() - 1) == 0 &&
          command.size() >= entry.size() - 1) {
        return true;
      }
    } else if (entry == command) {
      return true;
    }
  }
  return false;
}

bool valid_command(const std::string& command) {
  if (command.empty() || command.size() > 1024) return false;
  if (command.find_first_of(std::string_view("|\n\0", 3)) != std::string::npos) return false;
  return command[0] == '/';
}

bool valid_context(const std::string& context) {
  auto parts = split_colons(context);
  if (parts.size() != 4 && parts.size() != 5) return false;
  if (parts[0] != "root" && !ends_with(parts[0], "_u")) return false;
  return ends_with(parts[1], "_r") && ends_with(parts[2], "_t") && !parts[3].empty();
}

bool valid_user(const std::string& user) {
  if (user.empty() || user.size() > kLoginNameMax) return false;
  return std::all_of(user.begin(), user.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_' || c == '$';
  });
}

bool valid_uid(int64_t uid) { return uid >= 0 && uid <= 2147483647; }

Result<LockdownWhitelist> checked_whitelist(LockdownWhitelist whitelist) {
  if (Status st = check_all(whitelist.commands, valid_command, Code::INVALID_COMMAND); !st) {
    return st;
  }
  if (Status st = check_all(whitelist.contexts, valid_context, Code::INVALID_CONTEXT); !st) {
    return st;
  }
  if (Status st = check_all(whitelist.users, valid_user, Code::INVALID_USER); !st) {
    return st;
  }
  auto uid_ok = [](int32_t uid) { return valid_uid(uid); };
  if (Status st = check_all(whitelist.uids, uid_ok, Code::INVALID_UID); !st) {
    return st;
  }
  unique_in_order(whitelist.commands);
  unique_in_order(whitelist.contexts);
  unique_in_order(whitelist.users);
  unique_in_order(whitelist.uids);
  return whitelist;
}

}  // namespace fwctl::model
