#include "apply.hpp"

#include "nft/mnl_netlink.hpp"
#include "nft/ruleset_batch.hpp"
#include "proc.hpp"

namespace fwctl::bench {

bool apply_ruleset(const compiler::Ruleset& ruleset, ApplyStats& stats, std::string& error) {
  double t0 = now_s();
  auto batch = nft::replace_ruleset(ruleset);
  double t1 = now_s();
  stats.maxrss_after_build_kb = self_usage().maxrss_kb;
  if (!batch) {
    error = "batch: " + batch.error().message();
    return false;
  }
  auto netlink = nft::MnlNetlink::open();
  double t2 = now_s();
  if (!netlink) {
    error = netlink.error().message();
    return false;
  }
  auto replies = (*netlink)->send(*batch);
  double t3 = now_s();
  if (!replies) {
    error = replies.error().message();
    return false;
  }
  stats.build_s = t1 - t0;
  stats.open_s = t2 - t1;
  stats.send_s = t3 - t2;
  stats.messages = batch->size();
  stats.bytes = batch->data().size();
  return true;
}

}  // namespace fwctl::bench
