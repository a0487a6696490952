#include "sys/config_watcher.hpp"

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace fwctl::sys {
namespace {

// firewalld 2.5's _start_watcher: each kind's directory, in every tree.
constexpr std::array<const char*, 6> kKindDirs = {"ipsets",   "icmptypes", "helpers",
                                                  "services", "zones",     "policies"};

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO;

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<std::unique_ptr<ConfigWatcher>> ConfigWatcher::open(const std::vector<std::string>& trees,
                                                           Clock::duration quiet) {
  int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return fail(Code::COMMAND_FAILED, std::string("inotify: ") + std::strerror(errno));
  std::unique_ptr<ConfigWatcher> w(new ConfigWatcher(fd, quiet));
  auto watch = [&](const std::string& dir, bool root) {
    int wd = ::inotify_add_watch(fd, dir.c_str(), kMask | IN_ONLYDIR);
    if (wd >= 0) w->dirs_[wd] = {dir, root};
  };
  for (size_t i = 0; i < trees.size(); ++i) {
    for (const char* kind : kKindDirs) watch(trees[i] + "/" + kind, false);
    if (i + 1 == trees.size()) watch(trees[i], true);  // firewalld.conf, direct.xml
  }
  return w;
}

ConfigWatcher::~ConfigWatcher() { ::close(fd_); }

bool ConfigWatcher::counts(const std::string& path, bool in_tree_root) {
  std::string name = path.substr(path.rfind('/') + 1);
  if (in_tree_root && name != "firewalld.conf" && name != "direct.xml") return false;
  if (!ends_with(name, ".xml") && !ends_with(name, ".conf")) return false;
  return is_regular_file(path);
}

void ConfigWatcher::read_events(std::optional<Clock::time_point> now) {
  alignas(inotify_event) char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) return;  // EAGAIN: drained
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      auto dir = dirs_.find(e->wd);
      if (!now || reported_ || dir == dirs_.end() || e->len == 0) continue;
      std::string path = dir->second.first + "/" + e->name;
      if (!counts(path, dir->second.second)) continue;
      changed_ = path;
      last_change_ = *now;
    }
  }
}

void ConfigWatcher::take(Clock::time_point now) { read_events(now); }

void ConfigWatcher::discard() { read_events(std::nullopt); }

std::optional<ConfigWatcher::Clock::time_point> ConfigWatcher::deadline() const {
  if (!changed_ || reported_) return std::nullopt;
  return last_change_ + quiet_;
}

std::optional<std::string> ConfigWatcher::due(Clock::time_point now) {
  auto at = deadline();
  if (!at || now < *at) return std::nullopt;
  reported_ = true;
  return std::exchange(changed_, std::nullopt);
}

void ConfigWatcher::rearm() {
  discard();
  changed_.reset();
  reported_ = false;
}

}  // namespace fwctl::sys
