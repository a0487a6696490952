#pragma once
// firewalld.conf read and rewritten as firewalld 1.3.3 does (core/io/firewalld_conf.py).
//
// Reading: "KEY=value" lines of the 13 keys 1.3.3 knows and of the firewalld 2.x keys fwctl
// implements (README "firewalld 2.x features"); blank lines and lines starting with
// '#' or ';' are skipped; anything else (no '=', two '=', an unknown key, an empty value, a
// repeated key) is logged by firewalld and ignored: here it is a warning. A missing or invalid
// value becomes firewalld's fallback, with a warning when the key was present.
//
// Writing rewrites the file as it is on disk at that moment: comments, unknown keys and other
// lines stay as they are, a key whose value changed is rewritten in place as "KEY=value",
// repeated keys and runs of blank lines collapse, and keys the file lacks are appended after one
// blank line (except the deprecated MinimalMark, AutomaticHelpers and AllowZoneDrifting, and a 2.x
// key at its default, so a 1.3.3 configuration is written exactly as 1.3.3 writes it). When
// nothing would change, firewalld does not touch the file.

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "model/firewalld_conf.hpp"

namespace fwctl::config {

// Reads firewalld.conf content; `file` names it in warnings.
Parsed<model::FirewalldConf> parse_firewalld_conf(std::string_view text, const std::string& file);

// Loads `path`. A file that cannot be opened (missing, no permission) gives firewalld's fallback
// settings (model::FirewalldConf{}) and the one line firewalld's read() logs then, at ERROR:
// "Failed to load 'PATH': [Errno 2] No such file or directory: 'PATH'"; the part after
// "Failed to load 'PATH': " (python's OSError text) is also stored in `open_failure` when given.
// A file that opens but cannot be read fails with COMMAND_FAILED.
Result<Parsed<model::FirewalldConf>> load_firewalld_conf(const std::string& path,
                                                         std::string* open_failure = nullptr);

// Python's text of the OSError open() raises for `path` with `err`:
// "[Errno 2] No such file or directory: './/firewalld.conf'".
std::string python_os_error(int err, const std::string& path);

// What firewalld writes for `conf` over the current file content (nullopt: there is no file);
// nullopt when firewalld would leave the file alone because nothing changed.
std::optional<std::string> format_firewalld_conf(const model::FirewalldConf& conf,
                                                 std::optional<std::string_view> current);

// Rewrites `path` from its current content with format_firewalld_conf(); the old file is kept
// as PATH.old and the new one has mode 0600, as with firewalld. Does nothing if nothing changed.
Status save_firewalld_conf(const model::FirewalldConf& conf, const std::string& path);

}  // namespace fwctl::config
