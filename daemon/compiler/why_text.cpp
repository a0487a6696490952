// The packet syntax of `fwctl --why` and the report it prints (why.hpp).

#include <algorithm>
#include <sstream>

#include "compiler/why.hpp"
#include "compiler/why_match.hpp"

namespace fwctl::compiler {
namespace why_text {

Unexpected bad(const std::string& detail) { return fail(Code::INVALID_RULE, detail); }

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// "198.51.100.7:40000", "[2001:db8::1]:22", "2001:db8::1", "22", "10.0.0.1": address and port.
Status endpoint(const std::string& text, std::string& addr, int& port) {
  std::string a = text, p;
  if (!a.empty() && a.front() == '[') {
    auto close = a.find(']');
    if (close == std::string::npos) return bad("no ] in " + text);
    p = close + 1 < a.size() && a[close + 1] == ':' ? a.substr(close + 2) : "";
    a = a.substr(1, close - 1);
  } else if (std::count(a.begin(), a.end(), ':') == 1) {
    p = a.substr(a.find(':') + 1);
    a = a.substr(0, a.find(':'));
  } else if (all_digits(a)) {
    p = a;
    a.clear();
  }
  if (!p.empty()) {
    if (!all_digits(p) || p.size() > 5 || std::stoi(p) > 65535) return bad("not a port: " + p);
    port = std::stoi(p);
  }
  if (!a.empty() && address_in(a, a) != Tri::Yes) return bad("not an address: " + a);
  addr = a;
  return {};
}

std::string family_of(const std::string& addr) {
  if (addr.empty()) return {};
  return addr.find(':') == std::string::npos ? "ipv4" : "ipv6";
}

Status settle_family(Packet& p) {
  std::string s = family_of(p.saddr), d = family_of(p.daddr), proto;
  if (p.protocol == "icmp") proto = "ipv4";
  if (p.protocol == "icmpv6") proto = "ipv6";
  for (const auto& f : {s, d, proto}) {
    if (f.empty()) continue;
    if (!p.family.empty() && p.family != f)
      return bad("the addresses and the protocol name different IP versions");
    p.family = f;
  }
  if (p.family.empty())
    return bad("give an address (or icmp/icmpv6) to say whether it is IPv4 or IPv6");
  if ((p.protocol == "icmp" || p.protocol == "icmpv6") && p.icmp_type.empty())
    p.icmp_type = "echo-request";
  return {};
}

std::string endpoint_text(const std::string& addr, int port) {
  std::string a = addr.find(':') != std::string::npos && port >= 0 ? "[" + addr + "]" : addr;
  if (a.empty()) a = "*";
  if (port < 0) return a;
  return a + ":" + std::to_string(port);
}

}  // namespace why_text

Result<Packet> parse_packet(const std::string& text) {
  using namespace why_text;
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  Packet p;
  size_t i = 0;
  if (words.empty() ||
      (words[0] != "tcp" && words[0] != "udp" && words[0] != "icmp" && words[0] != "icmpv6"))
    return bad("start with tcp, udp, icmp or icmpv6: " + text);
  p.protocol = words[i++];
  bool icmp = p.protocol == "icmp" || p.protocol == "icmpv6";
  if (i < words.size() && words[i] != "->") {
    if (auto s = endpoint(words[i++], p.saddr, p.sport); !s) return s;
  }
  if (i >= words.size() || words[i++] != "->") return bad("no -> in " + text);
  // After an ICMP packet's "->" comes an address or the type name.
  bool endpoint_next = i < words.size() && words[i] != "in" && words[i] != "out" &&
                       (!icmp || words[i].find_first_of(".:") != std::string::npos);
  if (endpoint_next) {
    if (auto s = endpoint(words[i++], p.daddr, p.dport); !s) return s;
  }
  if (icmp && i < words.size() && words[i] != "in" && words[i] != "out") p.icmp_type = words[i++];
  bool in_given = false, out_given = false;
  while (i + 1 < words.size() && (words[i] == "in" || words[i] == "out")) {
    (words[i] == "in" ? p.iif : p.oif) = words[i + 1];
    (words[i] == "in" ? in_given : out_given) = true;
    i += 2;
  }
  if (i != words.size()) return bad("unexpected '" + words[i] + "' in " + text);
  if (!in_given && !out_given) return bad("say in IF, out IF or both");
  if (icmp && (p.sport >= 0 || p.dport >= 0)) return bad("ICMP has no ports");
  p.direction = in_given && out_given ? Direction::Forwarded
                : in_given            ? Direction::Incoming
                                      : Direction::Outgoing;
  if (auto s = settle_family(p); !s) return s;
  return p;
}

std::string to_text(const Packet& p) {
  using namespace why_text;
  std::string s =
      p.protocol + " " + endpoint_text(p.saddr, p.sport) + " -> " + endpoint_text(p.daddr, p.dport);
  if (!p.icmp_type.empty()) s += " " + p.icmp_type;
  if (!p.iif.empty()) s += " in " + p.iif;
  if (!p.oif.empty()) s += " out " + p.oif;
  const char* d = p.direction == Direction::Incoming    ? "incoming"
                  : p.direction == Direction::Forwarded ? "forwarded"
                                                        : "outgoing";
  return s + " (" + p.family + ", " + d + ", new connection)";
}

std::string to_text(const WhyResult& r) {
  std::string s;
  if (!r.zone.empty())
    s += "zone: " + r.zone + (r.zone_reason.empty() ? "" : " (" + r.zone_reason + ")") + "\n";
  s += "path:\n";
  for (const auto& step : r.path) {
    s += "  " + step.chain + ": ";
    s += step.rule ? to_text(*step.rule) : std::string("(end of chain)");
    if (step.rule && !step.rule->origin.text.empty()) s += "    # " + step.rule->origin.text;
    if (!step.note.empty()) s += "    (" + step.note + ")";
    s += "\n";
  }
  const char* o = r.outcome == Outcome::Accept   ? "accept"
                  : r.outcome == Outcome::Drop   ? "drop"
                  : r.outcome == Outcome::Reject ? "reject"
                                                 : "unknown";
  s += std::string("verdict: ") + o + "\n  " + r.reason + "\n";
  if (r.deciding)
    s += "  nft: table inet firewalld chain " + r.deciding_chain + ": " + to_text(*r.deciding) +
         "\n";
  return s;
}

}  // namespace fwctl::compiler
