#include "config/firewalld_conf_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::read_text;
using testing::TempDir;

const std::string kConfWritten = std::string(FWCTL_TEST_DATA) + "/firewalld-1.3.3-written";

TEST(FirewalldConfFile, ReadsValuesAsWritten) {
  auto parsed = parse_firewalld_conf("# c\nDefaultZone = home\nLockdown=Yes\n;x=y\n", "f");
  EXPECT_EQ(parsed.item.default_zone, "home");
  EXPECT_EQ(parsed.item.lockdown, "Yes");
  EXPECT_TRUE(parsed.warnings.empty());
}

TEST(FirewalldConfFile, FallsBackLikeFirewalldForMissingAndBadValues) {
  auto parsed = parse_firewalld_conf(
      "CleanupOnExit=maybe\nLogDenied=ALL\nFirewallBackend=IPTABLES\nMinimalMark=x\n", "f");
  const model::FirewalldConf& c = parsed.item;
  EXPECT_EQ(c.default_zone, "public");
  EXPECT_EQ(c.cleanup_on_exit, "yes");
  EXPECT_EQ(c.log_denied, "off");             // LogDenied is case-sensitive
  EXPECT_EQ(c.firewall_backend, "IPTABLES");  // FirewallBackend is not
  EXPECT_EQ(c.minimal_mark, "100");
  // firewalld's str(True) for these two when an existing file lacks them.
  EXPECT_EQ(c.flush_all_on_reload, "True");
  EXPECT_EQ(c.rfc3964_ipv4, "True");
  // DefaultZone missing, CleanupOnExit, LogDenied, MinimalMark invalid.
  EXPECT_EQ(parsed.warnings.size(), 4u);
}

TEST(FirewalldConfFile, WarnsAboutLinesFirewalldIgnoresWithTheirLine) {
  auto parsed = parse_firewalld_conf(
      "DefaultZone=block\nNoEquals\nA=b=c\nUnknown=1\nLockdown=\nDefaultZone=home\n", "f.conf");
  EXPECT_EQ(parsed.item.default_zone, "block");
  std::vector<int> lines;
  for (const Error& w : parsed.warnings) lines.push_back(w.line);
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 4, 5, 6}));
  EXPECT_EQ(parsed.warnings.back().detail, "Duplicate option definition: 'DefaultZone=home'");
}

TEST(FirewalldConfFile, LeavesAnUnchangedFileAlone) {
  std::string text = read_text(kConfWritten + "/firewalld.conf-variants/debian-default/input.conf");
  auto parsed = parse_firewalld_conf(text, "f");
  EXPECT_EQ(format_firewalld_conf(parsed.item, text), std::nullopt);
}

TEST(FirewalldConfFile, StartsANewFileWithABlankLineAndNoDeprecatedKeys) {
  model::FirewalldConf conf;
  conf.default_zone = "home";
  EXPECT_EQ(format_firewalld_conf(conf, std::nullopt),
            "\nDefaultZone=home\nCleanupOnExit=yes\nCleanupModulesOnExit=no\nLockdown=no\n"
            "IPv6_rpfilter=yes\nIndividualCalls=no\nLogDenied=off\nFirewallBackend=nftables\n"
            "FlushAllOnReload=yes\nRFC3964_IPv4=yes\n");
}

// Replays what the reference run did to each input: read it, then --set-default-zone=home and
// --set-log-denied=all, each of which rewrites the file.
TEST(FirewalldConfFile, RewritesFilesExactlyAsFirewalldDid) {
  const std::string variants = kConfWritten + "/firewalld.conf-variants";
  ASSERT_TRUE(std::filesystem::is_directory(variants)) << variants;
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(variants)) {
    TempDir dir;
    std::string path = dir.write("firewalld.conf", read_text(entry.path() / "input.conf"));
    auto conf = load_firewalld_conf(path);
    ASSERT_TRUE(conf);
    conf->item.default_zone = "home";
    ASSERT_TRUE(save_firewalld_conf(conf->item, path));
    conf->item.log_denied = "all";
    ASSERT_TRUE(save_firewalld_conf(conf->item, path));
    EXPECT_EQ(read_text(path), read_text(entry.path() / "firewalld.conf")) << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

TEST(FirewalldConfFile, RewritesTheSandboxFileAsFirewalldDid) {
  TempDir dir;
  std::string path = dir.write("firewalld.conf", "DefaultZone=public\nFirewallBackend=nftables\n");
  auto conf = load_firewalld_conf(path);
  ASSERT_TRUE(conf);
  conf->item.default_zone = "zfull";
  ASSERT_TRUE(save_firewalld_conf(conf->item, path));
  conf->item.log_denied = "unicast";
  ASSERT_TRUE(save_firewalld_conf(conf->item, path));
  EXPECT_EQ(read_text(path), read_text(kConfWritten + "/firewalld.conf"));
}

TEST(FirewalldConfFile, SavesWithModeSixHundredAndKeepsTheOldFile) {
  TempDir dir;
  std::string path = dir.write("firewalld.conf", "# keep me\nDefaultZone=public\n");
  auto conf = load_firewalld_conf(path);
  ASSERT_TRUE(conf);
  conf->item.default_zone = "work";
  ASSERT_TRUE(save_firewalld_conf(conf->item, path));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(read_text(path + ".old"), "# keep me\nDefaultZone=public\n");
  EXPECT_EQ(read_text(path).rfind("# keep me\nDefaultZone=work\n\nCleanupOnExit=yes\n", 0), 0u);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  EXPECT_EQ(load_firewalld_conf(path)->item, conf->item);
}

TEST(FirewalldConfFile, AMissingFileGivesTheFallbackSettingsAndAWarning) {
  TempDir dir;
  std::string path = dir.path() + "/firewalld.conf";
  std::string open_failure;
  auto conf = load_firewalld_conf(path, &open_failure);
  ASSERT_TRUE(conf);
  EXPECT_EQ(conf->item, model::FirewalldConf{});
  // firewalld's read(): log.error("Failed to load '%s': %s", filename, OSError). Suite case 124.
  std::string os_error = "[Errno 2] No such file or directory: '" + path + "'";
  EXPECT_EQ(open_failure, os_error);
  ASSERT_EQ(conf->warnings.size(), 1u);
  EXPECT_EQ(conf->warnings[0].log_level, Error::LogLevel::Error);
  EXPECT_EQ(conf->warnings[0].log_line(), "Failed to load '" + path + "': " + os_error);
}

TEST(FirewalldConfFile, WordsAnOpenFailureAsPythonsOSError) {
  EXPECT_EQ(python_os_error(ENOENT, ".//firewalld.conf"),
            "[Errno 2] No such file or directory: './/firewalld.conf'");
  EXPECT_EQ(python_os_error(EACCES, "/etc/firewalld/firewalld.conf"),
            "[Errno 13] Permission denied: '/etc/firewalld/firewalld.conf'");
}

// firewalld 2.x keys (README "firewalld 2.x features"): read, rewritten in place, and appended to
// a file only when they hold a value other than their default.
TEST(FirewalldConfFile, ReadsTheFirewalld2xKeys) {
  auto parsed = parse_firewalld_conf("DefaultZone=home\nNftablesCounters=yes\n", "f");
  EXPECT_TRUE(parsed.warnings.empty());
  EXPECT_EQ(parsed.item.nftables_counters, "yes");
  auto bad = parse_firewalld_conf("DefaultZone=home\nNftablesCounters=maybe\n", "f");
  EXPECT_EQ(bad.item.nftables_counters, "no");
  ASSERT_EQ(bad.warnings.size(), 1u);
  EXPECT_EQ(bad.warnings[0].detail,
            "NftablesCounters 'maybe' is not valid, using default value 'no'");
}

TEST(FirewalldConfFile, ReadsIPv6RpfiltersModes) {
  for (const char* mode : {"strict", "Loose", "strict-forward", "loose-forward", "no"}) {
    auto parsed = parse_firewalld_conf(std::string("IPv6_rpfilter=") + mode + "\n", "f");
    EXPECT_EQ(parsed.item.ipv6_rpfilter, mode);
  }
  auto bad = parse_firewalld_conf("DefaultZone=public\nIPv6_rpfilter=bogus\n", "f");
  EXPECT_EQ(bad.item.ipv6_rpfilter, "yes");
  ASSERT_EQ(bad.warnings.size(), 1u);
  EXPECT_EQ(bad.warnings[0].detail,
            "IPv6_rpfilter 'bogus' is not valid, using default value 'yes'");
}

TEST(FirewalldConfFile, AppendsAFirewalld2xKeyOnlyWhenItIsNotTheDefault) {
  model::FirewalldConf conf;
  auto written = format_firewalld_conf(conf, std::nullopt);
  ASSERT_TRUE(written);
  EXPECT_EQ(written->find("Nftables"), std::string::npos);
  conf.nftables_counters = "yes";
  written = format_firewalld_conf(conf, std::nullopt);
  ASSERT_TRUE(written);
  EXPECT_NE(written->find("\nRFC3964_IPv4=yes\nNftablesCounters=yes\n"), std::string::npos);
  EXPECT_EQ(
      format_firewalld_conf(conf, "NftablesCounters=no\n")->rfind("NftablesCounters=yes\n", 0), 0u);
}

}  // namespace
}  // namespace fwctl::config
