// The age order of interface bindings, and what the compiler makes of it in the _ZONES chains
// (firewall-cmd.at:162: each new interface's dispatch rule goes to the top, whatever its zone).

#include "compiler/bindings.hpp"

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using Strings = std::vector<std::string>;

TEST(Bindings, OrderInterfacesPutsNewAndMovedBindingsLast) {
  RuntimeBindings prev;
  prev.interfaces = {{"public", {"eth0", "eth1"}}, {"trusted", {"eth2"}}};
  prev.interface_order = {"eth2", "eth0", "eth1"};
  RuntimeBindings next = prev;
  next.interfaces = {{"dmz", {"eth0"}}, {"public", {"eth1", "eth3"}}, {"trusted", {}}};
  order_interfaces(prev, next);
  EXPECT_EQ(next.interface_order, (Strings{"eth1", "eth0", "eth3"}));
}

TEST(Bindings, InterfaceRanksCountUnlistedInterfacesAsNewest) {
  RuntimeBindings b;
  b.interfaces = {{"public", {"eth0", "eth1"}}, {"trusted", {"eth2"}}};
  b.interface_order = {"eth2"};
  auto ranks = interface_ranks(b);
  EXPECT_EQ(ranks.at("eth2"), 0u);
  EXPECT_EQ(ranks.at("eth0"), 1u);
  EXPECT_EQ(ranks.at("eth1"), 2u);
}

TEST(Bindings, NewestInterfaceDispatchesFirstAcrossZones) {
  RuntimeBindings b;
  b.interfaces = {{"public", {"foobar+++", "foobar+"}}, {"trusted", {"+"}}};
  b.interface_order = {"+", "foobar+++", "foobar+"};
  auto text = testing::compile_text(testing::stock_config(), b);
  auto first = text.find("iifname \"foobar*\" goto filter_IN_public");
  auto second = text.find("iifname \"foobar++*\" goto filter_IN_public");
  auto third = text.find("\t\tgoto filter_IN_trusted\n");
  ASSERT_NE(first, std::string::npos) << text;
  EXPECT_LT(first, second) << text;
  EXPECT_LT(second, third) << text;
}

}  // namespace
}  // namespace fwctl::compiler
