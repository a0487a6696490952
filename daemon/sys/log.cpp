#include "sys/log.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <syslog.h>
// The journal's CODE_FILE/CODE_LINE/CODE_FUNC would name this file, not the caller: leave them out.
#define SD_JOURNAL_SUPPRESS_LOCATION
#include <systemd/sd-journal.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace fwctl::sys::log {
namespace {

constexpr int kInfoMax = 5;  // firewalld's INFO_MAX; DEBUG_MAX (10) is the option's bound

struct State {
  DaemonOptions options;
  bool configured = false;
  int file_fd = -1;
};

State& state() {
  static State s;
  return s;
}

bool is_problem(Severity severity) {
  return severity == Severity::Fatal || severity == Severity::Error ||
         severity == Severity::Warning;
}

bool enabled(const DaemonOptions& options, bool configured, Severity severity, int level) {
  int debug = configured ? options.debug : 0;
  if (severity == Severity::Info) return level <= (debug > 0 ? kInfoMax : 1);
  if (severity == Severity::Debug) return level <= debug;
  return true;
}

std::string label(Severity severity, int level) {
  switch (severity) {
    case Severity::Fatal:
      return "FATAL ERROR: ";
    case Severity::Error:
      return "ERROR: ";
    case Severity::Warning:
      return "WARNING: ";
    case Severity::Info:
      return "";
    case Severity::Debug:
      return "DEBUG" + std::to_string(level) + ": ";
  }
  return "";
}

// firewalld's syslog priorities (logger.py, _SyslogLog).
int priority(Severity severity) {
  switch (severity) {
    case Severity::Fatal:
      return LOG_CRIT;
    case Severity::Error:
      return LOG_ERR;
    case Severity::Warning:
      return LOG_WARNING;
    case Severity::Info:
      return LOG_INFO;
    case Severity::Debug:
      return LOG_DEBUG;
  }
  return LOG_INFO;
}

// One write per line so that lines of concurrent writers to the same file do not interleave.
void write_line(int fd, std::string line) {
  line += '\n';
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere left to report a failing log
    p += n;
    left -= static_cast<size_t>(n);
  }
}

bool send_journal(Severity severity, const std::string& text) {
  std::array<std::string, 5> fields{
      "MESSAGE=" + text, "PRIORITY=" + std::to_string(priority(severity)),
      "SYSLOG_IDENTIFIER=fwctld", "SYSLOG_FACILITY=" + std::to_string(LOG_DAEMON >> 3),
      "SYSLOG_PID=" + std::to_string(::getpid())};
  std::array<iovec, fields.size()> iov{};
  for (size_t i = 0; i < fields.size(); ++i) iov[i] = {fields[i].data(), fields[i].size()};
  return sd_journal_sendv(iov.data(), static_cast<int>(iov.size())) >= 0;
}

void write(Severity severity, int level, std::string_view message) {
  State& st = state();
  std::vector<Sink> sinks = route(st.options, st.configured, severity, level);
  if (sinks.empty()) return;
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  for (Sink sink : sinks) {
    switch (sink) {
      case Sink::Journal:
        if (!send_journal(severity, format(severity, level, message, nullptr)))
          write_line(STDERR_FILENO, format(severity, level, message, nullptr));
        break;
      case Sink::File:
        if (st.file_fd >= 0) write_line(st.file_fd, format(severity, level, message, &local));
        break;
      case Sink::Stdout:
        write_line(STDOUT_FILENO,
                   format(severity, level, message, st.configured ? &local : nullptr));
        break;
      case Sink::Stderr:
        write_line(STDERR_FILENO, format(severity, level, message, nullptr));
        break;
    }
  }
}

}  // namespace

std::vector<Sink> route(const DaemonOptions& options, bool configured, Severity severity,
                        int level) {
  if (!enabled(options, configured, severity, level)) return {};
  bool problem = is_problem(severity);
  if (!configured) return {problem ? Sink::Stderr : Sink::Stdout};
  switch (options.log_target) {
    case LogTarget::Syslog:
      return {Sink::Journal};
    case LogTarget::File:
      return {Sink::File};
    case LogTarget::Console:
      return {Sink::Stdout};
    case LogTarget::Mixed:
      break;
  }
  if (problem) return {Sink::Journal, Sink::File};
  if (severity == Severity::Info) {
    if (options.debug > 0) return {Sink::Stdout, Sink::File};
    return {Sink::Stdout};
  }
  if (options.nofork) return {Sink::File, Sink::Stdout};
  return {Sink::File};
}

std::string format(Severity severity, int level, std::string_view message, const std::tm* when) {
  std::string out;
  if (when) {
    std::array<char, 32> date{};
    size_t n = std::strftime(date.data(), date.size(), "%Y-%m-%d %H:%M:%S ", when);
    out.append(date.data(), n);
  }
  out += label(severity, level);
  out += message;
  return out;
}

Status configure(const DaemonOptions& options) {
  reset();
  State& st = state();
  st.options = options;
  st.configured = true;
  if (options.log_target != LogTarget::File && options.log_target != LogTarget::Mixed) return ok();
  int fd = ::open(options.log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (fd < 0) {
    std::string reason = std::strerror(errno);
    // firewalld keeps its start-out logging when the file target cannot be opened.
    if (options.log_target == LogTarget::File) st.configured = false;
    return fail(Code::COMMAND_FAILED,
                "Failed to open log file '" + options.log_file + "': " + reason);
  }
  ::fchmod(fd, 0640);  // as firewalld does, also for a file that existed with other modes
  st.file_fd = fd;
  return ok();
}

void reset() {
  State& st = state();
  if (st.file_fd >= 0) ::close(st.file_fd);
  st = State{};
}

void fatal(std::string_view message) { write(Severity::Fatal, 0, message); }
void error(std::string_view message) { write(Severity::Error, 0, message); }
void warning(std::string_view message) { write(Severity::Warning, 0, message); }
void info(std::string_view message, int level) { write(Severity::Info, level, message); }
void debug(int level, std::string_view message) { write(Severity::Debug, level, message); }

void problem(const Error& error) {
  write(error.log_level == Error::LogLevel::Error ? Severity::Error : Severity::Warning, 0,
        error.log_line());
  if (error.file.empty()) return;
  std::string where = "  at " + error.file;
  if (error.line > 0) where += ":" + std::to_string(error.line);
  debug(1, where);
}

bool debug_enabled(int level) {
  const State& st = state();
  return enabled(st.options, st.configured, Severity::Debug, level);
}

}  // namespace fwctl::sys::log
