#include "config/item_file.hpp"

#include "config/atomic_file.hpp"
#include "config/helper_xml.hpp"
#include "config/icmptype_xml.hpp"
#include "config/ipset_xml.hpp"
#include "config/policy_xml.hpp"
#include "config/service_xml.hpp"
#include "config/zone_xml.hpp"

namespace fwctl::config {
namespace {

constexpr std::string_view kSuffix = ".xml";

Result<Parsed<model::Zone>> parse(const model::Zone*, std::string_view xml, std::string_view name,
                                  const std::string& file) {
  return parse_zone(xml, name, file);
}
Result<Parsed<model::Service>> parse(const model::Service*, std::string_view xml,
                                     std::string_view name, const std::string& file) {
  return parse_service(xml, name, file);
}
Result<Parsed<model::Policy>> parse(const model::Policy*, std::string_view xml,
                                    std::string_view name, const std::string& file) {
  return parse_policy(xml, name, file);
}
Result<Parsed<model::IpSet>> parse(const model::IpSet*, std::string_view xml, std::string_view name,
                                   const std::string& file) {
  return parse_ipset(xml, name, file);
}
Result<Parsed<model::IcmpType>> parse(const model::IcmpType*, std::string_view xml,
                                      std::string_view name, const std::string& file) {
  return parse_icmptype(xml, name, file);
}
Result<Parsed<model::Helper>> parse(const model::Helper*, std::string_view xml,
                                    std::string_view name, const std::string& file) {
  return parse_helper(xml, name, file);
}

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

template <typename T>
Result<Parsed<T>> load_item(const std::string& path, std::string_view name, int dir_fd) {
  std::string_view file_name = base_name(path);
  if (!file_name.ends_with(kSuffix)) {
    return Unexpected{Error{Code::INVALID_NAME,
                            "'" + std::string(file_name) + "' is missing .xml suffix", path, 0}};
  }
  if (name.empty()) name = file_name.substr(0, file_name.size() - kSuffix.size());
  Result<std::string> xml =
      dir_fd == kNoDirectory ? read_file(path) : read_file_at(dir_fd, std::string(file_name), path);
  if (!xml) {
    xml.error().file = path;
    return xml;
  }
  return parse(static_cast<const T*>(nullptr), *xml, name, path);
}

std::string format_item(const model::Zone& item) { return format_zone(item); }
std::string format_item(const model::Service& item) { return format_service(item); }
std::string format_item(const model::Policy& item) { return format_policy(item); }
std::string format_item(const model::IpSet& item) { return format_ipset(item); }
std::string format_item(const model::IcmpType& item) { return format_icmptype(item); }
std::string format_item(const model::Helper& item) { return format_helper(item); }

template <typename T>
Status save_item(const T& item, const std::string& path) {
  return save_file(path, format_item(item));
}

Status remove_item(const std::string& path) { return remove_file_keeping_old(path); }

#define FWCTL_INSTANTIATE_ITEM_FILE(T)                                                \
  template Result<Parsed<T>> load_item<T>(const std::string&, std::string_view, int); \
  template Status save_item<T>(const T&, const std::string&);
FWCTL_INSTANTIATE_ITEM_FILE(model::Zone)
FWCTL_INSTANTIATE_ITEM_FILE(model::Service)
FWCTL_INSTANTIATE_ITEM_FILE(model::Policy)
FWCTL_INSTANTIATE_ITEM_FILE(model::IpSet)
FWCTL_INSTANTIATE_ITEM_FILE(model::IcmpType)
FWCTL_INSTANTIATE_ITEM_FILE(model::Helper)
#undef FWCTL_INSTANTIATE_ITEM_FILE

}  // namespace fwctl::config
