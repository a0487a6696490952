// Fuzz target: random configurations through the compiler and the netlink batch builder into a
// real kernel. The input is a zone file; it goes where the daemon's own files go (read, item
// checks, reference checks against the repository's default tree, bound to an interface,
// compiled), and whatever survives those checks must be accepted by the kernel as one batch. A
// configuration that the checks accept and the kernel refuses would leave fwctld unable to start
// or reload: that aborts.
//
// Runs in a network namespace of its own (unshare at start), so it needs root; without it the
// target says so and exits 77.

#include <sched.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "compiler/bindings.hpp"
#include "compiler/compiler.hpp"
#include "config/loader.hpp"
#include "config/zone_xml.hpp"
#include "model/config_check.hpp"
#include "nft/mnl_netlink.hpp"
#include "nft/ruleset_batch.hpp"

namespace {

using namespace fwctl;

struct Kernel {
  model::Config base;  // the repository's defaults: services, ICMP types, helpers, zones
  std::unique_ptr<nft::MnlNetlink> netlink;
};

Kernel& kernel() {
  static Kernel* k = [] {
    if (unshare(CLONE_NEWNET) != 0) {
      std::perror("fuzz_ruleset needs root: unshare(CLONE_NEWNET)");
      std::exit(77);
    }
    auto* made = new Kernel;
    made->base = config::load_config({FWCTL_SOURCE_DIR, "/nonexistent"}).config;
    auto opened = nft::MnlNetlink::open();
    if (!opened) {
      std::fprintf(stderr, "netlink: %s\n", opened.error().message().c_str());
      std::exit(1);
    }
    made->netlink = std::move(*opened);
    return made;
  }();
  return *k;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Kernel& k = kernel();
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  auto zone = config::parse_zone(xml, "fuzz", "fuzz.xml");
  if (!zone) return 0;
  model::Config config = k.base;
  zone->item.interfaces = {"fuzz0"};
  config.zones["fuzz"].value = zone->item;
  if (!model::check_references(config).empty()) return 0;
  if (!model::check_runtime_references(config).empty()) return 0;
  auto ruleset = compiler::compile(config, compiler::bindings_from_config(config));
  if (!ruleset) return 0;  // refused before the kernel, with an error: what the daemon reports
  auto batch = nft::replace_ruleset(*ruleset);
  if (!batch) return 0;
  if (auto sent = k.netlink->send(*batch); !sent) {
    std::fprintf(stderr, "the kernel refused a checked configuration: %s\n--- zone\n%.*s\n",
                 sent.error().message().c_str(), static_cast<int>(size), xml.data());
    std::abort();
  }
  return 0;
}
