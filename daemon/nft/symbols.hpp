#pragma once
// Names of constants as nft 1.0.6 parses and prints them.

#include <cstdint>
#include <optional>
#include <string_view>

#include "nft/values.hpp"

namespace fwctl::nft {

// The number of `name` in the symbol table `table`; nullopt when the table has no such name.
std::optional<uint64_t> symbol_value(Symbols table, std::string_view name);

}  // namespace fwctl::nft
