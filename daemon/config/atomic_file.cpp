#include "config/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace fwctl::config {
namespace {

Unexpected io_error(std::string_view what, const std::string& path, int err) {
  return fail(Code::COMMAND_FAILED,
              "cannot " + std::string(what) + " '" + path + "': " + std::strerror(err));
}

// Closes a descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::string parent_of(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Status make_parents(const std::string& path) {
  std::string dir = parent_of(path);
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) return ok();
  std::string grandparent = parent_of(dir);
  if (::stat(grandparent.c_str(), &st) != 0 && ::mkdir(grandparent.c_str(), 0750) != 0) {
    return io_error("create directory", grandparent, errno);
  }
  if (::mkdir(dir.c_str(), 0750) != 0 && errno != EEXIST) {
    return io_error("create directory", dir, errno);
  }
  return ok();
}

Status write_all(int fd, std::string_view content, const std::string& path) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return io_error("write", path, errno);
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return ok();
}

// Writes `content` to a fresh `path`, fsync'ed, with `mode` (or 0666 minus the umask).
Status write_new_file(const std::string& path, std::string_view content,
                      std::optional<mode_t> mode) {
  ::unlink(path.c_str());  // a stale file from a crash would keep its own mode
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
  if (fd.get() < 0) return io_error("create", path, errno);
  Status status = write_all(fd.get(), content, path);
  if (status && mode && ::fchmod(fd.get(), *mode) != 0) status = io_error("chmod", path, errno);
  if (status && ::fsync(fd.get()) != 0) status = io_error("sync", path, errno);
  if (status && ::close(fd.release()) != 0) status = io_error("close", path, errno);
  if (!status) ::unlink(path.c_str());
  return status;
}

// shutil.copy2(path, path + ".old"): content, permission bits and times.
Status copy_to_old(const std::string& path, const struct stat& st) {
  Result<std::string> content = read_file(path);
  if (!content) return content;
  std::string old = path + ".old";
  if (Status s = write_new_file(old, *content, st.st_mode & 07777); !s) return s;
  const struct timespec times[2] = {st.st_atim, st.st_mtim};
  if (::utimensat(AT_FDCWD, old.c_str(), times, 0) != 0)
    return io_error("set times of", old, errno);
  return ok();
}

void sync_directory(const std::string& path) {
  Fd dir(::open(parent_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  // Best effort: the rename is already atomic; this only makes it durable sooner.
  if (dir.get() >= 0) ::fsync(dir.get());
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
  return read_file_at(AT_FDCWD, path, path);
}

Result<std::string> read_file_at(int dir_fd, const std::string& name, const std::string& path) {
  Fd fd(::openat(dir_fd, name.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return io_error("read", path, errno);
  std::string content;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return io_error("read", path, errno);
    if (n == 0) return content;
    content.append(buffer, static_cast<std::size_t>(n));
  }
}

Status save_file(const std::string& path, std::string_view content, const SaveOptions& options) {
  if (options.create_parents) {
    if (Status s = make_parents(path); !s) return s;
  }
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  std::optional<mode_t> mode = options.mode;
  if (!mode && exists) mode = st.st_mode & 07777;
  std::string tmp = path + ".tmp";
  if (Status s = write_new_file(tmp, content, mode); !s) return s;
  if (exists) {
    if (Status s = copy_to_old(path, st); !s) {
      ::unlink(tmp.c_str());
      return s;
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return io_error("rename to", path, err);
  }
  sync_directory(path);
  return ok();
}

Status remove_file_keeping_old(const std::string& path) {
  if (::rename(path.c_str(), (path + ".old").c_str()) != 0) return io_error("remove", path, errno);
  sync_directory(path);
  return ok();
}

}  // namespace fwctl::config
