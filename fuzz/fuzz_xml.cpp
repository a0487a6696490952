// Fuzz target: every configuration file reader (the six item kinds, direct.xml,
// lockdown-whitelist.xml, firewalld.conf). The first byte picks the reader; the rest is the file.
//
// Beyond "no crash, no sanitizer report": what a reader accepts, the matching writer writes, and
// that text reads back to the same item and writes the same bytes again. A reader and writer
// that disagree would make a save change the configuration.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "config/direct_xml.hpp"
#include "config/firewalld_conf_file.hpp"
#include "config/helper_xml.hpp"
#include "config/icmptype_xml.hpp"
#include "config/ipset_xml.hpp"
#include "config/lockdown_whitelist_xml.hpp"
#include "config/policy_xml.hpp"
#include "config/service_xml.hpp"
#include "config/zone_xml.hpp"

namespace {

using namespace fwctl;

[[noreturn]] void mismatch(const char* kind, const std::string& first, const std::string& second) {
  std::fprintf(stderr,
               "%s: written text does not read back the same\n--- first\n%s\n--- second\n%s\n",
               kind, first.c_str(), second.c_str());
  std::abort();
}

// parse(text) -> item; format(item) must parse to an item that formats to the same bytes.
template <typename Parse, typename Format>
void round_trip(const char* kind, std::string_view text, Parse parse, Format format) {
  auto item = parse(text);
  if (!item) return;
  const std::string written = format(item->item);
  auto again = parse(written);
  if (!again) mismatch(kind, written, again.error().message());
  if (format(again->item) != written) mismatch(kind, written, format(again->item));
}

template <typename File, typename Parse, typename Format>
void round_trip_file(const char* kind, std::string_view text, Parse parse, Format format) {
  File file = parse(text);
  if (file.error) return;
  const std::string written = format(file);
  File again = parse(written);
  if (again.error) mismatch(kind, written, again.error->message());
  if (format(again) != written) mismatch(kind, written, format(again));
}

void fuzz_one(std::uint8_t selector, std::string_view text) {
  const std::string file = "fuzz.xml";
  switch (selector % 9) {
    case 0:
      round_trip(
          "zone", text, [&](std::string_view t) { return config::parse_zone(t, "fuzz", file); },
          config::format_zone);
      break;
    case 1:
      round_trip(
          "service", text,
          [&](std::string_view t) { return config::parse_service(t, "fuzz", file); },
          config::format_service);
      break;
    case 2:
      round_trip(
          "policy", text, [&](std::string_view t) { return config::parse_policy(t, "fuzz", file); },
          config::format_policy);
      break;
    case 3:
      round_trip(
          "ipset", text, [&](std::string_view t) { return config::parse_ipset(t, "fuzz", file); },
          config::format_ipset);
      break;
    case 4:
      round_trip(
          "icmptype", text,
          [&](std::string_view t) { return config::parse_icmptype(t, "fuzz", file); },
          config::format_icmptype);
      break;
    case 5:
      round_trip(
          "helper", text, [&](std::string_view t) { return config::parse_helper(t, "fuzz", file); },
          config::format_helper);
      break;
    case 6:
      round_trip_file<config::DirectFile>(
          "direct", text, [&](std::string_view t) { return config::parse_direct(t, file); },
          [](const config::DirectFile& f) { return config::format_direct(f.config); });
      break;
    case 7:
      round_trip_file<config::WhitelistFile>(
          "lockdown-whitelist", text,
          [&](std::string_view t) { return config::parse_lockdown_whitelist(t, file); },
          [](const config::WhitelistFile& f) {
            return config::format_lockdown_whitelist(f.whitelist);
          });
      break;
    default:
      // firewalld.conf: no writer round trip (the writer edits the current text in place);
      // reading must not crash and must not report a key twice.
      (void)config::parse_firewalld_conf(text, "firewalld.conf");
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  fuzz_one(data[0], std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  return 0;
}
