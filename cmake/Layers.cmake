# One static library per layer of DESIGN.md section 2. Sources are every *.cpp in the layer's
# directory except the *_test.cpp files, which go into fwctl_unit_tests. Dependencies are PRIVATE
# unless a layer's headers expose the lower layer's types (then PUBLIC), so an upper layer's
# headers are never on a lower layer's include path through linking.
function(fwctl_layer name)
  cmake_parse_arguments(L "" "" "PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  list(FILTER srcs EXCLUDE REGEX "_test\\.cpp$")
  add_library(fwctl_${name} STATIC ${srcs})
  target_include_directories(fwctl_${name} PUBLIC ${FWCTL_DAEMON_DIR})
  target_link_libraries(fwctl_${name} PUBLIC ${L_PUBLIC_DEPS} PRIVATE ${L_PRIVATE_DEPS})
  fwctl_warnings(fwctl_${name})
endfunction()
