#pragma once
// fwctld's log, with firewalld's levels, labels and --log-target routing (man firewalld):
//
//   sys::log::configure(options);                 // once, in the daemon (after forking)
//   sys::log::error("INVALID_ZONE: foo");          // journal: "ERROR: INVALID_ZONE: foo"
//   sys::log::info("started");                     // INFO1
//   sys::log::debug(1, "table inet firewalld ...");  // only with --debug (>= 1)
//
// Levels: fatal, error and warning are always on; info levels 1..5 (1 only, all five with
// --debug); debug levels 1..10 up to --debug=N. Targets:
//   syslog   everything on goes to the journal (SYSLOG_IDENTIFIER=fwctld, firewalld's priorities)
//   file     everything on is appended to --log-file, "YYYY-MM-DD HH:MM:SS LABELmessage"
//   console  everything on goes to stdout, dated like the file
//   mixed    (the default) fatal/error/warning to the journal and the file, info to stdout,
//            debug to the file; with --debug info to the file too, and with --nofork debug
//            to stdout too
// A record the journal does not take (no journald, e.g. in a test namespace) goes to stderr.
// Before configure() (and for --log-target=file when the file cannot be opened): errors to
// stderr, info to stdout, no debug, undated, as firewalld's logger starts out.
//
// Single-threaded, like the daemon.

#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "sys/options.hpp"

namespace fwctl::sys::log {

enum class Severity { Fatal, Error, Warning, Info, Debug };
enum class Sink { Journal, File, Stdout, Stderr };

// Where a record of `severity` and `level` (1.. for info and debug, ignored otherwise) goes for
// `options`; empty when that level is off. `configured` false: the start-out routing.
std::vector<Sink> route(const DaemonOptions& options, bool configured, Severity severity,
                        int level);

// "ERROR: message", "DEBUG2: message", "message" (info); with a time `when`, prefixed by it as
// "YYYY-MM-DD HH:MM:SS " (the file and console format).
std::string format(Severity severity, int level, std::string_view message, const std::tm* when);

// Routes the log per `options`, opening --log-file (append, 0640) when the target writes to it.
// When the file cannot be opened the log still works without it and the error says why
// (COMMAND_FAILED "Failed to open log file 'F': reason").
Status configure(const DaemonOptions& options);
// Closes the log file and goes back to the start-out routing.
void reset();

void fatal(std::string_view message);
void error(std::string_view message);
void warning(std::string_view message);
void info(std::string_view message, int level = 1);
void debug(int level, std::string_view message);
// A problem firewalld logs and goes on after (Error::log_level): firewalld's own line
// (Error::log_line()), then, when the problem came from a file, where in it at debug level 1
// ("  at FILE:LINE"), so that the lines firewalld writes stay exactly its own.
void problem(const Error& error);
// Whether debug(level, ...) writes anywhere: check before building an expensive message.
bool debug_enabled(int level);

}  // namespace fwctl::sys::log
