#include "config/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "config/test_support.hpp"
#include "model/config_check.hpp"

namespace fwctl::config {
namespace {

using testing::TempDir;

std::string describe(const std::vector<Error>& errors) {
  std::string text;
  for (const Error& e : errors) text += e.located_message() + "\n";
  return text;
}

TEST(Loader, LoadsTheWholeDebianTreeWithoutAProblem) {
  const std::string debian = "/usr/lib/firewalld";
  // scripts/install-deps.sh --test installs Debian's firewalld, so a missing tree is a setup error.
  ASSERT_TRUE(std::filesystem::is_directory(debian)) << debian << " is absent: install firewalld";
  TempDir system;
  system.write("firewalld.conf", "DefaultZone=public\n");
  LoadResult result = load_config({debian, system.path()});
  EXPECT_TRUE(result.errors.empty()) << describe(result.errors);
  EXPECT_TRUE(result.warnings.empty()) << describe(result.warnings);
  const model::Config& c = result.config;
  EXPECT_GE(c.zones.size(), 9u);
  EXPECT_GE(c.services.size(), 100u);
  EXPECT_GE(c.icmptypes.size(), 40u);
  EXPECT_GE(c.helpers.size(), 10u);
  EXPECT_GE(c.policies.size(), 1u);
  EXPECT_EQ(c.zones.at("public").origin, model::Origin::Default);
  EXPECT_EQ(c.zones.at("public").path, debian + "/zones/public.xml");
  EXPECT_TRUE(model::check_references(c).empty()) << describe(model::check_references(c));
}

TEST(Loader, LoadsTheRepositoryAsADefaultTree) {
  TempDir system;
  system.write("firewalld.conf", "DefaultZone=public\n");
  LoadResult result = load_config({FWCTL_SOURCE_DIR, system.path()});
  EXPECT_TRUE(result.errors.empty()) << describe(result.errors);
  EXPECT_TRUE(result.warnings.empty()) << describe(result.warnings);
  EXPECT_GE(result.config.zones.size(), 9u);
}

// A default tree with zones a, b, d; a system tree overriding b and d and adding c.
class Overlay : public ::testing::Test {
 protected:
  void SetUp() override {
    defaults_.write("zones/a.xml", "<zone><short>default a</short></zone>");
    defaults_.write("zones/b.xml", "<zone><short>default b</short></zone>");
    defaults_.write("zones/d.xml", "<zone><short>default d</short></zone>");
    defaults_.write("services/s.xml", "<service><port port=\"1\" protocol=\"tcp\"/></service>");
    system_.write("zones/b.xml", "<zone><short>system b</short></zone>");
    system_.write("zones/c.xml", "<zone><short>system c</short></zone>");
    system_.write("zones/d.xml",
                  "<zone>\n  <short>broken d</short>\n  <port port=\"x\"/>\n</zone>");
    system_.write("zones/e.xml", "<zone>\n<service name=\"s\">\n</zone>");
    system_.write("zones/c.xml.old", "<zone><short>old c</short></zone>");
    system_.write("zones/c.xml.tmp", "<zone>");
    system_.write("zones/combined/inner.xml", "<zone><short>combined</short></zone>");
    system_.write("firewalld.conf", "# mine\nDefaultZone=c\n");
    result_ = load_config({defaults_.path(), system_.path()});
  }

  const model::Item<model::Zone>& zone(const std::string& name) {
    return result_.config.zones.at(name);
  }

  TempDir defaults_;
  TempDir system_;
  LoadResult result_;
};

TEST_F(Overlay, ASystemFileReplacesTheDefaultOne) {
  EXPECT_EQ(zone("a").origin, model::Origin::Default);
  EXPECT_EQ(zone("a").value.info.short_, "default a");
  EXPECT_EQ(zone("a").path, defaults_.path() + "/zones/a.xml");
  EXPECT_EQ(zone("b").origin, model::Origin::SystemOverridesDefault);
  EXPECT_EQ(zone("b").value.info.short_, "system b");
  EXPECT_EQ(zone("b").path, system_.path() + "/zones/b.xml");
  EXPECT_EQ(zone("c").origin, model::Origin::System);
  EXPECT_EQ(zone("c").value.info.short_, "system c");
  EXPECT_EQ(result_.config.services.at("s").origin, model::Origin::Default);
}

TEST_F(Overlay, AFileThatFailsIsReportedAndLeftOut) {
  ASSERT_EQ(result_.errors.size(), 2u) << describe(result_.errors);
  EXPECT_EQ(result_.errors[0].code, Code::PARSE_ERROR);  // d: <port> without protocol
  EXPECT_EQ(result_.errors[0].file, system_.path() + "/zones/d.xml");
  EXPECT_EQ(result_.errors[0].line, 3);
  EXPECT_EQ(result_.errors[1].code, Code::INVALID_ZONE);  // e: malformed
  EXPECT_EQ(result_.errors[1].file, system_.path() + "/zones/e.xml");
  EXPECT_EQ(result_.errors[1].line, 3);
  EXPECT_EQ(result_.config.zones.count("e"), 0u);
  // The default d, which the broken system file would have replaced, stays.
  EXPECT_EQ(zone("d").origin, model::Origin::Default);
  EXPECT_EQ(zone("d").value.info.short_, "default d");
}

TEST_F(Overlay, IgnoresBackupAndTemporaryFiles) {
  EXPECT_EQ(zone("c").value.info.short_, "system c");
  EXPECT_EQ(result_.config.zones.size(), 5u);  // a b c d combined/inner
}

TEST_F(Overlay, ReadsCombinedZonesFromSystemSubdirectories) {
  EXPECT_EQ(zone("combined/inner").value.info.short_, "combined");
  EXPECT_EQ(zone("combined/inner").value.info.name, "combined/inner");
  EXPECT_EQ(zone("combined/inner").origin, model::Origin::System);
}

TEST_F(Overlay, ReadsFirewalldConfFromTheSystemTree) {
  EXPECT_EQ(result_.config.conf.default_zone, "c");
  EXPECT_TRUE(result_.warnings.empty()) << describe(result_.warnings);
}

// The loader reads each entry's type from the directory listing (d_type) and stats only what
// the listing cannot tell: links, followed as firewalld's os.path.isdir() follows them.
TEST(Loader, TellsFilesFromDirectoriesAsFirewalldDoesLinksIncluded) {
  TempDir defaults, system, elsewhere;
  std::string target = elsewhere.write("zones/linked.xml", "<zone><short>linked</short></zone>");
  elsewhere.write("combined/inner.xml", "<zone><short>via link</short></zone>");
  system.write("zones/README", "not a zone, not a directory");
  std::filesystem::create_directories(system.path() + "/zones/notes.xml");  // a directory
  std::filesystem::create_directory_symlink(elsewhere.path() + "/combined",
                                            system.path() + "/zones/linkdir");
  std::filesystem::create_symlink(target, system.path() + "/zones/link.xml");
  std::filesystem::create_symlink(elsewhere.path() + "/none", system.path() + "/zones/dangling");
  LoadResult result = load_config({defaults.path(), system.path()});
  const auto& zones = result.config.zones;
  ASSERT_EQ(zones.count("linkdir/inner"), 1u);  // a link to a directory: combined zones
  EXPECT_EQ(zones.at("linkdir/inner").value.info.short_, "via link");
  ASSERT_EQ(zones.count("link"), 1u);  // a link to a file
  EXPECT_EQ(zones.at("link").value.info.short_, "linked");
  EXPECT_EQ(zones.at("link").path, system.path() + "/zones/link.xml");
  EXPECT_EQ(zones.size(), 2u);
  // Every *.xml name is taken as a file, as in firewalld: a directory so named fails to load.
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].file, system.path() + "/zones/notes.xml");
}

TEST(Loader, MissingTreesAndFirewalldConfGiveAnEmptyConfigWithFallbackSettings) {
  TempDir empty;
  LoadResult result = load_config({empty.path() + "/none", empty.path()});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_TRUE(result.config.zones.empty());
  EXPECT_EQ(result.config.conf, model::FirewalldConf{});
  EXPECT_EQ(result.warnings.size(), 1u);  // firewalld.conf is missing
  ASSERT_TRUE(result.conf_open_failure);
  EXPECT_EQ(*result.conf_open_failure,
            "[Errno 2] No such file or directory: '" + empty.path() + "/firewalld.conf'");
}

// tests/data/broken: firewalld 1.3.3's --check-config verdict for configurations with one
// problem each. Loading plus model::check_references() must reach the same verdict, with the
// same error code where firewalld had one.
struct Verdict {
  std::string name;
  int exit_code;  // 0 accepted; 254 a Python crash (any error will do); else firewalld's code
};

std::vector<Verdict> broken_verdicts(const std::string& tsv) {
  std::vector<Verdict> verdicts;
  std::ifstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Verdict v;
    std::string code;
    if (std::getline(fields, v.name, '\t') && std::getline(fields, code, '\t')) {
      v.exit_code = std::stoi(code);
      verdicts.push_back(v);
    }
  }
  return verdicts;
}

// Trees 1.3.3 rejects for the syntax of a firewalld 2.x feature fwctl offers: accepted.
std::set<std::string> accepted_as_2x(const std::string& file) {
  std::set<std::string> names;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') names.insert(line);
  }
  return names;
}

TEST(Loader, ReachesFirewalldsVerdictOnEveryBrokenConfiguration) {
  const std::string broken = std::string(FWCTL_TEST_DATA) + "/broken";
  const std::string debian = "/usr/lib/firewalld";
  ASSERT_TRUE(std::filesystem::is_directory(debian)) << debian << " is absent: install firewalld";
  std::vector<Verdict> verdicts = broken_verdicts(broken + "/tools/results-daemon.tsv");
  ASSERT_GT(verdicts.size(), 50u);
  std::set<std::string> as_2x = accepted_as_2x(broken + "/tools/accepted-as-2x.txt");
  ASSERT_TRUE(as_2x.count("zone-priority-attr"));
  for (Verdict v : verdicts) {
    if (as_2x.count(v.name)) v.exit_code = 0;
    LoadResult result = load_config({debian, broken + "/" + v.name});
    std::vector<Error> problems = result.errors;
    for (Error& e : model::check_references(result.config)) problems.push_back(e);
    if (v.exit_code == 0) {
      EXPECT_TRUE(problems.empty()) << v.name << ": firewalld accepts it\n" << describe(problems);
    } else if (problems.empty()) {
      ADD_FAILURE() << v.name << ": firewalld rejects it with " << v.exit_code;
    } else if (v.exit_code != 254) {
      EXPECT_EQ(static_cast<int>(problems.front().code), v.exit_code) << v.name << "\n"
                                                                      << describe(problems);
    }
  }
}

}  // namespace
}  // namespace fwctl::config
