#pragma once
// File access for the configuration: whole-file reads and firewalld-style saves made atomic.

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace fwctl::config {

// The content of `path`. COMMAND_FAILED "cannot read 'path': No such file or directory".
Result<std::string> read_file(const std::string& path);
// The content of `name` in the directory open as `dir_fd` (openat); `path` names the file in the
// error.
Result<std::string> read_file_at(int dir_fd, const std::string& name, const std::string& path);

struct SaveOptions {
  // The mode of the saved file. Unset: an existing file keeps its mode and a new one gets
  // 0666 minus the umask, as firewalld's open() gives it. firewalld.conf is always 0600.
  std::optional<mode_t> mode;
  // Create a missing parent directory (and its parent) with mode 0750, as firewalld does for
  // /etc/firewalld and /etc/firewalld/<kind>.
  bool create_parents = true;
};

// Replaces `path` with `content`. firewalld copies the old file to PATH.old and rewrites PATH in
// place; here the new content goes to PATH.tmp in the same directory, is fsync'ed, the old file
// is copied to PATH.old (content, mode and times, like Python's shutil.copy2), and PATH.tmp is
// renamed over PATH, so that PATH is always either the old or the new file. Nothing is left
// behind on failure. COMMAND_FAILED with the path and the system error.
Status save_file(const std::string& path, std::string_view content,
                 const SaveOptions& options = {});

// Removes an item file the way firewalld does: it is renamed to PATH.old.
Status remove_file_keeping_old(const std::string& path);

}  // namespace fwctl::config
