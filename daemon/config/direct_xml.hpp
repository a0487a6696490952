#pragma once
// direct.xml (firewalld.direct(5)), read and written as firewalld 1.3.3's io/direct.py does.
// Rule and passthrough arguments are the element's text split like a shell (shlex.split) and
// written back quoted like a shell (shlex.quote), escaped once.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "model/direct.hpp"

namespace fwctl::config {

// firewalld keeps what it read before a reading error (the SAX parser fed its object as it
// went) and logs the error; so does this: `config` is what came before `error`.
struct DirectFile {
  model::DirectConfig config;
  std::optional<Error> error;  // INVALID_TYPE "Not a valid file: …", INVALID_IPV, PARSE_ERROR, …
  std::vector<Error> warnings;  // what firewalld logs and ignores (a duplicate, a bad priority)
};

DirectFile parse_direct(std::string_view xml, const std::string& file);

// The bytes firewalld writes for `config`.
std::string format_direct(const model::DirectConfig& config);

}  // namespace fwctl::config
