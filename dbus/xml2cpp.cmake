# Generates the sdbus-c++ 1.2 glue for one interface file (run by dbus/CMakeLists.txt with
# cmake -P):
#   cmake -DXML2CPP=<tool> -DXML=<iface>.xml -DADAPTOR=<out>_adaptor.h -DPROXY=<out>_proxy.h \
#         -P xml2cpp.cmake
#
# The glue is xml2cpp's output as it is. firewalld names every input argument and no output
# argument; xml2cpp 1.2 invents "arg0", "arg1", ... for the unnamed ones, because sd-bus (systemd
# 252) takes argument names for a method all or none. Those names stay inside sd-bus: fwctld
# answers Introspect itself, with firewalld's text written from these IDL files
# (daemon/bus/introspection_filter.hpp), so no client sees them. dbus/glue_test.cpp pins what the
# glue registers. Keywords used as names (the property "default", the argument "short") need no
# workaround: xml2cpp 1.2 renames the C++ identifiers to default_() and short_ and keeps the D-Bus
# names.
foreach(var XML2CPP XML ADAPTOR PROXY)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "xml2cpp.cmake: ${var} is not set")
  endif()
endforeach()

# Every method of the adaptor is asynchronous (sdbus::Result<...>&& first): fwctld authorizes each
# call before it runs, and an authorization may wait for polkit, which must not block other callers.
# The annotation is added to a copy of the IDL for the adaptor only; the proxy stays synchronous.
file(READ ${XML} idl)
set(async "<annotation name=\"org.freedesktop.DBus.Method.Async\" value=\"server\"/>")
string(REGEX REPLACE "(<method name=\"[A-Za-z0-9_]+\")/>" "\\1></method>" idl "${idl}")
string(REGEX REPLACE "(<method name=\"[A-Za-z0-9_]+\">)" "\\1${async}" idl "${idl}")
get_filename_component(name ${XML} NAME)
set(async_xml ${ADAPTOR}.${name})
file(WRITE ${async_xml} "${idl}")

foreach(side "--adaptor=${ADAPTOR};${async_xml}" "--proxy=${PROXY};${XML}")
  execute_process(COMMAND ${XML2CPP} ${side} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "sdbus-c++-xml2cpp failed on ${XML} (${rc}): ${err}")
  endif()
endforeach()

