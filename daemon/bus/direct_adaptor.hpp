#pragma once
// org.fedoraproject.FirewallD1.direct on /org/fedoraproject/FirewallD1: the runtime direct
// interface (core::Direct), with its ChainAdded/Removed, RuleAdded/Removed and
// PassthroughAdded/Removed signals. Also the D-Bus forms of the direct entries, which
// config.direct shares.

#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "core/direct.hpp"

namespace fwctl::bus {

using Strings = std::vector<std::string>;
using ChainStruct = sdbus::Struct<std::string, std::string, std::string>;
using RuleStruct = sdbus::Struct<std::string, std::string, std::string, int32_t, Strings>;
using PassthroughStruct = sdbus::Struct<std::string, Strings>;
using DirectStruct = sdbus::Struct<std::vector<ChainStruct>, std::vector<RuleStruct>,
                                   std::vector<PassthroughStruct>>;

std::vector<ChainStruct> chain_structs(const std::vector<model::DirectChain>& chains);
std::vector<RuleStruct> rule_structs(const std::vector<model::DirectRule>& rules);
std::vector<PassthroughStruct> passthrough_structs(
    const std::vector<model::DirectPassthrough>& passthroughs);
DirectStruct direct_struct(const model::DirectConfig& config);
model::DirectConfig direct_config(const DirectStruct& settings);  // duplicates kept

class DirectAdaptor final : public glue::FirewallD1_direct, private Served {
 public:
  DirectAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Direct& direct)
      : glue::FirewallD1_direct(object),
        Served(object, authorizer, INTERFACE_NAME),
        direct_(direct) {}

 private:
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
  void removeRules(sdbus::Result<>&& result, std::string ipv, std::string table,
                   std::string chain) override;
  void queryRule(sdbus::Result<bool>&& result, std::string ipv, std::string table,
                 std::string chain, int32_t priority, Strings args) override;
  void getRules(sdbus::Result<std::vector<sdbus::Struct<int32_t, Strings>>>&& result,
                std::string ipv, std::string table, std::string chain) override;
  void getAllRules(sdbus::Result<std::vector<RuleStruct>>&& result) override;
  void passthrough(sdbus::Result<std::string>&& result, std::string ipv, Strings args) override;
  void addPassthrough(sdbus::Result<>&& result, std::string ipv, Strings args) override;
  void removePassthrough(sdbus::Result<>&& result, std::string ipv, Strings args) override;
  void queryPassthrough(sdbus::Result<bool>&& result, std::string ipv, Strings args) override;
  void getAllPassthroughs(sdbus::Result<std::vector<PassthroughStruct>>&& result) override;
  void removeAllPassthroughs(sdbus::Result<>&& result) override;
  void getPassthroughs(sdbus::Result<std::vector<Strings>>&& result, std::string ipv) override;

  core::Direct& direct_;  // the owner of the runtime entries
};

}  // namespace fwctl::bus
