# FWD_SANITIZE builds everything with AddressSanitizer and UndefinedBehaviorSanitizer.
if(FWD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# FWD_FUZZ (clang): coverage for libFuzzer in every library, and the targets in fuzz/.
option(FWD_FUZZ "Build the libFuzzer targets of fuzz/ (clang)" OFF)
if(FWD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FWD_FUZZ needs clang (CXX=clang++-14)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
