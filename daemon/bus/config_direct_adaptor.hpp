#pragma once
// org.fedoraproject.FirewallD1.config.direct on /org/fedoraproject/FirewallD1/config: the
// permanent direct configuration (direct.xml). Every change stores the whole configuration and
// emits Updated, as firewalld's methods do through update().

#include "bus/direct_adaptor.hpp"

namespace fwctl::bus {

class ConfigDirectAdaptor final : public glue::FirewallD1_config_direct, private Served {
 public:
  ConfigDirectAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Direct& direct)
      : glue::FirewallD1_config_direct(object),
        Served(object, authorizer, INTERFACE_NAME),
        direct_(direct) {}

 private:
  void getSettings(sdbus::Result<DirectStruct>&& result) override;
  void update(sdbus::Result<>&& result, DirectStruct settings) override;
  void addChain(sdbus::Result<>&& result, std::string ipv, std::string table,
                std::string chain) override;
  void removeChain(sdbus::Result<>&& result, std::string ipv, std::string table,
                   std::string chain) override;
  void queryChain(sdbus::Result<bool>&& result, std::string ipv, std::string table,
                  std::string chain) override;
  void getChains(sdbus::Result<Strings>&& result, std::string ipv, std::string table) override;
  void getAllChains(sdbus::Result<std::vector<ChainStruct>>&& result) override;
  void addRule(sdbus::Result<>&& result, std::string ipv, std::string table, std::string chain,
               int32_t priority, Strings args) override;
  void removeRule(sdbus::Result<>&& result, std::string ipv, std::string table, std::string chain,
                  int32_t priority, Strings args) override;
  void queryRule(sdbus::Result<bool>&& result, std::string ipv, std::string table,
                 std::string chain, int32_t priority, Strings args) override;
  void removeRules(sdbus::Result<>&& result, std::string ipv, std::string table,
                   std::string chain) override;
  void getRules(sdbus::Result<std::vector<sdbus::Struct<int32_t, Strings>>>&& result,
                std::string ipv, std::string table, std::string chain) override;
  void getAllRules(sdbus::Result<std::vector<RuleStruct>>&& result) override;
  void addPassthrough(sdbus::Result<>&& result, std::string ipv, Strings args) override;
  void removePassthrough(sdbus::Result<>&& result, std::string ipv, Strings args) override;
  void queryPassthrough(sdbus::Result<bool>&& result, std::string ipv, Strings args) override;
  void getPassthroughs(sdbus::Result<std::vector<Strings>>&& result, std::string ipv) override;
  void getAllPassthroughs(sdbus::Result<std::vector<PassthroughStruct>>&& result) override;

  // Stores `next` (a Result of core::direct_with) and emits Updated; throws its error.
  void store(Result<model::DirectConfig> next);
  const model::DirectConfig& settings() const { return direct_.permanent(); }

  core::Direct& direct_;  // the owner of the permanent setting
};

}  // namespace fwctl::bus
