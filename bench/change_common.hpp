#pragma once
// What the two change benches share: the change made (a port, a rich rule, an ipset entry, an
// interface binding, each added and removed again), a Netlink that times send(), and the check
// of the kernel's listing against the IR.

#include <string>

#include "compiler/ir.hpp"
#include "nft/netlink.hpp"
#include "proc.hpp"

namespace fwctl::bench {

inline constexpr const char* kExtraPort = "65001";  // in no workload (10000-20004, 30000-40005)
inline constexpr const char* kExtraEntry = "100.63.255.1";  // below the ipsets' 100.64.0.0 on
inline constexpr const char* kExtraRule =
    "rule family=\"ipv4\" source address=\"10.255.0.0/16\" port port=\"65002\" protocol=\"tcp\" "
    "accept";
inline constexpr const char* kExtraInterface = "benchx0";

// Times each send() and keeps the size of the batch it sent.
class TimingNetlink final : public nft::Netlink {
 public:
  explicit TimingNetlink(nft::Netlink& inner) : inner_(inner) {}
  Result<std::vector<nft::Reply>> send(const nft::Batch& batch) override {
    double t0 = now_s();
    auto r = inner_.send(batch);
    send_s += now_s() - t0;
    ++sends;
    messages += batch.size();
    bytes += batch.data().size();
    return r;
  }
  void reset() {
    send_s = 0;
    sends = 0;
    messages = 0;
    bytes = 0;
  }

  double send_s = 0;
  int sends = 0;
  size_t messages = 0;
  size_t bytes = 0;

 private:
  nft::Netlink& inner_;
};

// The kernel's listing (`nft list ruleset` in this namespace) against to_text(ruleset); writes
// DIR/change-TAG.want and .list.
bool kernel_matches(const compiler::Ruleset& ruleset, const std::string& dir,
                    const std::string& tag);

}  // namespace fwctl::bench
