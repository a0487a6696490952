// NftablesTableOwner (firewalld 2.2): whether the kernel can own the table for fwctld.

#include "core/firewall.hpp"
#include "nft/batch.hpp"

namespace fwctl::core {

// firewalld's _probe_support_table_owner: a table with both flags, created and deleted in one
// batch. A kernel without NFT_TABLE_F_PERSIST (before 6.9) refuses the flag, and ownership
// without persist would take the table away whenever fwctld exits, CleanupOnExit=no or not.
bool Firewall::table_owner_supported() {
  if (!table_owner_supported_) {
    nft::Batch batch;
    nft::TableId probe{"inet", "firewalld_probe"};
    bool built = batch.add_table(probe, {"owner", "persist"}) && batch.del_table(probe);
    table_owner_supported_ = built && netlink_.send(batch).has_value();
  }
  return *table_owner_supported_;
}

// As firewalld 2.2 does, ownership the kernel cannot give is logged and left out; the file
// keeps its value (the permanent configuration), the runtime holds "no".
void Firewall::check_table_owner(model::Config& runtime, std::vector<Error>& warnings) {
  if (!model::conf_yes(runtime.conf.nftables_table_owner) || table_owner_supported()) return;
  runtime.conf.nftables_table_owner = "no";
  std::string text =
      "Configuration has NftablesTableOwner=True, but it's not supported by nftables. Table "
      "ownership will be disabled.";
  Error e{Code::COMMAND_FAILED, text, {}, 0};
  e.log_text = text;
  warnings.push_back(std::move(e));
}

}  // namespace fwctl::core
