#include "config/item_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::read_text;
using testing::TempDir;
using testing::xml_files;

const std::string kSource = FWCTL_SOURCE_DIR;
const std::string kSaved = std::string(FWCTL_TEST_DATA) + "/firewalld-1.3.3-written";

// Loads `path` as T, formats it, and returns the bytes (or the error, as text).
struct RoundTrip {
  bool loaded = false;
  std::string message;  // the error, or the warnings
  std::string bytes;
};

template <typename T>
RoundTrip round_trip(const std::string& path) {
  RoundTrip r;
  auto parsed = load_item<T>(path);
  if (!parsed) {
    r.message = parsed.error().located_message();
    return r;
  }
  r.loaded = true;
  for (const Error& w : parsed->warnings) r.message += w.located_message() + "\n";
  r.bytes = format_item(parsed->item);
  return r;
}

// The kinds, with their directory and a round trip of one file.
struct Kind {
  std::string dir;
  std::function<RoundTrip(const std::string&)> round_trip;
};

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> all = {
      {"zones", round_trip<model::Zone>},         {"services", round_trip<model::Service>},
      {"policies", round_trip<model::Policy>},    {"ipsets", round_trip<model::IpSet>},
      {"icmptypes", round_trip<model::IcmpType>}, {"helpers", round_trip<model::Helper>},
  };
  return all;
}

// Every file of `root`'s kind directories loads without a warning and is written back
// byte for byte, except where `lossy` says what firewalld's own reader changes.
struct Change {
  std::string from, to;
};
int expect_round_trips(const std::string& root, const std::map<std::string, Change>& lossy = {},
                       const std::map<std::string, int>& expected_warnings = {}) {
  int files = 0;
  for (const Kind& kind : kinds()) {
    for (const std::string& path : xml_files(root + "/" + kind.dir)) {
      ++files;
      std::string relative = kind.dir + "/" + std::filesystem::path(path).filename().string();
      RoundTrip r = kind.round_trip(path);
      EXPECT_TRUE(r.loaded) << r.message;
      if (!r.loaded) continue;
      std::string expected = read_text(path);
      if (auto it = lossy.find(relative); it != lossy.end()) {
        std::size_t at = expected.find(it->second.from);
        EXPECT_NE(at, std::string::npos) << relative << ": the lossy change no longer applies";
        if (at != std::string::npos) expected.replace(at, it->second.from.size(), it->second.to);
      }
      EXPECT_EQ(r.bytes, expected) << relative;
      int warnings = expected_warnings.count(relative) ? expected_warnings.at(relative) : 0;
      EXPECT_EQ(std::count(r.message.begin(), r.message.end(), '\n'), warnings) << relative << "\n"
                                                                                << r.message;
    }
  }
  return files;
}

TEST(ItemFile, ShippedDefaultsLoadAndSaveByteForByte) {
  int files = expect_round_trips(kSource);
  EXPECT_GT(files, 200);
}

// What firewalld's reader changes when it reads back what its writer wrote (found by running
// firewalld 1.3.3's own reader and writer on these files).
const std::map<std::string, Change> kFirewalldReaderChanges = {
    // Newlines in text become spaces.
    {"zones/zesc.xml", {"Line one\nline two", "Line one line two"}},
    // "tcp-mss-clamp" and "tcp-mss-clamp value=pmtu" were two rules; read back they are one.
    {"zones/zrich.xml",
     {"  <rule>\n    <tcp-mss-clamp/>\n  </rule>\n  <rule>\n    <tcp-mss-clamp/>\n  </rule>\n",
      "  <rule>\n    <tcp-mss-clamp/>\n  </rule>\n"}},
    // The reader stores destinations ipv4 first, whatever order D-Bus set them in.
    {"services/svcdst6first.xml",
     {"ipv6=\"ff02::fb/128\" ipv4=\"224.0.0.0/4\"", "ipv4=\"224.0.0.0/4\" ipv6=\"ff02::fb/128\""}},
    {"services/svcdstrm.xml",
     {"ipv6=\"fd00::1\" ipv4=\"10.0.0.2\"", "ipv4=\"10.0.0.2\" ipv6=\"fd00::1\""}},
    {"icmptypes/icmprev.xml", {"ipv6=\"yes\" ipv4=\"yes\"", "ipv4=\"yes\" ipv6=\"yes\""}},
    // The reader shortens module names.
    {"services/svcmodule.xml", {"nf_conntrack_netbios_ns", "netbios-ns"}},
};

TEST(ItemFile, FilesWrittenByFirewalldLoadAndSaveAsFirewalldWould) {
  int files = expect_round_trips(kSaved, kFirewalldReaderChanges, {{"zones/zrich.xml", 1}});
  EXPECT_GT(files, 50);
}

// tools/from-file/NAME.xml was fed to firewall-cmd --new-*-from-file; the daemon wrote
// <kind>/NAME.xml. firewall-cmd reads the file with the same reader.
TEST(ItemFile, HandWrittenInputIsCanonicalizedAsByFirewalld) {
  int checked = 0;
  for (const std::string& input : xml_files(kSaved + "/tools/from-file")) {
    std::string name = std::filesystem::path(input).filename().string();
    for (const Kind& kind : kinds()) {
      std::string output = kSaved + "/" + kind.dir + "/" + name;
      if (!std::filesystem::exists(output)) continue;
      RoundTrip r = kind.round_trip(input);
      ASSERT_TRUE(r.loaded) << r.message;
      EXPECT_EQ(r.bytes, read_text(output)) << name;
      ++checked;
    }
  }
  EXPECT_GE(checked, 6);
}

template <typename T>
T load(const std::string& relative) {
  auto parsed = load_item<T>(kSaved + "/" + relative);
  EXPECT_TRUE(parsed) << relative;
  return parsed ? parsed->item : T{};
}

// Spot checks that the files hold what tools/commands.txt asked for (HOWTO.md).
TEST(ItemFile, WrittenZonesHoldWhatTheCommandsAsked) {
  auto zfull = load<model::Zone>("zones/zfull.xml");
  EXPECT_EQ(zfull.info.short_, "Full zone");
  EXPECT_EQ(zfull.interfaces, (std::vector<std::string>{"eth1", "veth-x.10"}));
  EXPECT_EQ(zfull.sources.size(), 8u);
  EXPECT_EQ(zfull.sources[5].ipset, "ipsip");
  EXPECT_EQ(zfull.sources[6].mac, "AA:BB:CC:DD:EE:01");
  EXPECT_EQ(zfull.forward_ports.size(), 5u);
  EXPECT_TRUE(zfull.masquerade && zfull.forward && zfull.icmp_block_inversion);
  EXPECT_EQ(zfull.rules.size(), 1u);

  auto zcoalesce = load<model::Zone>("zones/zcoalesce.xml");
  std::vector<model::PortProto> ports = {
      {"8080", "udp"}, {"8070-8085", "tcp"}, {"9000-9004", "tcp"}, {"9006-9010", "tcp"}};
  EXPECT_EQ(zcoalesce.ports, ports);

  EXPECT_EQ(load<model::Zone>("zones/zdefault.xml").target, "default");
  EXPECT_EQ(load<model::Zone>("zones/zreject.xml").target, "%%REJECT%%");
  EXPECT_FALSE(load<model::Zone>("zones/zempty.xml").forward);
  EXPECT_EQ(read_text(kSaved + "/zones/znofwd.xml"), read_text(kSaved + "/zones/zempty.xml"));

  auto zesc = load<model::Zone>("zones/zesc.xml");
  for (const char* name : {"dq\"if", "sq'if", "both\"'if", "a&b<c>d", "tab\tif"}) {
    EXPECT_NE(std::find(zesc.interfaces.begin(), zesc.interfaces.end(), name),
              zesc.interfaces.end())
        << name;
  }
  // 48 --add-rich-rule commands; two tcp-mss-clamp rules read back as one.
  EXPECT_EQ(load<model::Zone>("zones/zrich.xml").rules.size(), 47u);
}

TEST(ItemFile, WrittenItemsOfOtherKindsHoldWhatTheCommandsAsked) {
  auto svcfull = load<model::Service>("services/svcfull.xml");
  EXPECT_EQ(svcfull.ports.size(), 4u);
  EXPECT_EQ(svcfull.helpers, (std::vector<std::string>{"hftp2", "ftp"}));
  EXPECT_EQ(svcfull.includes, (std::vector<std::string>{"ssh", "http"}));
  EXPECT_EQ(svcfull.destination_ipv4, "224.0.0.251");
  EXPECT_EQ(load<model::Service>("services/svcrange.xml").ports.size(), 4u);  // not merged

  auto ipsnet6 = load<model::IpSet>("ipsets/ipsnet6.xml");
  std::vector<std::pair<std::string, std::string>> options = {
      {"family", "inet6"}, {"maxelem", "4096"}, {"hashsize", "2048"}};
  EXPECT_EQ(ipsnet6.options, options);
  EXPECT_EQ(ipsnet6.entries, (std::vector<std::string>{"2001:db8::/32", "fd00::1"}));
  EXPECT_TRUE(load<model::IpSet>("ipsets/ipstimeout.xml").entries.empty());

  EXPECT_TRUE(load<model::IcmpType>("icmptypes/icmpwarn.xml").destinations.empty());
  EXPECT_EQ(load<model::IcmpType>("icmptypes/icmp4only.xml").destinations,
            std::vector<std::string>{"ipv4"});

  auto hfam = load<model::Helper>("helpers/hfam.xml");
  EXPECT_EQ(hfam.family, "");
  EXPECT_EQ(hfam.module, "nf_conntrack_amanda");

  auto pfull = load<model::Policy>("policies/pfull.xml");
  EXPECT_EQ(pfull.priority, 100);
  EXPECT_EQ(pfull.target, "ACCEPT");
  EXPECT_EQ(pfull.ingress_zones, (std::vector<std::string>{"zfull", "public"}));
  EXPECT_EQ(pfull.rules.size(), 6u);
}

TEST(ItemFile, SaveWritesTheFormattedItemAndKeepsTheOldFile) {
  TempDir dir;
  std::string path = dir.write("zones/z.xml", "<zone/>\n");
  auto zone = load_item<model::Zone>(path);
  ASSERT_TRUE(zone);
  zone->item.services.push_back("ssh");
  ASSERT_TRUE(save_item(zone->item, path));
  EXPECT_EQ(read_text(path), format_item(zone->item));
  EXPECT_EQ(read_text(path + ".old"), "<zone/>\n");
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  ASSERT_TRUE(remove_item(path));
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ItemFile, NamesTheItemAfterItsFile) {
  TempDir dir;
  std::string path = dir.write("services/my-svc.xml", "<service/>");
  auto service = load_item<model::Service>(path);
  ASSERT_TRUE(service);
  EXPECT_EQ(service->item.info.name, "my-svc");
  auto combined = load_item<model::Zone>(dir.write("zones/d/z.xml", "<zone/>"), "d/z");
  ASSERT_TRUE(combined);
  EXPECT_EQ(combined->item.info.name, "d/z");
}

TEST(ItemFile, RejectsAFileWithoutTheXmlSuffix) {
  TempDir dir;
  auto zone = load_item<model::Zone>(dir.write("zones/z.txt", "<zone/>"));
  ASSERT_FALSE(zone);
  EXPECT_EQ(zone.error().code, Code::INVALID_NAME);
  EXPECT_EQ(zone.error().detail, "'z.txt' is missing .xml suffix");
}

}  // namespace
}  // namespace fwctl::config
