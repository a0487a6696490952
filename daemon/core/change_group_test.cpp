// Group commit (core/change_group.hpp, issue 13): zone element changes staged between
// begin_group() and end_group() go to the kernel as one batch and leave the kernel's record as a
// whole compile would, with the kernel's handles; a refused group is undone whole; a change that
// cannot join is refused with nothing changed.

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "compiler/compiler.hpp"
#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

ZoneItem port(const std::string& number) { return {ZoneElement::Port, {number, "tcp"}}; }

class ChangeGroups : public ::testing::Test {
 protected:
  void SetUp() override {
    fw_.set_clock([this] { return now_; });
    ASSERT_TRUE(fw_.start());
    // A removal splices only in a chain known to hold no rule left out as a duplicate, which a
    // focused compile of the zone records; the first removal after a start is one.
    ASSERT_TRUE(fw_.add_zone_item("public", port("6000")));
    ASSERT_TRUE(fw_.remove_zone_item("public", port("6000")));
  }

  // What the kernel's record holds, as a whole compile of the runtime makes it (chains by name),
  // and every rule with a handle the kernel gave (none provisional, none repeated).
  void expect_kernel_is_whole_compile(const std::string& step) {
    auto whole = compiler::compile(fw_.runtime(), fw_.bindings());
    ASSERT_TRUE(whole) << step;
    auto sorted = [](compiler::Table t) {
      std::sort(t.chains.begin(), t.chains.end(),
                [](const auto& a, const auto& b) { return a.name < b.name; });
      return t;
    };
    const compiler::Table* kernel = fw_.kernel().table(compiler::kTableName);
    ASSERT_NE(kernel, nullptr) << step;
    const compiler::Table* want = nullptr;
    for (const auto& t : whole->tables) want = t.name == compiler::kTableName ? &t : want;
    ASSERT_NE(want, nullptr) << step;
    EXPECT_EQ(compiler::to_text(sorted(*kernel)), compiler::to_text(sorted(*want))) << step;
    std::vector<uint64_t> all;
    for (const auto& chain : kernel->chains) {
      const auto* handles = fw_.kernel().handles(compiler::kTableName, chain.name);
      ASSERT_NE(handles, nullptr) << step << " " << chain.name;
      EXPECT_EQ(handles->size(), chain.rules.size()) << step << " " << chain.name;
      for (uint64_t h : *handles) {
        EXPECT_GT(h, 0u) << step << " " << chain.name;
        EXPECT_LT(h, uint64_t{1} << 63) << step << " " << chain.name;  // not provisional
        all.push_back(h);
      }
    }
    std::sort(all.begin(), all.end());
    EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << step << ": a handle twice";
  }

  bool has_port(const std::string& number) const {
    const auto& ports = fw_.runtime().zones.at("public").value.ports;
    return std::any_of(ports.begin(), ports.end(),
                       [&](const model::PortProto& p) { return p.port == number; });
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
  SteadyTime now_{};
};

TEST_F(ChangeGroups, StagedChangesGoAsOneBatch) {
  size_t sent = netlink_.sent().size();
  fw_.begin_group();
  ASSERT_TRUE(fw_.add_zone_item("public", {ZoneElement::Service, {"http"}}));
  ASSERT_TRUE(fw_.remove_zone_item("public", {ZoneElement::Service, {"ssh"}}));
  for (const char* p : {"7001", "7002", "7003"}) {
    ASSERT_TRUE(fw_.add_zone_item("public", port(p))) << p;
    EXPECT_FALSE(fw_.unstaged()) << p;
  }
  // A service's rules go in front of the ports': in front of 7001, whose handle the kernel has
  // not given yet. It waits for the next group.
  EXPECT_FALSE(fw_.add_zone_item("public", {ZoneElement::Service, {"https"}}));
  EXPECT_TRUE(fw_.unstaged());
  EXPECT_EQ(netlink_.sent().size(), sent) << "nothing is sent before end_group()";
  EXPECT_TRUE(has_port("7002")) << "staged: the runtime shows it at once";
  ASSERT_TRUE(fw_.end_group());
  ASSERT_EQ(netlink_.sent().size(), sent + 1);
  size_t added = 0, deleted = 0;
  for (const auto& message : netlink_.committed().back()) {
    added += message.rfind("insert rule", 0) == 0 || message.rfind("add rule", 0) == 0;
    deleted += message.rfind("delete rule", 0) == 0;
  }
  EXPECT_EQ(added, 4u) << "three ports and http's port, in the one batch";
  EXPECT_EQ(deleted, 1u) << "ssh's port";
  expect_kernel_is_whole_compile("after the group");
  // The rules added in the group carry the kernel's handles: removing one alone names it.
  ASSERT_TRUE(fw_.remove_zone_item("public", port("7002")));
  expect_kernel_is_whole_compile("7002 removed alone");
}

TEST_F(ChangeGroups, RefusedGroupIsUndoneWhole) {
  ASSERT_TRUE(fw_.add_zone_item("public", port("7000")));
  ASSERT_TRUE(fw_.add_zone_item("public", port("7100"), 30));
  const auto zone = fw_.runtime().zones.at("public").value;
  const auto kernel = *fw_.kernel().table(compiler::kTableName);
  fw_.begin_group();
  ASSERT_TRUE(fw_.add_zone_item("public", port("7001")));
  ASSERT_TRUE(fw_.remove_zone_item("public", port("7000")));
  ASSERT_TRUE(fw_.remove_zone_item("public", port("7100")));  // cancels its timer
  netlink_.fail_at(1, EINVAL);
  auto refused = fw_.end_group();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Code::COMMAND_FAILED);
  EXPECT_EQ(fw_.runtime().zones.at("public").value, zone);
  EXPECT_EQ(*fw_.kernel().table(compiler::kTableName), kernel);
  EXPECT_TRUE(fw_.next_deadline()) << "the timer of 7100 is back";
  expect_kernel_is_whole_compile("after the refusal");
  // Each change again alone.
  ASSERT_TRUE(fw_.add_zone_item("public", port("7001")));
  ASSERT_TRUE(fw_.remove_zone_item("public", port("7000")));
  expect_kernel_is_whole_compile("alone");
}

TEST_F(ChangeGroups, ChangeTouchingARuleAddedInTheGroupCannotJoin) {
  fw_.begin_group();
  ASSERT_TRUE(fw_.add_zone_item("public", port("7001")));
  auto removed = fw_.remove_zone_item("public", port("7001"));
  EXPECT_FALSE(removed);
  EXPECT_TRUE(fw_.unstaged());
  EXPECT_TRUE(has_port("7001")) << "the refused remove changed nothing";
  ASSERT_TRUE(fw_.end_group());
  EXPECT_FALSE(fw_.unstaged());
  ASSERT_TRUE(fw_.remove_zone_item("public", port("7001")));
  EXPECT_FALSE(has_port("7001"));
  expect_kernel_is_whole_compile("removed alone after the group");
}

TEST_F(ChangeGroups, OtherChangesCannotJoin) {
  const auto zone = fw_.runtime().zones.at("public").value;
  size_t sent = netlink_.sent().size();
  fw_.begin_group();
  EXPECT_FALSE(fw_.add_zone_item("public", {ZoneElement::Masquerade, {}}));
  EXPECT_TRUE(fw_.unstaged());
  EXPECT_FALSE(fw_.add_interface("public", "eth7"));
  EXPECT_TRUE(fw_.unstaged());
  ASSERT_TRUE(fw_.end_group());
  EXPECT_EQ(netlink_.sent().size(), sent);
  EXPECT_EQ(fw_.runtime().zones.at("public").value, zone);
  EXPECT_TRUE(fw_.bindings().interfaces.empty());
  expect_kernel_is_whole_compile("nothing changed");
}

TEST_F(ChangeGroups, CheckErrorsInAGroupAreTheCallersOwn) {
  fw_.begin_group();
  ASSERT_TRUE(fw_.add_zone_item("public", port("7001")));
  auto again = fw_.add_zone_item("public", port("7001"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Code::ALREADY_ENABLED);
  EXPECT_FALSE(fw_.unstaged()) << "a refusal of the checks is an answer, not a retry";
  ASSERT_TRUE(fw_.add_zone_item("public", port("7002")));
  ASSERT_TRUE(fw_.end_group());
  EXPECT_TRUE(has_port("7001"));
  EXPECT_TRUE(has_port("7002"));
  expect_kernel_is_whole_compile("after the group");
}

}  // namespace
}  // namespace fwctl::core
