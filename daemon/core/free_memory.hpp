#pragma once
// Hands the heap's free pages back to the kernel (glibc's malloc_trim(0)) after work that freed
// much: a whole load or reload, a large ipset entry change (issue 13). malloc keeps freed memory
// for reuse, and with a 1,000,000-entry set gone it kept about 300 MB that fwctld no longer
// used (small blocks pin the heap's top, so it never shrinks by itself). Costs a walk of the
// free lists: milliseconds, so not after every small change.
//
//   load(...);
//   release_free_memory();

#include <cstddef>

namespace fwctl::core {

void release_free_memory();

// Entry changes of at least this many entries are followed by release_free_memory().
inline constexpr std::size_t kLargeEntryChange = 4096;

}  // namespace fwctl::core
