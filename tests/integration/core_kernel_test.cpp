// core::KernelRuleset against the real kernel, in a network namespace of its own: after a full
// load, incremental changes (a port, a rich rule, an ipset entry, a zone binding) and their
// removal leave `nft list ruleset` exactly the full to_text() of the new IR, as a full load
// would; a delta batch the kernel refuses leaves both the kernel and the recorded state as they
// were. Through core::Firewall's commit point (issue 13: focused compiles, element deltas),
// every kind of runtime change leaves `nft list ruleset` exactly the to_text() of what the
// firewall records as the kernel's ruleset.
//
// Needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN for unshare); exits 77 (skipped) without.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>

#include "compiler/compiler.hpp"
#include "config/loader.hpp"
#include "core/firewall.hpp"
#include "core/kernel_ruleset.hpp"
#include "kernel_test.hpp"
#include "model/rich_rule.hpp"
#include "nft/mnl_netlink.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::core {
namespace {

const std::string kSource = FWCTL_SOURCE_DIR;

using integration::nft_list_ruleset;

// Forwards to the kernel and remembers each batch's size, to see that a delta is small.
class CountingNetlink final : public nft::Netlink {
 public:
  explicit CountingNetlink(nft::Netlink& kernel) : kernel_(kernel) {}
  Result<std::vector<nft::Reply>> send(const nft::Batch& batch) override {
    last_size_ = batch.size();
    return kernel_.send(batch);
  }
  size_t last_size() const { return last_size_; }

 private:
  nft::Netlink& kernel_;
  size_t last_size_ = 0;
};

class CoreKernel : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = nft::MnlNetlink::open();
    ASSERT_TRUE(opened) << opened.error().message();
    netlink_ = std::move(*opened);
    counting_ = std::make_unique<CountingNetlink>(*netlink_);
    kernel_ = std::make_unique<KernelRuleset>(*counting_);
    auto loaded = config::load_config({kSource, kSource + "/tests/golden/zone_elements.etc"});
    for (const auto& e : loaded.errors) ADD_FAILURE() << e.located_message();
    config_ = loaded.config;
    auto status = kernel_->load(compiled());
    ASSERT_TRUE(status) << status.error().message();
    ASSERT_EQ(nft_list_ruleset(), to_text(compiled()));
  }

  compiler::Ruleset compiled() const {
    auto ruleset = compiler::compile(config_, compiler::bindings_from_config(config_));
    if (!ruleset) {
      ADD_FAILURE() << ruleset.error().message();
      return {};
    }
    return std::move(*ruleset);
  }

  // Applies the configuration's IR as a delta of `messages` messages; the kernel must then
  // list exactly that IR.
  void apply_and_compare(const char* step, size_t messages) {
    auto next = compiled();
    auto status = kernel_->apply(next);
    ASSERT_TRUE(status) << step << ": " << status.error().message();
    EXPECT_EQ(counting_->last_size(), messages) << step;
    EXPECT_EQ(nft_list_ruleset(), to_text(next)) << step;
    EXPECT_EQ(kernel_->ruleset(), next) << step;
  }

  model::Zone& public_zone() { return config_.zones.at("public").value; }

  std::unique_ptr<nft::MnlNetlink> netlink_;
  std::unique_ptr<CountingNetlink> counting_;
  std::unique_ptr<KernelRuleset> kernel_;
  model::Config config_;
};

TEST_F(CoreKernel, IncrementalPortAndRichRuleGiveTheFullLoadsRuleset) {
  public_zone().ports.push_back({"9000", "tcp"});
  apply_and_compare("add port", 1);
  auto rich = model::parse_rich_rule(
      "rule family=\"ipv4\" source address=\"192.168.5.0/24\" port port=\"9100\" "
      "protocol=\"udp\" log prefix=\"rich: \" level=\"info\" accept");
  ASSERT_TRUE(rich) << rich.error().message();
  public_zone().rules.push_back(*rich);
  apply_and_compare("add rich rule", 2);  // its log rule (_log) and its accept (_allow)
  public_zone().ports.pop_back();
  apply_and_compare("remove port", 1);
  public_zone().rules.pop_back();
  apply_and_compare("remove rich rule", 2);
}

TEST_F(CoreKernel, IncrementalRulesAreDeletableByTheirEchoedHandles) {
  public_zone().ports.push_back({"9000", "tcp"});
  apply_and_compare("add port", 1);
  public_zone().services.push_back("https");  // inserted in front of a kept rule
  apply_and_compare("add service", 1);
  public_zone().ports.pop_back();
  public_zone().services.pop_back();
  apply_and_compare("remove both", 2);
}

TEST_F(CoreKernel, IpsetEntriesAreAddedAndRemovedAsElements) {
  auto& entries = config_.ipsets.at("foo").value.entries;
  entries.push_back("10.0.0.7");
  entries.push_back("172.16.0.0/12");
  apply_and_compare("add entries", 1);
  entries = {"192.168.0.0/24", "10.0.0.7"};
  apply_and_compare("remove entries", 1);
}

TEST_F(CoreKernel, BindingAndUnbindingAZoneCreatesAndDeletesItsChains) {
  config_.zones.at("home").value.interfaces.push_back("veth-test");
  auto next = compiled();
  auto status = kernel_->apply(next);
  ASSERT_TRUE(status) << status.error().message();
  // New chains are listed after the existing ones (creation order): compare the chains as sets.
  auto listing = nft_list_ruleset();
  for (const auto& chain : next.tables.at(0).chains) {
    EXPECT_NE(listing.find(to_text(chain)), std::string::npos) << chain.name;
  }
  EXPECT_EQ(listing.size(), to_text(next).size());
  config_.zones.at("home").value.interfaces.clear();
  auto unbound = compiled();
  status = kernel_->apply(unbound);
  ASSERT_TRUE(status) << status.error().message();
  EXPECT_EQ(nft_list_ruleset(), to_text(unbound));
}

TEST_F(CoreKernel, LargeLoadLearnsEveryHandleAndAMiddleRuleGoesAlone) {
  for (int port = 20000; port < 22000; ++port) {
    public_zone().ports.push_back({std::to_string(port), "tcp"});
  }
  auto status = kernel_->load(compiled());
  ASSERT_TRUE(status) << status.error().message();
  const auto* handles = kernel_->handles("firewalld", "filter_IN_public_allow");
  ASSERT_NE(handles, nullptr);
  EXPECT_GT(handles->size(), 2000u);
  for (uint64_t h : *handles) ASSERT_NE(h, 0u);
  public_zone().ports.erase(public_zone().ports.begin() + 1000);
  apply_and_compare("remove a middle port", 1);
}

// Chain name -> the handles of its rules, from `nft -a list table inet firewalld`.
std::map<std::string, std::vector<uint64_t>> listed_handles() {
  std::map<std::string, std::vector<uint64_t>> out;
  FILE* pipe = popen("nft -a list table inet firewalld", "r");
  if (!pipe) return out;
  char buf[8192];
  std::string chain;
  while (fgets(buf, sizeof buf, pipe)) {
    std::string line(buf);
    auto at = line.find(" # handle ");
    if (line.starts_with("\tchain ")) {
      chain = line.substr(7, line.find(' ', 7) - 7);
      out[chain];
    } else if (line.starts_with("\t\t") && at != std::string::npos && !chain.empty()) {
      out[chain].push_back(std::stoull(line.substr(at + 10)));
    }
  }
  pclose(pipe);
  return out;
}

// A whole load echoes only its first and last rule and predicts the other handles
// (nft/ruleset_batch.hpp): they are the kernel's, anonymous sets, ct helpers and named sets
// taking their handles in between.
TEST_F(CoreKernel, WholeLoadPredictsTheKernelsRuleHandles) {
  config_.ipsets["blocked"].value.type = "hash:ip";
  config_.ipsets["blocked"].value.entries = {"10.1.0.1", "10.1.0.2"};
  public_zone().sources.push_back(model::ZoneSource{{}, {}, "blocked"});
  auto next = compiled();
  auto status = kernel_->load(next);
  ASSERT_TRUE(status) << status.error().message();
  auto listed = listed_handles();
  size_t rules = 0;
  for (const auto& chain : next.tables.at(0).chains) {
    const auto* handles = kernel_->handles("firewalld", chain.name);
    ASSERT_NE(handles, nullptr) << chain.name;
    EXPECT_EQ(*handles, listed[chain.name]) << chain.name;
    rules += handles->size();
  }
  EXPECT_GT(rules, 100u);
  status = kernel_->load(next);  // a reload: the table deleted and created again, handles anew
  ASSERT_TRUE(status) << status.error().message();
  EXPECT_EQ(*kernel_->handles("firewalld", "filter_IN_public_allow"),
            listed_handles()["filter_IN_public_allow"]);
  public_zone().ports.erase(public_zone().ports.begin());
  apply_and_compare("remove a port by its predicted handle", 1);
}

compiler::Chain& chain_named(compiler::Ruleset& ruleset, const std::string& name) {
  for (auto& chain : ruleset.tables.at(0).chains) {
    if (chain.name == name) return chain;
  }
  throw std::out_of_range(name);
}

// A delta the kernel refuses at `origin`: the kernel, the IR and the handles stay as they were,
// and the next good change applies as if nothing had happened.
// The outcome of a call that answers with a value, as a Status.
template <typename T>
Status status_of(const Result<T>& result) {
  if (result) return ok();
  return result;  // its error
}

// Runtime changes through core::Firewall's commit point against the real kernel: after each, the
// kernel lists exactly what the firewall records (chains new to the table last, as the kernel
// keeps creation order; set elements in nft's order).
class FirewallKernel : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = nft::MnlNetlink::open();
    ASSERT_TRUE(opened) << opened.error().message();
    netlink_ = std::move(*opened);
    // A copy of the tree: set_default_zone writes the system tree's firewalld.conf.
    char dir[] = "/tmp/fwctl-core-kernel.XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    etc_ = dir;
    std::filesystem::copy(kSource + "/tests/golden/zone_elements.etc", etc_,
                          std::filesystem::copy_options::recursive);
    fw_ = std::make_unique<Firewall>(config::Paths{kSource, etc_}, *netlink_);
    ASSERT_TRUE(fw_->start());
    ASSERT_EQ(fw_->state(), State::Running);
    expect_listing_is_ir("start");
  }
  void TearDown() override {
    if (fw_) (void)fw_->stop();
    if (!etc_.empty()) std::filesystem::remove_all(etc_);
  }

  // A chain or ct helper a whole-IR delta creates is listed by the kernel after the existing
  // ones, where the IR has it in compiler order (kernel_ruleset.hpp): compare the blocks.
  void expect_listing_is_ir(const std::string& step) {
    EXPECT_EQ(blocks(nft_list_ruleset()), blocks(to_text(fw_->kernel().ruleset()))) << step;
  }

  // The listing cut into its table lines and "\tchain/set/ct helper ... {" ... "\t}" blocks,
  // sorted.
  static std::vector<std::string> blocks(const std::string& text) {
    std::vector<std::string> out;
    std::string block;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      start = end + 1;
      if (line.empty()) continue;  // between blocks, whichever comes first
      block += line + "\n";
      bool inside = line.size() > 1 && line[0] == '\t' && line[1] == '\t';
      bool opens = line.size() > 1 && line[0] == '\t' && line.back() == '{';
      if (!inside && !opens) {
        out.push_back(block);
        block.clear();
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::unique_ptr<nft::MnlNetlink> netlink_;
  std::unique_ptr<Firewall> fw_;
  std::string etc_;
};

TEST_F(FirewallKernel, EveryKindOfRuntimeChangeLeavesTheListingEqualToTheIr) {
  const ZoneItem rich{ZoneElement::RichRule,
                      {"rule family=\"ipv4\" source address=\"10.9.0.0/16\" port port=\"9100\" "
                       "protocol=\"udp\" log prefix=\"rich: \" accept"}};
  const std::vector<std::pair<std::string, std::function<Status()>>> steps = {
      {"add port", [&] { return status_of(fw_->add_port("public", "9000", "tcp")); }},
      {"add rich rule", [&] { return status_of(fw_->add_zone_item("public", rich)); }},
      {"add service", [&] { return status_of(fw_->add_service("public", "https")); }},
      {"bind work", [&] { return status_of(fw_->add_interface("work", "veth-test")); }},
      {"source into dmz", [&] { return status_of(fw_->add_source("dmz", "10.8.0.0/16")); }},
      {"add ipset entries", [&] { return fw_->add_ipset_entry("foo", "10.0.0.7"); }},
      {"add a network", [&] { return fw_->add_ipset_entry("foo", "172.16.0.0/12"); }},
      {"remove an entry", [&] { return fw_->remove_ipset_entry("foo", "10.0.0.7"); }},
      {"default zone home", [&] { return status_of(fw_->set_default_zone("home")); }},
      {"move the interface",
       [&] { return status_of(fw_->change_zone_of_interface("home", "veth-test")); }},
      {"remove rich rule", [&] { return status_of(fw_->remove_zone_item("public", rich)); }},
      {"remove port", [&] { return status_of(fw_->remove_port("public", "9000", "tcp")); }},
      {"unbind", [&] { return status_of(fw_->remove_interface("", "veth-test")); }},
      {"panic on", [&] { return fw_->enable_panic_mode(); }},
      {"panic off", [&] { return fw_->disable_panic_mode(); }},
  };
  for (const auto& [step, run] : steps) {
    Status st = run();
    ASSERT_TRUE(st) << step << ": " << st.error().message();
    expect_listing_is_ir(step);
  }
}

class CoreFault : public CoreKernel {
 protected:
  void expect_refused(const compiler::Ruleset& bad, const std::string& origin) {
    std::string listing = nft_list_ruleset();
    auto ruleset = kernel_->ruleset();
    auto handles = *kernel_->handles("firewalld", "filter_IN_public_allow");
    auto status = kernel_->apply(bad);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, Code::COMMAND_FAILED);
    EXPECT_EQ(status.error().detail.rfind(origin + ": ", 0), 0u) << status.error().detail;
    EXPECT_EQ(nft_list_ruleset(), listing);
    EXPECT_EQ(kernel_->ruleset(), ruleset);
    EXPECT_EQ(*kernel_->handles("firewalld", "filter_IN_public_allow"), handles);
    public_zone().ports.push_back({"9000", "tcp"});
    apply_and_compare("good change after the refused one", 1);
  }
};

compiler::Rule port_rule(const std::string& port) {
  compiler::Rule rule;
  rule.stmts = {compiler::Match{{compiler::Payload{"tcp", "dport"}},
                                compiler::Op::Eq,
                                compiler::Value{compiler::ValueKind::Integer, port}},
                compiler::Verdict{}};
  return rule;
}

TEST_F(CoreFault, JumpToAMissingChainRefusesTheWholeDelta) {
  auto bad = compiled();
  auto& allow = chain_named(bad, "filter_IN_public_allow");
  allow.rules.push_back(port_rule("9001"));  // a good change in the same batch
  compiler::Rule jump;
  jump.stmts = {compiler::Verdict{compiler::VerdictKind::Jump, "nosuchchain"}};
  allow.rules.push_back(jump);
  std::string origin = "chain 'filter_IN_public_allow' rule " + std::to_string(allow.rules.size()) +
                       ": jump nosuchchain";
  expect_refused(bad, origin);
}

TEST_F(CoreFault, LookupInAMissingSetRefusesTheWholeDelta) {
  auto bad = compiled();
  for (auto& set : bad.tables.at(0).sets) {
    if (set.name != "foo") continue;
    set.elements.push_back({compiler::Value{compiler::ValueKind::Address, "10.0.0.9"}});  // good
  }
  auto& zones = chain_named(bad, "filter_INPUT_ZONES").rules;
  compiler::Rule lookup;
  lookup.stmts = {compiler::Match{
      {compiler::Payload{"ip", "saddr"}}, compiler::Op::Eq, compiler::SetRef{"nosuchset"}}};
  zones.insert(zones.begin(), lookup);
  expect_refused(bad, "chain 'filter_INPUT_ZONES' rule 1: ip saddr @nosuchset");
}

}  // namespace
}  // namespace fwctl::core

int main(int argc, char** argv) { return fwctl::integration::run_tests_in_own_netns(argc, argv); }
