#include "compiler/bindings.hpp"

namespace fwctl::compiler {

RuntimeBindings bindings_from_config(const model::Config& config) {
  RuntimeBindings b;
  b.default_zone = config.conf.default_zone;
  for (const auto& [name, item] : config.zones) {
    const auto& zone = item.value;
    if (!zone.interfaces.empty()) b.interfaces[name] = zone.interfaces;
    for (const auto& source : zone.sources) b.sources[name].push_back(source.to_string());
  }
  return b;
}

}  // namespace fwctl::compiler
