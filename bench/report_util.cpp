#include "report_util.hpp"

#include <unistd.h>

#include <cstdio>
#include <sstream>

namespace fwctl::bench {

KeyValues parse_kv(const std::string& text) {
  KeyValues kv;
  std::istringstream in(text);
  std::string key;
  double value = 0;
  for (int i = 0; i < 100000 && in >> key >> value; ++i) kv[key].push_back(value);
  return kv;
}

double first(const KeyValues& kv, const std::string& key) {
  auto it = kv.find(key);
  return it == kv.end() || it->second.empty() ? 0 : it->second.front();
}

Samples samples(const KeyValues& kv, const std::string& key) {
  Samples s;
  if (auto it = kv.find(key); it != kv.end()) s.v = it->second;
  return s;
}

std::string fmt_short(double s) {
  char buf[64];
  if (s < 1e-3) std::snprintf(buf, sizeof buf, "%.0f µs", s * 1e6);
  else if (s < 1) std::snprintf(buf, sizeof buf, "%.2f ms", s * 1e3);
  else std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

std::string fmt_mb(double kb) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f MB", kb / 1024);
  return buf;
}

std::string fmt_range(const Samples& s) {
  if (s.empty()) return "n/a";
  double lo = s.min(), hi = *std::max_element(s.v.begin(), s.v.end());
  char buf[64];
  if (lo == hi) std::snprintf(buf, sizeof buf, "%.0f", lo);
  else std::snprintf(buf, sizeof buf, "%.0f–%.0f", lo, hi);
  return buf;
}

std::string with_commas(double v) {
  std::string d = std::to_string(static_cast<long long>(v)), out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
    out += d[i];
  }
  return out;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s.size() > 300 ? s.substr(0, 300) + "..." : s;
}

int ns_counter = 0;
std::string fresh_ns() {
  return "fwbench-" + std::to_string(getpid()) + "-" + std::to_string(++ns_counter);
}

std::string self_exe() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string("/proc/self/exe");
}

}  // namespace fwctl::bench
