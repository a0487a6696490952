# One static library per layer of docs/architecture.md. Sources are every *.cpp in the layer's
# directory except the *_test.cpp files, which go into fwctl_unit_tests.
#
# Headers are included as "layer/file.hpp". Each layer's include root holds a link to that
# layer's directory alone, so a layer finds only its own headers and those of the layers it
# links: `#include "config/..."` does not compile in model/. Dependencies are PRIVATE unless a
# layer's headers expose the lower layer's types (then PUBLIC).
function(fwctl_layer name)
  cmake_parse_arguments(L "" "" "PUBLIC_DEPS;PRIVATE_DEPS;EXCLUDE" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  list(FILTER srcs EXCLUDE REGEX "_test\\.cpp$")
  foreach(excluded IN LISTS L_EXCLUDE)
    list(REMOVE_ITEM srcs ${CMAKE_CURRENT_SOURCE_DIR}/${excluded})
  endforeach()
  add_library(fwctl_${name} STATIC ${srcs})
  set(root ${CMAKE_BINARY_DIR}/layer-include/${name})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/${name} SYMBOLIC)
  target_include_directories(fwctl_${name} PUBLIC ${root})
  target_link_libraries(fwctl_${name} PUBLIC ${L_PUBLIC_DEPS} PRIVATE ${L_PRIVATE_DEPS})
  fwctl_warnings(fwctl_${name})
endfunction()
