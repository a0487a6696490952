// firewall-offline-cmd's options outside the item files: the polkit actions symlink
// (--policy-server, --policy-desktop) and --reset-to-defaults.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "config/firewalld_conf_file.hpp"
#include "offline_cmd.hpp"
#include "offline_store.hpp"

namespace fwctl::cli {
namespace {

constexpr const char* kPolkitDir = "/usr/share/polkit-1/actions/";
constexpr const char* kPolkitName = "org.fedoraproject.FirewallD1.";

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Python's OSError text: "[Errno 2] No such file or directory: 'PATH'".
std::string os_error(int err, const std::string& path) {
  return "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": '" + path + "'";
}

// shutil.move(name, name + ".old"); on failure firewalld logs it and removes the file.
void move_to_old(const Printer& p, const std::string& name) {
  if (std::rename(name.c_str(), (name + ".old").c_str()) == 0) return;
  p.error_msg("ERROR: Backup of file '" + name + "' failed: " + os_error(errno, name));
  std::remove(name.c_str());
}

template <typename T>
void reset_kind(Offline& o) {
  for (const auto& [name, item] : o.store.items<T>()) {
    core::ItemFile file = core::Permanent::file_of(item);
    if (!file.builtin) move_to_old(o.p, file.path + "/" + file.filename);
  }
}

}  // namespace

// pk_symlink(): chdir into the actions directory, replace the policy file by a relative symlink
// to the chosen .policy.choice, print it; "no such file ..." when that choice is not there.
void offline_cmd_polkit(Offline& o, const std::string& product) {
  std::string dir = kPolkitDir, name = kPolkitName;
  std::string choice = name + product + ".policy.choice", policy = name + "policy";
  if (::chdir(dir.c_str()) != 0) o.p.fail(os_error(errno, dir));
  if (!is_file(choice)) o.p.fail("no such file " + dir + choice);
  if (is_file(policy) && ::unlink(policy.c_str()) != 0) o.p.fail(os_error(errno, policy));
  if (::symlink(choice.c_str(), policy.c_str()) != 0)
    o.p.fail(os_error(errno, choice) + " -> '" + policy + "'");
  o.p.and_exit("symlink " + dir + choice + " -> " + policy);
}

// FirewallConfig.reset_defaults(): zones, policies, ipsets, services, helpers and icmptypes
// that have a system file lose it (moved to NAME.old), then firewalld.conf gets every key's
// fallback value. Direct rules and the lockdown whitelist stay.
void offline_cmd_reset(Offline& o) {
  reset_kind<model::Zone>(o);
  reset_kind<model::Policy>(o);
  reset_kind<model::IpSet>(o);
  reset_kind<model::Service>(o);
  reset_kind<model::Helper>(o);
  reset_kind<model::IcmpType>(o);
  std::string conf = o.paths.system_dir + "/firewalld.conf";
  o.c.call([&] { throw_if_failed(config::save_firewalld_conf(model::FirewalldConf{}, conf)); });
}

}  // namespace fwctl::cli
