// Issue 19: fwctl --offline is firewall-offline-cmd. Its command line (table, checks) and, as
// root (firewall-offline-cmd refuses to run otherwise), what its own options do on a temporary
// system tree. tests/cli/offline_cmd_compare.sh compares every option with the real program.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/test_support.hpp"
#include "offline_cmd_checks.hpp"
#include "offline_cmd_options.hpp"
#include "session.hpp"

namespace fwctl::cli {
namespace {

using config::testing::read_text;
using config::testing::TempDir;

struct CmdRan {
  int code;
  std::string out, err;
};

Args parse_offline(const std::vector<std::string>& argv) {
  auto parsed = parse_offline_command_line(argv);
  EXPECT_TRUE(parsed) << parsed.error().detail;
  return std::move(*parsed);
}

std::string offline_refusal(const std::vector<std::string>& argv) {
  Args a = parse_offline(argv);
  return check_offline_combinations(a, classify_offline(a)).value_or("");
}

TEST(OfflineCmdLine, OfflineOrTheProgramNameSelectsIt) {
  EXPECT_TRUE(wants_offline({"--offline", "--get-zones"}, "fwctl"));
  EXPECT_TRUE(wants_offline({"--off", "--get-zones"}, "fwctl"));
  EXPECT_TRUE(wants_offline({"--get-zones"}, "firewall-offline-cmd"));
  EXPECT_FALSE(wants_offline({"--permanent", "--get-zones"}, "fwctl"));
  EXPECT_FALSE(wants_offline({"--explain", "--offline"}, "fwctl"));
  EXPECT_FALSE(wants_offline({"--why", "tcp 10.0.0.1 -> 22 in eth0", "--offline"}, "fwctl"));
  EXPECT_FALSE(wants_offline({"--why=tcp 10.0.0.1 -> 22 in eth0", "--offline"}, "fwctl"));
}

TEST(OfflineCmdLine, TakesItsOwnOptionsAndNotFirewallCmds) {
  Args a = parse_offline(
      {"-s", "ssh", "-p", "1234:tcp", "--trust=eth0", "--remove-service-from-zone=x"});
  EXPECT_EQ(a.list("service"), std::vector<std::string>{"ssh"});
  EXPECT_EQ(a.str("port"), "1234:tcp");
  EXPECT_TRUE(a.t("remove_service_from_zone"));
  EXPECT_FALSE(a.t("permanent"));  // firewall-cmd's option, absent here: reads as not given
  auto refused = parse_offline_command_line({"--permanent"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().detail, "unrecognized arguments: --permanent");
}

TEST(OfflineCmdLine, ChecksWithItsMessages) {
  const std::string usage = "usage: see firewall-offline-cmd man page\n";
  EXPECT_EQ(offline_refusal({"--zone=public"}), "");
  EXPECT_EQ(offline_refusal({"-q"}), usage + "No option specified.");
  EXPECT_EQ(offline_refusal({"--enabled", "--zone=public", "--add-port=1/tcp"}),
            usage + "Can't use lokkit options with other options.");
  EXPECT_EQ(offline_refusal({"--service=a", "--service=b", "--add-port=1/tcp"}),
            usage + "More than one service specified.");
  EXPECT_EQ(offline_refusal({"--set-priority=1"}),
            usage + "Must use --policy with policy only options.");
  EXPECT_EQ(offline_refusal({"-q", "--get-zones"}), "-q/--quiet can't be used with this option(s)");
  // a lokkit --service with service options names the service to edit
  EXPECT_EQ(offline_refusal({"--service=ssh", "--add-port=1/tcp"}), "");
}

class OfflineCmd : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::getuid() != 0) GTEST_SKIP() << "firewall-offline-cmd runs only as root";
    std::ofstream(etc_.path() + "/firewalld.conf") << "DefaultZone=public\nLogDenied=off\n";
  }
  CmdRan run_as(const std::string& prog, std::vector<std::string> args) {
    std::vector<std::string> argv{"--default-config", FWCTL_SOURCE_DIR, "--system-config",
                                  etc_.path()};
    if (prog == "fwctl") argv.insert(argv.begin(), "--offline");
    argv.insert(argv.end(), args.begin(), args.end());
    std::ostringstream out, err;
    int code = run(argv, prog, out, err, false);
    return {code, out.str(), err.str()};
  }
  CmdRan fwctl(std::vector<std::string> args) { return run_as("fwctl", std::move(args)); }
  std::string file(const std::string& relative) const {
    return read_text(etc_.path() + "/" + relative);
  }
  bool exists(const std::string& relative) const {
    return std::filesystem::exists(etc_.path() + "/" + relative);
  }
  TempDir etc_;
};

// anaconda's `firewall --enabled --service=ssh --port=1234:tcp`, without --enabled (systemctl).
TEST_F(OfflineCmd, KickstartLine) {
  CmdRan ran = fwctl({"--service=ssh", "--service=http", "--port=1234:tcp"});
  EXPECT_EQ(ran.code, 0) << ran.err;
  EXPECT_EQ(ran.out,
            "Adding service 'ssh' to default zone.\nALREADY_ENABLED: ssh\n"
            "Adding service 'http' to default zone.\n"
            "Adding port '1234/tcp' to default zone.\nsuccess\n");
  std::string xml = file("zones/public.xml");
  EXPECT_NE(xml.find("<service name=\"http\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<port port=\"1234\" protocol=\"tcp\"/>"), std::string::npos) << xml;
}

TEST_F(OfflineCmd, ZoneErrorsAreBareWithTheirCode) {
  CmdRan ran = fwctl({"--zone=public", "--add-service=nosuch"});
  EXPECT_EQ(ran.code, 101);  // INVALID_SERVICE
  EXPECT_EQ(ran.err, "INVALID_SERVICE: Zone 'public': 'nosuch' not among existing services\n");
  EXPECT_FALSE(exists("zones/public.xml"));
  CmdRan removed =
      run_as("firewall-offline-cmd", {"--zone=public", "--remove-service-from-zone=ssh"});
  EXPECT_EQ(removed.out, "success\n");
  EXPECT_EQ(file("zones/public.xml").find("ssh"), std::string::npos);
}

TEST_F(OfflineCmd, UnderItsNameItSaysItsName) {
  CmdRan ran = run_as("firewall-offline-cmd", {"--no-such-option"});
  EXPECT_EQ(ran.code, 2);
  EXPECT_EQ(ran.err,
            "usage: see firewall-offline-cmd man page\n"
            "firewall-offline-cmd: error: unrecognized arguments: --no-such-option\n");
}

// --set-default-zone falls into the zone branch: the new default zone's file is written too.
TEST_F(OfflineCmd, SetDefaultZoneWritesItsZone) {
  EXPECT_EQ(fwctl({"--set-default-zone=home"}).out, "success\n");
  EXPECT_NE(file("firewalld.conf").find("DefaultZone=home"), std::string::npos);
  EXPECT_TRUE(exists("zones/home.xml"));
  EXPECT_EQ(fwctl({"--get-default-zone"}).out, "home\n");
}

TEST_F(OfflineCmd, ResetToDefaultsMovesTheSystemFiles) {
  EXPECT_EQ(fwctl({"--new-service=mine"}).code, 0);
  EXPECT_EQ(fwctl({"--set-log-denied=all"}).code, 0);
  EXPECT_EQ(fwctl({"--reset-to-defaults"}).out, "success\n");
  EXPECT_FALSE(exists("services/mine.xml"));
  EXPECT_TRUE(exists("services/mine.xml.old"));
  EXPECT_NE(file("firewalld.conf").find("LogDenied=off"), std::string::npos);
}

TEST_F(OfflineCmd, AutomaticHelpersFailAsInFirewalld133) {
  CmdRan ran = fwctl({"--get-automatic-helpers"});
  EXPECT_EQ(ran.code, 2);
  EXPECT_EQ(ran.err, "'Firewall' object has no attribute 'get_automatic_helpers'\n");
}

}  // namespace
}  // namespace fwctl::cli
