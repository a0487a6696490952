// zone_lists.hpp: each of the 27 list options finds its list and verb, on both command lines.
#include "zone_lists.hpp"

#include <gtest/gtest.h>

#include "offline_cmd_options.hpp"

namespace fwctl::cli {
namespace {

std::optional<ListOp> op_of(const std::vector<std::string>& argv, bool offline = false) {
  auto a = offline ? parse_offline_command_line(argv) : parse_command_line(argv);
  if (!a) return std::nullopt;
  return zone_list_op(*a);
}

TEST(CliZoneLists, EachOptionFindsItsListAndVerb) {
  int found = 0;
  for (const ZoneListRow& row : kZoneLists) {
    for (auto [verb, dest] :
         {std::pair{ListVerb::kAdd, row.dests.add}, std::pair{ListVerb::kRemove, row.dests.remove},
          std::pair{ListVerb::kQuery, row.dests.query}}) {
      std::string option = "--" + std::string(dest.name());
      auto op = op_of({option + "=x"});
      ASSERT_TRUE(op) << option;
      EXPECT_EQ(op->list, row.list) << option;
      EXPECT_EQ(op->verb, verb) << option;
      EXPECT_EQ(op->dest, dest) << option;
      ++found;
    }
  }
  EXPECT_EQ(found, 27);
  auto port = op_of({"--zone=work", "--query-source-port=80/tcp"});
  ASSERT_TRUE(port);
  EXPECT_EQ(port->shape, ItemShape::kPort);
  EXPECT_FALSE(op_of({"--zone=work", "--list-ports"}));
  EXPECT_FALSE(op_of({"--zone=work", "--add-masquerade"}));
}

// firewall-offline-cmd's --remove-service is its lokkit option: the zone branch renames
// --remove-service-from-zone to it before edit_policy() asks (offline_cmd_zone.cpp).
TEST(CliZoneLists, OfflineCmdRemoveServiceIsTheLokkitOption) {
  auto op = op_of({"--remove-service=ssh"}, true);
  ASSERT_TRUE(op);
  EXPECT_EQ(op->list, ZoneList::kService);
  EXPECT_EQ(op->verb, ListVerb::kRemove);
  EXPECT_FALSE(op_of({"--remove-service-from-zone=ssh"}, true));
}

}  // namespace
}  // namespace fwctl::cli
