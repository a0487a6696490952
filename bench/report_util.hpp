#pragma once
// What the load bench's orchestrator and its change report share: the children's "key value"
// output, samples and their medians, number formats, the names of fresh namespaces.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace fwctl::bench {

using KeyValues = std::map<std::string, std::vector<double>>;

// "key value" lines as a child prints them; a key may repeat (one value per run).
KeyValues parse_kv(const std::string& text);

// The first value of a key, 0 when absent.
double first(const KeyValues& kv, const std::string& key);

struct Samples {
  std::vector<double> v;
  void add(double x) { v.push_back(x); }
  bool empty() const { return v.empty(); }
  double min() const { return v.empty() ? 0 : *std::min_element(v.begin(), v.end()); }
  double median() const {
    if (v.empty()) return 0;
    auto s = v;
    std::sort(s.begin(), s.end());
    size_t n = s.size();
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
};

// Every value of a key.
Samples samples(const KeyValues& kv, const std::string& key);

std::string fmt_short(double s);          // "12 µs", "1.23 ms", "1.23 s"
std::string fmt_mb(double kb);            // "12.3 MB"
std::string fmt_range(const Samples& s);  // "n" when every sample is n, "a–b" otherwise
std::string with_commas(double v);        // 1234567 -> "1,234,567"
std::string one_line(std::string s);      // newlines to spaces, cut to 300 characters

// fwbench-PID-N, a new N each call: the bench's own namespaces, which run.sh cleans up.
std::string fresh_ns();

// This executable's path, for its children.
std::string self_exe();

}  // namespace fwctl::bench
