#include "core/free_memory.hpp"

#include <malloc.h>

namespace fwctl::core {

void release_free_memory() { malloc_trim(0); }

}  // namespace fwctl::core
