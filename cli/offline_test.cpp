// fwctl --permanent with no daemon (firewall-cmd's command line, on the files) on a temporary
// system tree over the repository's defaults: what each kind's commands write.
// offline_compare.sh (tests/cli) checks that the files equal those fwctld writes for the same
// commands. fwctl --offline is firewall-offline-cmd's command line: offline_cmd_test.cpp.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <optional>
#include <sstream>

#include "config/test_support.hpp"
#include "session.hpp"

namespace fwctl::cli {
namespace {

using config::testing::read_text;
using config::testing::TempDir;

struct Ran {
  int code;
  std::string out, err;
};

class CliOffline : public ::testing::Test {
 protected:
  // No bus to reach: every --permanent command works on the files.
  void SetUp() override {
    const char* old = ::getenv("DBUS_SYSTEM_BUS_ADDRESS");
    saved_ = old ? std::optional<std::string>(old) : std::nullopt;
    ::setenv("DBUS_SYSTEM_BUS_ADDRESS", ("unix:path=" + etc_.path() + "/no-bus").c_str(), 1);
  }
  void TearDown() override {
    if (saved_) ::setenv("DBUS_SYSTEM_BUS_ADDRESS", saved_->c_str(), 1);
    else ::unsetenv("DBUS_SYSTEM_BUS_ADDRESS");
  }
  Ran fwctl(std::vector<std::string> args, const char* mode = "--permanent") {
    std::vector<std::string> argv{mode, "--default-config", FWCTL_SOURCE_DIR, "--system-config",
                                  etc_.path()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::ostringstream out, err;
    int code = run(argv, "fwctl", out, err, false);
    return {code, out.str(), err.str()};
  }
  std::string file(const std::string& relative) const {
    return read_text(etc_.path() + "/" + relative);
  }
  bool exists(const std::string& relative) const {
    return std::filesystem::exists(etc_.path() + "/" + relative);
  }

  TempDir etc_;
  std::optional<std::string> saved_;
};

TEST_F(CliOffline, NewServiceAndItsEdits) {
  EXPECT_EQ(fwctl({"--new-service=svc1"}).out, "success\n");
  Ran again = fwctl({"--new-service=svc1"});
  EXPECT_EQ(again.code, 26);  // NAME_CONFLICT
  EXPECT_EQ(again.err, "Error: NAME_CONFLICT: new_service(): 'svc1'\n");
  EXPECT_EQ(fwctl({"--service=svc1", "--add-port=22/tcp"}).code, 0);
  Ran dup = fwctl({"--service=svc1", "--add-port=22/tcp"});
  EXPECT_EQ(dup.code, 0);
  EXPECT_EQ(dup.err, "Warning: ALREADY_ENABLED: '22:tcp'\n");
  EXPECT_EQ(fwctl({"--service=svc1", "--set-destination=ipv4:224.0.0.251"}).code, 0);
  std::string xml = file("services/svc1.xml");
  EXPECT_NE(xml.find("<port port=\"22\" protocol=\"tcp\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("ipv4=\"224.0.0.251\""), std::string::npos) << xml;
  EXPECT_EQ(fwctl({"--service=svc1", "--get-ports"}).out, "22/tcp\n");
  EXPECT_EQ(fwctl({"--path-service=svc1"}).out, etc_.path() + "/services/svc1.xml\n");
  EXPECT_EQ(fwctl({"--delete-service=svc1"}).code, 0);
  EXPECT_FALSE(exists("services/svc1.xml"));
}

// A default item edited offline gets a system copy; loading the defaults removes it again.
TEST_F(CliOffline, DefaultServiceCopiedThenDefaultsLoaded) {
  EXPECT_EQ(fwctl({"--service=ssh", "--add-port=2222/tcp"}).code, 0);
  EXPECT_TRUE(exists("services/ssh.xml"));
  EXPECT_EQ(fwctl({"--load-service-defaults=ssh"}).code, 0);
  EXPECT_FALSE(exists("services/ssh.xml"));
  EXPECT_EQ(fwctl({"--delete-service=ssh"}).code, 24);                   // BUILTIN_SERVICE
  EXPECT_EQ(fwctl({"--service=nosuch", "--add-port=1/tcp"}).code, 101);  // INVALID_SERVICE
}

TEST_F(CliOffline, IpsetEntriesFromFile) {
  EXPECT_EQ(fwctl({"--new-ipset=set1", "--type=hash:ip"}).code, 0);
  TempDir inputs;
  std::string entries = inputs.write("entries.txt", "10.1.1.1\n# comment\n10.1.1.2\n");
  EXPECT_EQ(fwctl({"--ipset=set1", "--add-entries-from-file=" + entries}).code, 0);
  EXPECT_EQ(fwctl({"--ipset=set1", "--get-entries"}).out, "10.1.1.1\n10.1.1.2\n");
  EXPECT_NE(file("ipsets/set1.xml").find("<entry>10.1.1.2</entry>"), std::string::npos);
  EXPECT_EQ(fwctl({"--new-ipset=set2"}).code, 2);  // No type specified.
}

TEST_F(CliOffline, IcmptypeHelperAndPolicy) {
  EXPECT_EQ(fwctl({"--new-icmptype=i1"}).code, 0);
  EXPECT_EQ(fwctl({"--icmptype=i1", "--remove-destination=ipv6"}).code, 0);
  EXPECT_EQ(fwctl({"--icmptype=i1", "--get-destinations"}).out, "ipv4\n");
  EXPECT_EQ(fwctl({"--new-helper=h1", "--module=nf_conntrack_ftp"}).code, 0);
  EXPECT_EQ(fwctl({"--helper=h1", "--add-port=2121/tcp"}).code, 0);
  EXPECT_NE(file("helpers/h1.xml").find("port=\"2121\""), std::string::npos);
  EXPECT_EQ(fwctl({"--new-policy=pol1"}).code, 0);
  EXPECT_EQ(fwctl({"--policy=pol1", "--add-service=ssh"}).code, 0);
  EXPECT_EQ(fwctl({"--policy=pol1", "--set-priority=10"}).code, 0);
  std::string xml = file("policies/pol1.xml");
  EXPECT_NE(xml.find("<service name=\"ssh\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("priority=\"10\""), std::string::npos) << xml;
}

TEST_F(CliOffline, LockdownWhitelist) {
  EXPECT_EQ(fwctl({"--add-lockdown-whitelist-uid=1000"}).code, 0);
  EXPECT_EQ(fwctl({"--add-lockdown-whitelist-uid=1000"}).err, "Warning: ALREADY_ENABLED: 1000\n");
  EXPECT_EQ(fwctl({"--add-lockdown-whitelist-user=alice"}).code, 0);
  EXPECT_EQ(fwctl({"--list-lockdown-whitelist-uids"}).out, "1000\n");
  std::string xml = file("lockdown-whitelist.xml");
  EXPECT_NE(xml.find("<user id=\"1000\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<user name=\"alice\"/>"), std::string::npos) << xml;
}

TEST_F(CliOffline, Direct) {
  EXPECT_EQ(fwctl({"--direct", "--add-chain", "ipv4", "filter", "mychain"}).code, 0);
  EXPECT_EQ(fwctl({"--direct", "--add-chain", "ipv4", "filter", "mychain"}).err,
            "Warning: ALREADY_ENABLED: chain 'mychain' already is in 'ipv4:filter'\n");
  EXPECT_EQ(
      fwctl({"--direct", "--add-rule", "ipv4", "filter", "mychain", "0", "-j", "ACCEPT"}).code, 0);
  EXPECT_EQ(fwctl({"--direct", "--get-all-chains"}).out, "ipv4 filter mychain\n");
  EXPECT_EQ(fwctl({"--direct", "--add-chain", "ipv5", "filter", "c"}).code, 111);  // INVALID_IPV
  std::string xml = file("direct.xml");
  EXPECT_NE(xml.find("<chain ipv=\"ipv4\" table=\"filter\" chain=\"mychain\"/>"), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("-j ACCEPT"), std::string::npos) << xml;
}

// Issue 5: a --permanent command with no bus to reach works on the files; a runtime one fails.
TEST_F(CliOffline, PermanentWithoutDaemonFallsBackToTheFiles) {
  Ran ran = fwctl({"--zone=public", "--add-port=8081/tcp"});
  Ran listed = fwctl({"--zone=public", "--list-ports"});
  Ran runtime = fwctl({"--zone=public", "--list-ports"}, "--zone=public");
  EXPECT_EQ(ran.code, 0) << ran.err;
  EXPECT_EQ(ran.out, "success\n");
  EXPECT_NE(file("zones/public.xml").find("port=\"8081\""), std::string::npos);
  EXPECT_EQ(listed.out, "8081/tcp\n");
  EXPECT_EQ(runtime.code, 36);  // DBUS_ERROR
}

}  // namespace
}  // namespace fwctl::cli
