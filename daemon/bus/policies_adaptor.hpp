#pragma once
// org.fedoraproject.FirewallD1.policies on /org/fedoraproject/FirewallD1: runtime lockdown and
// its runtime whitelist (core::Lockdown), with firewalld's signals.

#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "core/lockdown.hpp"

namespace fwctl::bus {

class PoliciesAdaptor final : public glue::FirewallD1_policies, private Served {
 public:
  PoliciesAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Lockdown& lockdown)
      : glue::FirewallD1_policies(object),
        Served(object, authorizer, INTERFACE_NAME),
        lockdown_(lockdown) {}

 private:
  using Strings = std::vector<std::string>;

  void enableLockdown(sdbus::Result<>&& result) override;
  void disableLockdown(sdbus::Result<>&& result) override;
  void queryLockdown(sdbus::Result<bool>&& result) override;
  void addLockdownWhitelistCommand(sdbus::Result<>&& result, std::string command) override;
  void removeLockdownWhitelistCommand(sdbus::Result<>&& result, std::string command) override;
  void queryLockdownWhitelistCommand(sdbus::Result<bool>&& result, std::string command) override;
  void getLockdownWhitelistCommands(sdbus::Result<Strings>&& result) override;
  void addLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) override;
  void removeLockdownWhitelistUid(sdbus::Result<>&& result, int32_t uid) override;
  void queryLockdownWhitelistUid(sdbus::Result<bool>&& result, int32_t uid) override;
  void getLockdownWhitelistUids(sdbus::Result<std::vector<int32_t>>&& result) override;
  void addLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) override;
  void removeLockdownWhitelistUser(sdbus::Result<>&& result, std::string user) override;
  void queryLockdownWhitelistUser(sdbus::Result<bool>&& result, std::string user) override;
  void getLockdownWhitelistUsers(sdbus::Result<Strings>&& result) override;
  void addLockdownWhitelistContext(sdbus::Result<>&& result, std::string context) override;
  void removeLockdownWhitelistContext(sdbus::Result<>&& result, std::string context) override;
  void queryLockdownWhitelistContext(sdbus::Result<bool>&& result, std::string context) override;
  void getLockdownWhitelistContexts(sdbus::Result<Strings>&& result) override;

  core::Lockdown& lockdown_;
};

}  // namespace fwctl::bus
