// The nft backend against the real kernel, in a network namespace of its own: every golden
// ruleset loads in one batch and `nft list ruleset` reads back exactly the IR's to_text() and
// the golden file; a batch the kernel refuses leaves the previous ruleset untouched.
//
// Needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN for unshare); exits 77 (skipped) without.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "compiler/compiler.hpp"
#include "compiler/panic.hpp"
#include "config/loader.hpp"
#include "kernel_test.hpp"
#include "nft/mnl_netlink.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::nft {
namespace {

const std::string kSource = FWCTL_SOURCE_DIR;

using integration::nft_list_ruleset;

// The golden file without the one trailing empty line the stored files may have.
std::string read_golden(const std::string& name) {
  std::ifstream in(kSource + "/tests/golden/" + name + ".nft");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  while (text.size() >= 2 && text.ends_with("\n\n")) text.pop_back();
  return text;
}

// The repository's default tree plus tests/golden/NAME.etc, compiled.
compiler::Ruleset compile_golden(const std::string& name) {
  auto loaded = config::load_config({kSource, kSource + "/tests/golden/" + name + ".etc"});
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.located_message();
  auto ruleset = compiler::compile(loaded.config, compiler::bindings_from_config(loaded.config));
  if (!ruleset) {
    ADD_FAILURE() << ruleset.error().message();
    return {};
  }
  return *ruleset;
}

class NftKernel : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = MnlNetlink::open();
    ASSERT_TRUE(opened) << opened.error().message();
    netlink_ = std::move(*opened);
    Batch clear;
    ASSERT_TRUE(add_remove_table(clear, {"inet", compiler::kTableName}));
    ASSERT_TRUE(netlink_->send(clear));
  }

  Status load(const compiler::Ruleset& ruleset) {
    auto batch = replace_ruleset(ruleset);
    if (!batch) return batch;
    auto sent = netlink_->send(*batch);
    if (!sent) return sent;
    return ok();
  }

  std::unique_ptr<MnlNetlink> netlink_;
};

class NftGolden : public NftKernel, public ::testing::WithParamInterface<const char*> {};

TEST_P(NftGolden, LoadsInOneBatchAndReadsBackAsTheIrAndTheGolden) {
  auto ruleset = compile_golden(GetParam());
  ASSERT_EQ(to_text(ruleset), read_golden(GetParam())) << "compiler output differs from golden";
  auto status = load(ruleset);
  ASSERT_TRUE(status) << status.error().message();
  std::string back = nft_list_ruleset();
  EXPECT_EQ(back, to_text(ruleset));
  EXPECT_EQ(back, read_golden(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(Goldens, NftGolden,
                         ::testing::Values("default", "zone_elements", "zone_elements_log_denied",
                                           "zones_and_policies", "rich_nflog", "rich_priorities",
                                           "sources_mac_not", "ipset_concat", "policies_host_any",
                                           "icmp_inversion", "forward_port_v6"));

TEST_F(NftKernel, ReplacingALoadedTableLeavesOnlyTheNewOne) {
  ASSERT_TRUE(load(compile_golden("zones_and_policies")));
  auto next = compile_golden("zone_elements");
  ASSERT_TRUE(load(next));
  EXPECT_EQ(nft_list_ruleset(), to_text(next));
}

compiler::Chain& chain_named(compiler::Ruleset& ruleset, const std::string& name) {
  for (auto& chain : ruleset.tables.at(0).chains) {
    if (chain.name == name) return chain;
  }
  throw std::out_of_range(name);
}

compiler::Rule rule_of(compiler::Statement stmt) {
  compiler::Rule rule;
  rule.stmts.push_back(std::move(stmt));
  return rule;
}

// A replace the kernel refuses at `bad`: the error names it, and the old table stays as it was.
class NftFault : public NftKernel {
 protected:
  void expect_refused(const compiler::Ruleset& bad, const std::string& origin) {
    ASSERT_TRUE(load(compile_golden("zone_elements")));
    std::string before = nft_list_ruleset();
    auto status = load(bad);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, Code::COMMAND_FAILED);
    EXPECT_EQ(status.error().detail.rfind(origin + ": ", 0), 0u) << status.error().detail;
    EXPECT_EQ(nft_list_ruleset(), before);
  }
};

TEST_F(NftFault, JumpToAMissingChainLeavesThePreviousRuleset) {
  auto bad = compile_golden("default");
  auto& allow = chain_named(bad, "filter_IN_public_allow");
  allow.rules.push_back(rule_of(compiler::Verdict{compiler::VerdictKind::Jump, "nosuchchain"}));
  expect_refused(bad, "chain 'filter_IN_public_allow' rule 3: jump nosuchchain");
}

TEST_F(NftFault, LookupInAMissingSetLeavesThePreviousRuleset) {
  auto bad = compile_golden("default");
  compiler::Match m{
      {compiler::Payload{"ip", "saddr"}}, compiler::Op::Eq, compiler::SetRef{"nosuchset"}};
  chain_named(bad, "filter_INPUT_ZONES")
      .rules.insert(chain_named(bad, "filter_INPUT_ZONES").rules.begin(), rule_of(m));
  expect_refused(bad, "chain 'filter_INPUT_ZONES' rule 1: ip saddr @nosuchset");
}

TEST_F(NftFault, OverlappingSetElementsLeaveThePreviousRuleset) {
  auto bad = compile_golden("default");
  compiler::Set set{"overlap", {"ipv4_addr"}, {"interval"}, {}};
  set.elements = {{{compiler::ValueKind::Prefix, "10.0.0.0/8"}},
                  {{compiler::ValueKind::Prefix, "10.1.0.0/16"}}};
  bad.tables[0].sets.push_back(set);
  expect_refused(bad, "set 'overlap' elements");
}

TEST_F(NftKernel, EchoedRuleHandleDeletesThatRule) {
  ASSERT_TRUE(load(compile_golden("default")));
  std::string before = nft_list_ruleset();
  TableId table{"inet", compiler::kTableName};
  compiler::Match port{{compiler::Payload{"tcp", "dport"}},
                       compiler::Op::Eq,
                       compiler::Value{compiler::ValueKind::Integer, "8080"}};
  compiler::Rule rule;
  rule.stmts = {port, compiler::Verdict{}};
  Batch add;
  ASSERT_TRUE(add.add_rule(table, "filter_IN_public_allow", rule, "zone 'public' port", true));
  auto replies = netlink_->send(add);
  ASSERT_TRUE(replies) << replies.error().message();
  ASSERT_EQ(replies->size(), 1u);
  ASSERT_TRUE(replies->at(0).handle);
  EXPECT_NE(nft_list_ruleset().find("tcp dport 8080 accept"), std::string::npos);
  Batch del;
  ASSERT_TRUE(
      del.del_rule(table, "filter_IN_public_allow", *replies->at(0).handle, "zone 'public' port"));
  ASSERT_TRUE(netlink_->send(del));
  EXPECT_EQ(nft_list_ruleset(), before);
}

// Panic mode (compiler/panic.hpp) on top of the default ruleset: one batch adds the panic
// table, one deletes it, and loopback TCP inside the namespace stops and starts again.
class NftPanic : public NftKernel {
 protected:
  void TearDown() override {
    Batch off;
    ASSERT_TRUE(add_remove_table(off, kPanicTable));
    ASSERT_TRUE(netlink_->send(off));
  }

  // `ip link set lo up`: a new namespace starts with lo down.
  static bool loopback_up() {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    ifreq ifr{};
    std::snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "lo");
    bool up = ioctl(fd, SIOCGIFFLAGS, &ifr) == 0;
    ifr.ifr_flags = static_cast<short>(ifr.ifr_flags | IFF_UP);
    up = up && ioctl(fd, SIOCSIFFLAGS, &ifr) == 0;
    close(fd);
    return up;
  }

  // Whether a TCP connect to 127.0.0.1:port completes within 300 ms (poll, no sleeping).
  static bool connects(uint16_t port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool done = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    if (!done && errno == EINPROGRESS) {
      pollfd pfd{fd, POLLOUT, 0};
      int err = 0;
      socklen_t len = sizeof(err);
      done = poll(&pfd, 1, 300) == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
             err == 0;
    }
    close(fd);
    return done;
  }

  // A listener on 127.0.0.1 at a port the kernel picks; -1 on failure. Closed by the caller.
  static int listen_loopback(uint16_t& port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
        listen(fd, 8) != 0 || getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      if (fd >= 0) close(fd);
      return -1;
    }
    port = ntohs(addr.sin_port);
    return fd;
  }

  const TableId kPanicTable{compiler::kPanicTableFamily, compiler::kPanicTableName};
};

TEST_F(NftPanic, PanicOnAndOffAreOneBatchEachAndDropLoopbackTrafficMeanwhile) {
  ASSERT_TRUE(loopback_up());
  uint16_t port = 0;
  int listener = listen_loopback(port);
  ASSERT_GE(listener, 0) << std::strerror(errno);
  auto ruleset = compile_golden("default");
  ASSERT_TRUE(load(ruleset));
  EXPECT_TRUE(connects(port)) << "the default ruleset accepts loopback";

  Batch on;
  ASSERT_TRUE(add_replace_table(on, compiler::panic_table()));
  auto sent = netlink_->send(on);
  ASSERT_TRUE(sent) << sent.error().message();
  EXPECT_EQ(nft_list_ruleset(), read_golden("panic_on"));
  EXPECT_EQ(nft_list_ruleset(), to_text(compiler::with_panic(ruleset)));
  EXPECT_FALSE(connects(port)) << "panic mode lets a loopback connect through";

  Batch off;
  ASSERT_TRUE(add_remove_table(off, kPanicTable));
  sent = netlink_->send(off);
  ASSERT_TRUE(sent) << sent.error().message();
  EXPECT_EQ(nft_list_ruleset(), read_golden("default"));
  EXPECT_TRUE(connects(port)) << "loopback stays blocked after panic off";
  close(listener);
}

}  // namespace
}  // namespace fwctl::nft

int main(int argc, char** argv) { return fwctl::integration::run_tests_in_own_netns(argc, argv); }
