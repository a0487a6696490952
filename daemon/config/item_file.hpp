#pragma once
// Loading and saving one item file of any kind.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "model/helper.hpp"
#include "model/icmptype.hpp"
#include "model/ipset.hpp"
#include "model/policy.hpp"
#include "model/service.hpp"
#include "model/zone.hpp"

namespace fwctl::config {

// load_item() without a directory descriptor: `path` is opened as it is.
inline constexpr int kNoDirectory = -1;

// Loads the item file at `path`; T is model::Zone, Service, Policy, IpSet, IcmpType or Helper.
// The item's name is the file name without ".xml", unless `name` is given (a combined zone is
// named "dir/file"). A file name without ".xml" is INVALID_NAME, an unreadable file
// COMMAND_FAILED; otherwise see parse_zone() and its siblings. With `dir_fd`, an open descriptor
// of the directory `path` names, the file is opened relative to it (the loader reads a whole
// directory so); `path` still names the file in the item and in errors.
template <typename T>
Result<Parsed<T>> load_item(const std::string& path, std::string_view name = {},
                            int dir_fd = kNoDirectory);

// The file content firewalld 1.3.3 writes for the item.
std::string format_item(const model::Zone& item);
std::string format_item(const model::Service& item);
std::string format_item(const model::Policy& item);
std::string format_item(const model::IpSet& item);
std::string format_item(const model::IcmpType& item);
std::string format_item(const model::Helper& item);

// Writes format_item(item) to `path` with save_file(): PATH.old keeps the previous file.
template <typename T>
Status save_item(const T& item, const std::string& path);

// firewalld's removal of an item file: it becomes PATH.old.
Status remove_item(const std::string& path);

}  // namespace fwctl::config
