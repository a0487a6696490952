# Generates the sdbus-c++ 1.2 glue for one interface file (run by dbus/CMakeLists.txt with cmake -P):
#   cmake -DXML2CPP=<tool> -DXML=<iface>.xml -DADAPTOR=<out>_adaptor.h -DPROXY=<out>_proxy.h -P xml2cpp.cmake
#
# The glue is xml2cpp's output with one change, for the names of output arguments. firewalld names
# every input argument and no output argument. xml2cpp 1.2 invents "arg0", "arg1", ... for unnamed
# arguments, and sd-bus (systemd 252) accepts argument names for a method only all or none: once an
# input is named, every output must be named too, or registering the object fails with EINVAL.
# So sd-bus cannot show firewalld's exact shape for a method with inputs, and there the invented
# "arg0" stays (Introspect shows <arg type="s" name="arg0" direction="out"/>; clients go by
# signature, never by output name). A method without inputs can be shown exactly: for those the
# .withOutputParamNames("argN") call is dropped, so sd-bus introspects the output without a name,
# as firewalld does. dbus/glue_test.cpp pins both cases. The proxy has no names and is left alone.
# Keywords used as names (the property "default", the argument "short") need no workaround:
# xml2cpp 1.2 already renames the C++ identifiers to default_() and short_ and keeps the D-Bus names.
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

file(READ ${ADAPTOR} text)
string(REGEX REPLACE
       "(registerMethod\\(\"[A-Za-z0-9_]+\"\\)\\.onInterface\\(INTERFACE_NAME\\))\\.withOutputParamNames\\(\"arg[0-9]+\"(, \"arg[0-9]+\")*\\)"
       "\\1" text "${text}")
file(WRITE ${ADAPTOR} "${text}")
