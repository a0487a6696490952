#pragma once
// org.fedoraproject.FirewallD1.config.policies on /org/fedoraproject/FirewallD1/config: the
// permanent lockdown whitelist (lockdown-whitelist.xml). Every change stores the whole whitelist
// and emits LockdownWhitelistUpdated, as firewalld's methods do through setLockdownWhitelist.

#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "core/direct_settings.hpp"
#include "core/lockdown.hpp"

namespace fwctl::bus {

class ConfigPoliciesAdaptor final : public glue::FirewallD1_config_policies, private Served {
 public:
  ConfigPoliciesAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Lockdown& lockdown)
      : glue::FirewallD1_config_policies(object),
        Served(object, authorizer, INTERFACE_NAME),
        lockdown_(lockdown) {}

 private:
  using Strings = std::vector<std::string>;
  using WhitelistStruct = sdbus::Struct<Strings, Strings, Strings, std::vector<int32_t>>;

  void getLockdownWhitelist(sdbus::Result<WhitelistStruct>&& result) override;
  void setLockdownWhitelist(sdbus::Result<>&& result, WhitelistStruct settings) override;
  void addLockdownWhitelistCommand(sdbus::Result<>&& result, std::string command) override;
  void removeLockdownWhitelistCommand(sdbus::Result<>&& result, std::string command) override;
  void queryLockdownWhitelistCommand(sdbus::Result<bool>&& result, std::string command) override;
  void getLockdownWhitelistCommands(sdbus::Result<Strings>&& result) override;
  void addLockdownWhitelistContext(sdbus::Result<>&& result, std::string context) override;
  void removeLockdownWhitelistContext(sdbus::Result<>&& result, std::string context) override;
  void queryLockdownWhitelistContext(sdbus::Result<bool>&& result, std::string context) override;
  void getLockdownWhitelistContexts(sdbus::Result<Strings>&& result) override;
  void addLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) override;
  void removeLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) override;
  void queryLockdownWhitelistUser(sdbus::Result<bool>&& result, std::string user) override;
  void getLockdownWhitelistUsers(sdbus::Result<Strings>&& result) override;
  void addLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) override;
  void removeLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) override;
  void queryLockdownWhitelistUid(sdbus::Result<bool>&& result, int32_t uid) override;
  void getLockdownWhitelistUids(sdbus::Result<std::vector<int32_t>>&& result) override;

  // Stores `next` and emits LockdownWhitelistUpdated; throws its error.
  void store(Result<model::LockdownWhitelist> next);
  // add/remove of one entry of `kind`.
  void change(sdbus::Result<>&& result, const char* member, core::WhitelistEntry kind,
              std::string value, bool add);
  const model::LockdownWhitelist& whitelist() const { return lockdown_.permanent_whitelist(); }

  core::Lockdown& lockdown_;  // the owner of the permanent whitelist
};

}  // namespace fwctl::bus
