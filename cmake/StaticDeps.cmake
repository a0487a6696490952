# fwctld and fwctl link the libraries Debian ships as static archives statically: pugixml
# (libpugixml-dev's libpugixml.a) and libnftnl (libnftnl-dev's libnftnl.a). Each start of either
# program then maps and relocates two shared objects fewer, and only the code it calls is in it
# (docs/performance.md: start-up and idle memory). libmnl, libsdbus-c++, libsystemd and
# libstdc++ have no archive in Debian 12 (libstdc++.a exists, but libsdbus-c++.so needs the
# shared libstdc++ anyway) and stay shared. FWD_STATIC_DEPS=OFF links the shared libraries.
option(FWD_STATIC_DEPS "Link pugixml and libnftnl statically where archives exist" ON)

find_package(PkgConfig REQUIRED)
pkg_check_modules(FWD_NFTNL REQUIRED IMPORTED_TARGET libnftnl)
pkg_check_modules(FWD_MNL REQUIRED IMPORTED_TARGET libmnl)
find_library(FWD_NFTNL_ARCHIVE NAMES libnftnl.a HINTS ${FWD_NFTNL_LIBRARY_DIRS})

# fwctl_nftnl: libnftnl with its dependency libmnl, for the nft layer.
add_library(fwctl_nftnl INTERFACE)
if(FWD_STATIC_DEPS AND FWD_NFTNL_ARCHIVE)
  target_include_directories(fwctl_nftnl SYSTEM INTERFACE ${FWD_NFTNL_INCLUDE_DIRS})
  target_link_libraries(fwctl_nftnl INTERFACE ${FWD_NFTNL_ARCHIVE} PkgConfig::FWD_MNL)
else()
  target_link_libraries(fwctl_nftnl INTERFACE PkgConfig::FWD_NFTNL PkgConfig::FWD_MNL)
endif()

# pugixml::pugixml, which every user of pugixml links, is the archive.
if(FWD_STATIC_DEPS AND TARGET pugixml::static)
  set_target_properties(pugixml::pugixml PROPERTIES INTERFACE_LINK_LIBRARIES pugixml::static)
endif()

# DT_RELR (binutils 2.38, glibc 2.36, both in Debian 12): a PIE's relative relocations packed
# into a bitmap instead of 24 bytes each, 170 kB less for fwctld to read at each start.
include(CheckLinkerFlag)
check_linker_flag(CXX "-Wl,-z,pack-relative-relocs" FWD_HAVE_PACK_RELATIVE_RELOCS)
if(FWD_HAVE_PACK_RELATIVE_RELOCS)
  add_link_options(-Wl,-z,pack-relative-relocs)
endif()
