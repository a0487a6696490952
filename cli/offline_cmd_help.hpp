#pragma once
// firewall-offline-cmd's --help text (fwctl --offline --help prints it too).

namespace fwctl::cli {

const char* offline_help_text();

}  // namespace fwctl::cli
