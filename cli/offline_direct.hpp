#pragma once
// --offline --direct and the lockdown whitelist: the permanent direct.xml and
// lockdown-whitelist.xml edited through the daemon's store code (core/permanent_direct.hpp,
// core/direct_settings.hpp). The classes have the member names of the config.direct and
// config.policies D-Bus proxies, so run_direct.cpp's and run_whitelist.cpp's handlers serve both; a
// refused change throws FwError with the daemon's "CODE: detail".

#include <sdbus-c++/Types.h>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "model/direct.hpp"
#include "model/lockdown_whitelist.hpp"

namespace fwctl::cli {

class OfflineDirect {
 public:
  using Strings = std::vector<std::string>;
  explicit OfflineDirect(const config::Paths& paths);

  void addChain(const std::string& ipv, const std::string& table, const std::string& chain);
  void removeChain(const std::string& ipv, const std::string& table, const std::string& chain);
  bool queryChain(const std::string& ipv, const std::string& table, const std::string& chain) const;
  Strings getChains(const std::string& ipv, const std::string& table) const;
  std::vector<sdbus::Struct<std::string, std::string, std::string>> getAllChains() const;
  void addRule(const std::string& ipv, const std::string& table, const std::string& chain,
               int32_t priority, const Strings& args);
  void removeRule(const std::string& ipv, const std::string& table, const std::string& chain,
                  int32_t priority, const Strings& args);
  void removeRules(const std::string& ipv, const std::string& table, const std::string& chain);
  bool queryRule(const std::string& ipv, const std::string& table, const std::string& chain,
                 int32_t priority, const Strings& args) const;
  std::vector<sdbus::Struct<int32_t, Strings>> getRules(const std::string& ipv,
                                                        const std::string& table,
                                                        const std::string& chain) const;
  std::vector<sdbus::Struct<std::string, std::string, std::string, int32_t, Strings>> getAllRules()
      const;
  void addPassthrough(const std::string& ipv, const Strings& args);
  void removePassthrough(const std::string& ipv, const Strings& args);
  bool queryPassthrough(const std::string& ipv, const Strings& args) const;
  std::vector<Strings> getPassthroughs(const std::string& ipv) const;
  std::vector<sdbus::Struct<std::string, Strings>> getAllPassthroughs() const;

  // firewall-offline-cmd edits io/direct.py's object: a duplicate is logged ("WARNING: Chain
  // ... already in list, ignoring" on stderr) and ignored, a missing one is python's ValueError
  // (exit 2), and the file is written once at the end, changed or not: write().
  void set_offline_cmd(std::ostream* log) { log_ = log; }
  void write();

 private:
  void store(const model::DirectConfig& next);
  // direct_with()'s result, or for firewall-offline-cmd its texts for a duplicate or a miss.
  void change(Result<model::DirectConfig> next, const std::string& what, bool add);

  config::Paths paths_;
  model::DirectConfig config_;
  std::ostream* log_ = nullptr;
};

class OfflineWhitelist {
 public:
  using Strings = std::vector<std::string>;
  explicit OfflineWhitelist(const config::Paths& paths);

  void addLockdownWhitelistCommand(const std::string& v) { change(Kind::Command, v, true); }
  void removeLockdownWhitelistCommand(const std::string& v) { change(Kind::Command, v, false); }
  bool queryLockdownWhitelistCommand(const std::string& v) const;
  Strings getLockdownWhitelistCommands() const { return whitelist_.commands; }
  void addLockdownWhitelistContext(const std::string& v) { change(Kind::Context, v, true); }
  void removeLockdownWhitelistContext(const std::string& v) { change(Kind::Context, v, false); }
  bool queryLockdownWhitelistContext(const std::string& v) const;
  Strings getLockdownWhitelistContexts() const { return whitelist_.contexts; }
  void addLockdownWhitelistUser(const std::string& v) { change(Kind::User, v, true); }
  void removeLockdownWhitelistUser(const std::string& v) { change(Kind::User, v, false); }
  bool queryLockdownWhitelistUser(const std::string& v) const;
  Strings getLockdownWhitelistUsers() const { return whitelist_.users; }
  void addLockdownWhitelistUid(int32_t uid) { change_uid(uid, true); }
  void removeLockdownWhitelistUid(int32_t uid) { change_uid(uid, false); }
  bool queryLockdownWhitelistUid(int32_t uid) const;
  std::vector<int32_t> getLockdownWhitelistUids() const { return whitelist_.uids; }

  // firewall-offline-cmd edits the whitelist object (io/lockdown_whitelist.py: 'Command "x"
  // already in whitelist') and writes the file once, at the end, changed or not: write().
  void set_offline_cmd() { offline_cmd_ = true; }
  void write();

 private:
  enum class Kind { Command, Context, User };
  void change(Kind kind, const std::string& value, bool add);
  void change_uid(int32_t uid, bool add);
  void take(Result<model::LockdownWhitelist> next, const char* what, const std::string& value,
            bool add);

  config::Paths paths_;
  model::LockdownWhitelist whitelist_;
  bool offline_cmd_ = false;
};

}  // namespace fwctl::cli
