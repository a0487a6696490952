// RuntimeIpsets alone: the change it hands to a stand-in commit point, what it adopts, and the
// native ipset that follows the kernel's answer. Firewall's own ipset tests (firewall_ipset_test,
// firewall_native_ipsets_test) cover the part behind the real commit point.

#include "core/runtime_ipsets.hpp"

#include <gtest/gtest.h>

#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using Strings = std::vector<std::string>;

// Records each call of the ipset tool; accepts them all.
class ToolRunner final : public CommandRunner {
 public:
  CommandOutput run(const std::string& program, const std::vector<std::string>& args,
                    const std::string&) override {
    std::string call = program;
    for (const auto& a : args) call += " " + a;
    calls.push_back(call);
    return {};
  }
  Strings calls;
};

model::Item<model::IpSet> set_of(const std::string& type, Strings entries) {
  model::Item<model::IpSet> item;
  item.value.type = type;
  item.value.entries = std::move(entries);
  return item;
}

class RuntimeIpsetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sets_.emplace("foo", set_of("hash:net", {"10.0.0.0/24"}));
    auto timed = set_of("hash:ip", {});
    timed.value.options.emplace_back("timeout", "600");
    sets_.emplace("timed", std::move(timed));
  }
  const Strings& entries(const std::string& name) const { return sets_.at(name).value.entries; }

  // The stand-in commit point: records the change; adopts it unless told to refuse.
  Status commit(RuntimeChange change) {
    changes_.push_back(change);
    if (refuse_) return fail(Code::COMMAND_FAILED, "refused");
    ipsets_.adopt(std::move(*change.entries));
    return ok();
  }

  RuntimeIpsets::Sets sets_;
  nft::FakeNetlink netlink_;
  std::vector<RuntimeChange> changes_;
  bool refuse_ = false;
  RuntimeIpsets ipsets_{sets_, netlink_, [this](RuntimeChange c) { return commit(std::move(c)); }};
};

TEST_F(RuntimeIpsetsTest, AnEntryGoesThroughTheCommitPointAsAnElementDelta) {
  ASSERT_TRUE(ipsets_.add_entry("foo", "10.1.2.3/16"));
  ASSERT_EQ(changes_.size(), 1u);
  const RuntimeChange& change = changes_[0];
  ASSERT_TRUE(change.entries);
  EXPECT_EQ(change.entries->set, "foo");
  EXPECT_EQ(change.entries->come, (Strings{"10.1.0.0/16"}));  // normalized
  EXPECT_TRUE(change.entries->gone.empty());
  EXPECT_EQ(change.scope.sets, (Strings{"foo"}));
  EXPECT_FALSE(change.refused_in_panic);  // entries may change in panic mode
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24", "10.1.0.0/16"}));
  EXPECT_TRUE(*ipsets_.query_entry("foo", "10.1.0.0/16"));
}

TEST_F(RuntimeIpsetsTest, NothingChangesWhenTheCommitPointRefuses) {
  refuse_ = true;
  EXPECT_EQ(ipsets_.add_entry("foo", "10.1.0.0/16").error().code, Code::COMMAND_FAILED);
  EXPECT_EQ(ipsets_.set_entries("foo", {"10.2.0.0/16"}).error().code, Code::COMMAND_FAILED);
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24"}));
  refuse_ = false;  // the index did not take the refused entry either
  EXPECT_TRUE(ipsets_.add_entry("foo", "10.1.0.0/16"));
}

TEST_F(RuntimeIpsetsTest, RefusesWhatItChecksBeforeAnyChange) {
  EXPECT_EQ(ipsets_.add_entry("bar", "10.1.0.0/16").error().code, Code::INVALID_IPSET);
  EXPECT_EQ(ipsets_.add_entry("foo", "10.0.0.0/24").error().detail,
            "'10.0.0.0/24' already is in 'foo'");
  EXPECT_EQ(ipsets_.add_entry("foo", "10.0.0.1").error().code, Code::INVALID_ENTRY);  // overlap
  EXPECT_EQ(ipsets_.remove_entry("foo", "10.9.0.0/16").error().code, Code::NOT_ENABLED);
  EXPECT_EQ(ipsets_.query_entry("timed", "1.2.3.4").error().code, Code::IPSET_WITH_TIMEOUT);
  EXPECT_TRUE(changes_.empty());
}

TEST_F(RuntimeIpsetsTest, SetEntriesReplacesTheListInOneEdit) {
  ASSERT_TRUE(ipsets_.set_entries("foo", {"10.2.0.0/16", "10.0.0.0/24"}));
  ASSERT_EQ(changes_.size(), 1u);
  EXPECT_TRUE(changes_[0].entries->gone.empty());
  EXPECT_EQ(changes_[0].entries->come, (Strings{"10.2.0.0/16"}));
  EXPECT_EQ(entries("foo"), (Strings{"10.2.0.0/16", "10.0.0.0/24"}));
  ASSERT_TRUE(ipsets_.set_entries("foo", {"10.3.0.0/16"}));
  EXPECT_EQ(changes_[1].entries->gone, (Strings{"10.2.0.0/16", "10.0.0.0/24"}));
  EXPECT_EQ(entries("foo"), (Strings{"10.3.0.0/16"}));
  ASSERT_TRUE(ipsets_.remove_entry("foo", "10.3.0.0/16"));  // the index was rebuilt
  EXPECT_TRUE(entries("foo").empty());
}

TEST_F(RuntimeIpsetsTest, EntriesOfASetWithATimeoutGoToTheKernelAlone) {
  ASSERT_TRUE(ipsets_.add_entry("timed", "1.2.3.4"));
  EXPECT_TRUE(changes_.empty());
  EXPECT_EQ(netlink_.committed().size(), 1u);
  EXPECT_TRUE(entries("timed").empty());
}

TEST_F(RuntimeIpsetsTest, TheNativeIpsetFollowsTheKernelsAnswer) {
  ToolRunner runner;
  ipsets_.set_runner(&runner);
  ASSERT_TRUE(ipsets_.create_native());
  runner.calls.clear();
  refuse_ = true;
  EXPECT_FALSE(ipsets_.add_entry("foo", "10.1.0.0/16"));
  EXPECT_EQ(runner.calls, (Strings{"/usr/sbin/ipset add foo 10.1.0.0/16",
                                   "/usr/sbin/ipset del foo 10.1.0.0/16"}));
  std::vector<Error> warnings;
  ipsets_.destroy_native(warnings);
  EXPECT_TRUE(warnings.empty());
}

TEST_F(RuntimeIpsetsTest, KeepsRuntimeEntriesAcrossAReload) {
  ASSERT_TRUE(ipsets_.add_entry("foo", "10.1.0.0/16"));
  RuntimeIpsets::Sets next;
  next.emplace("foo", set_of("hash:net", {"10.3.0.0/16", "10.0.0.0/24"}));
  ipsets_.keep_entries(next);
  EXPECT_EQ(next.at("foo").value.entries, (Strings{"10.3.0.0/16", "10.0.0.0/24", "10.1.0.0/16"}));
  EXPECT_TRUE(next.count("timed"));  // gone from the files: stays as it is at runtime
}

}  // namespace
}  // namespace fwctl::core
