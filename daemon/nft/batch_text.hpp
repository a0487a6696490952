#pragma once
// A batch as readable text, one line per message, decoded back from the netlink bytes with
// libnftnl (so a test of the text also tests the encoding). Rules show their expressions in
// libnftnl's debug format, the one `nft --debug=netlink` prints:
//
//   add table inet firewalld
//   add chain inet firewalld filter_INPUT { type filter hook 1 priority 10 policy 1 }
//   add set inet firewalld __set%d id 1 { type 26 len 4 flags 0x3 size 2 }
//   add element inet firewalld __set%d id 1 { 02000000 04000000 }
//   add rule inet firewalld filter_INPUT [ ct load state => reg 1 ] [ lookup reg 1 set __set%d ]
//   ...

#include <span>
#include <string>
#include <vector>

#include "nft/batch.hpp"

namespace fwctl::nft {

std::string describe(std::span<const char> message);
std::vector<std::string> describe(const Batch& batch);

}  // namespace fwctl::nft
