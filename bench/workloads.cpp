#include "workloads.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "compiler/stock_config.hpp"
#include "config/item_file.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::bench {
namespace {

using model::RichActionType;
using model::RichRule;

constexpr int kPorts = 2000;
constexpr int kRichRules = 500;
constexpr int kSetEntries = 62500;
constexpr int kBigSetEntries = 1000000;
constexpr int kManyRichRules = 10000;
constexpr int kBindings = 500;  // interfaces, and as many sources

using compiler::testing::pp;

// The stock configuration as a fresh install starts: firewalld.conf names public.
model::Config stock_config() {
  model::Config c = compiler::testing::stock_zones();
  c.conf.default_zone = "public";
  return c;
}

std::string ipv4(uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

model::RichAction action(RichActionType type, std::string reject_type = {}) {
  model::RichAction a;
  a.type = type;
  a.reject_type = std::move(reject_type);
  return a;
}

RichRule rich(const std::string& family, const std::string& source = {}) {
  RichRule r;
  r.family = family;
  if (!source.empty()) r.source = model::RichSource{source, {}, {}, false};
  return r;
}

// Rule i of ten kinds: sources (IPv4 hosts and networks, IPv6 networks, inverted), destinations,
// ports, services, log with and without limit, nflog, action limits, accept/drop/reject and
// non-zero priorities.
RichRule rich_rule(int i) {
  const std::string net4 =
      ipv4(0x0A640000u + static_cast<uint32_t>(i) * 256) + "/24";              // 10.100.x.0/24
  const std::string host4 = ipv4(0xC0A80000u + static_cast<uint32_t>(i) + 1);  // 192.168.x.y
  const std::string port = std::to_string(30000 + i);
  RichRule r;
  switch (i % 10) {
    case 0:
      r = rich("ipv4", net4);
      r.element = model::RichPort{port, "tcp"};
      r.action = action(RichActionType::Accept);
      break;
    case 1:
      r = rich("ipv6", "2001:db8:" + std::to_string(i) + "::/48");
      r.element = model::RichService{i % 20 == 1 ? "http" : "https"};
      r.action = action(RichActionType::Accept);
      break;
    case 2:
      r = rich("ipv4", host4);
      r.log = model::RichLog{"bench-" + std::to_string(i) + " ", "info", model::RichLimit{"3/m"}};
      r.action = action(RichActionType::Drop);
      break;
    case 3:
      r = rich("ipv4", net4);
      r.element = model::RichPort{port, "udp"};
      r.action = action(RichActionType::Reject, "icmp-host-prohibited");
      break;
    case 4:
      r = rich("ipv6");
      r.destination = model::RichDestination{"2001:db8:ffff::" + std::to_string(i), {}, false};
      r.element = model::RichPort{port, "tcp"};
      r.action = action(RichActionType::Reject, "icmp6-adm-prohibited");
      break;
    case 5:
      r = rich("ipv4", host4);
      r.action = action(RichActionType::Accept);
      r.action->limit = model::RichLimit{"10/s"};
      break;
    case 6:
      r = rich("");
      r.element = model::RichPort{port, "tcp"};
      r.log = model::RichLog{"", "warning", {}};
      r.action = action(RichActionType::Reject);
      break;
    case 7:
      r = rich("ipv4");
      r.source = model::RichSource{net4, {}, {}, true};
      r.element = model::RichPort{port, "tcp"};
      r.action = action(RichActionType::Drop);
      break;
    case 8:
      r = rich("ipv4", host4);
      r.priority = -10;
      r.log = model::RichNflog{"5", "nf-" + std::to_string(i), "", {}};
      r.action = action(RichActionType::Drop);
      break;
    default:
      r = rich("ipv4", net4);
      r.priority = 10;
      r.element = model::RichPort{port + "-" + std::to_string(30000 + i + 5), "tcp"};
      r.action = action(RichActionType::Accept);
      r.action->limit = model::RichLimit{"100/m"};
      break;
  }
  return model::normalize_rich_rule(std::move(r));
}

// Port i: mostly tcp, every third udp, a few sctp and dccp; every twentieth a range of five.
model::PortProto zone_port(int i) {
  int first = 10000 + i * 5;
  std::string port = std::to_string(first);
  if (i % 20 == 19) port += "-" + std::to_string(first + 4);
  std::string proto = i % 97 == 5 ? "dccp" : i % 50 == 7 ? "sctp" : i % 3 == 0 ? "udp" : "tcp";
  return pp(port, proto);
}

// A permutation of 0 … kSetEntries-1 (40503 is prime to 62500), so the entries are not sorted.
uint32_t shuffled(int i) {
  return static_cast<uint32_t>((static_cast<uint64_t>(i) * 40503u) % kSetEntries);
}

// A permutation of 0 … 999,999 (400003 is prime to 1,000,000).
uint32_t shuffled_1m(int i) {
  return static_cast<uint32_t>((static_cast<uint64_t>(i) * 400003u) % kBigSetEntries);
}

void add_ipset_source(Workload& w, const std::string& type, int entries = kSetEntries) {
  model::IpSet set;
  set.type = type;
  set.entries.reserve(static_cast<size_t>(entries));
  for (int i = 0; i < entries; ++i) {
    uint32_t j = entries == kSetEntries ? shuffled(i) : shuffled_1m(i);
    if (type == "hash:ip") {
      // 100.64.0.0 onwards, every third address: no two entries are adjacent.
      set.entries.push_back(ipv4(0x64400000u + j * 3));
    } else {
      // One /24 of 10.0.0.0/8 per entry, of which a /24, /25 or /26 is used.
      static const char* const kLen[] = {"/24", "/25", "/26"};
      set.entries.push_back(ipv4(0x0A000000u + j * 256) + kLen[j % 3]);
    }
  }
  std::string name = type == "hash:ip" ? "bench-ip" : "bench-net";
  w.config.ipsets[name].value = std::move(set);
  w.config.zones["internal"].value.sources.push_back(model::ZoneSource{{}, {}, name});
}

}  // namespace

std::vector<std::string> workload_names() { return {"zone-ports-rich", "ipset-ip", "ipset-net"}; }

std::string describe_workload(const std::string& name) {
  if (name == "default") return "default configuration";
  if (name == "zone-ports-rich") return "zone with 2,000 ports + 500 rich rules";
  if (name == "ipset-ip") return "ipset hash:ip, 62,500 entries, zone source";
  if (name == "ipset-net") return "ipset hash:net, 62,500 entries, zone source";
  if (name == "rich-10k") return "zone with 10,000 rich rules";
  if (name == "bindings-500") return "500 interfaces + 500 sources in five zones";
  if (name == "ipset-1m") return "ipset hash:ip, 1,000,000 entries, zone source";
  if (name == "ipset-net-1m") return "ipset hash:net, 1,000,000 entries, zone source";
  if (name == "ipset-add") return "default configuration and an empty hash:ip ipset";
  return {};
}

bool make_workload(const std::string& name, Workload& w) {
  w = Workload{};
  w.name = name;
  w.description = describe_workload(name);
  if (w.description.empty()) return false;
  w.config = stock_config();
  if (name == "zone-ports-rich") {
    auto& z = w.config.zones["public"].value;
    for (int i = 0; i < kPorts; ++i) z.ports.push_back(zone_port(i));
    for (int i = 0; i < kRichRules; ++i) z.rules.push_back(rich_rule(i));
  } else if (name == "ipset-ip") {
    add_ipset_source(w, "hash:ip");
  } else if (name == "ipset-net") {
    add_ipset_source(w, "hash:net");
  } else if (name == "rich-10k") {
    auto& z = w.config.zones["public"].value;
    for (int i = 0; i < kManyRichRules; ++i) z.rules.push_back(rich_rule(i));
  } else if (name == "bindings-500") {
    static const char* const kZones[] = {"public", "work", "home", "internal", "dmz"};
    for (int i = 0; i < kBindings; ++i) {
      auto& z = w.config.zones[kZones[i % 5]].value;
      z.interfaces.push_back("bench" + std::to_string(i));
      z.sources.push_back(
          model::ZoneSource{ipv4(0x0AC80000u + static_cast<uint32_t>(i) * 4) + "/30", {}, {}});
    }
  } else if (name == "ipset-1m") {
    add_ipset_source(w, "hash:ip", kBigSetEntries);
  } else if (name == "ipset-net-1m") {
    add_ipset_source(w, "hash:net", kBigSetEntries);
  } else if (name == "ipset-add") {
    w.config.ipsets["bench-add"].value.type = "hash:ip";
  }
  w.bindings = compiler::bindings_from_config(w.config);
  return true;
}

bool write_workload_tree(const Workload& w, const std::string& etc) {
  namespace fs = std::filesystem;
  for (const char* sub : {"zones", "ipsets", "policies"}) fs::create_directories(etc + "/" + sub);
  auto save = [&](const auto& items, const char* sub) {
    for (const auto& [name, item] : items) {
      auto st = config::save_item(item.value, etc + "/" + sub + "/" + name + ".xml");
      if (!st) {
        std::fprintf(stderr, "%s/%s: %s\n", sub, name.c_str(), st.error().message().c_str());
        return false;
      }
    }
    return true;
  };
  return save(w.config.zones, "zones") && save(w.config.ipsets, "ipsets") &&
         save(w.config.policies, "policies");
}

std::string check_workload(const Workload& w) {
  for (const auto& [zname, item] : w.config.zones) {
    for (const auto& r : item.value.rules) {
      auto st = model::check_rich_rule(r);
      if (!st) return "zone " + zname + ": " + model::to_string(r) + ": " + st.error().message();
    }
  }
  return {};
}

}  // namespace fwctl::bench
