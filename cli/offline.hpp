#pragma once
// fwctl --permanent with no daemon: firewall-cmd's command line, the permanent configuration
// edited on disk through the daemon's store. See offline.cpp (and offline_cmd.hpp for
// fwctl --offline, which is firewall-offline-cmd).

#include "client.hpp"
#include "options.hpp"
#include "printer.hpp"

namespace fwctl::cli {

// Runs the command on the trees of --default-config and --system-config (firewalld's
// /usr/lib/firewalld and /etc/firewalld by default); always exits (throws Exit).
// `prog` names the program in usage messages.
[[noreturn]] void run_offline_edit(Args& a, const Printer& p, const std::string& prog);

}  // namespace fwctl::cli
