#pragma once
// The whole configuration from firewalld's two trees: the defaults (/usr/lib/firewalld, or
// --default-config) and the system's own files (/etc/firewalld, or --system-config).
//
// Each kind's directory is read in firewalld's order (ipsets, icmptypes, helpers, services,
// zones, policies), default tree first, files in byte order of their names; only names ending
// in ".xml" count (so NAME.xml.old and NAME.xml.tmp do not). A system file replaces the default
// one of the same name. Subdirectories of the system zones directory hold combined zones,
// named "dir/file". firewalld.conf comes from the system tree.
//
// A file that fails to load is reported in `errors` and left out (a default one it would have
// replaced stays). References between items are not checked here: see
// model::check_references().

#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "model/config.hpp"

namespace fwctl::config {

struct Paths {
  std::string default_dir = "/usr/lib/firewalld";
  std::string system_dir = "/etc/firewalld";
};

struct LoadResult {
  model::Config config;
  std::vector<Error> errors;    // files not loaded, with firewalld's code, the file and the line
  std::vector<Error> warnings;  // what firewalld would have logged and ignored in loaded files
  // firewalld.conf could not be opened: python's OSError text ("[Errno 2] No such file or
  // directory: 'PATH'"); the fallback settings are in config.conf, and the first warning is
  // the ERROR line firewalld's firewalld_conf.read() logs for it.
  std::optional<std::string> conf_open_failure;
};

LoadResult load_config(const Paths& paths);

}  // namespace fwctl::config
