# FWD_UNITY compiles the largest targets as unity builds: each batch of N sources is one
# translation unit, so the heavy headers (sdbus-c++ and its generated glue, gtest and gmock) are
# parsed and their templates instantiated once per batch instead of once per file. It roughly
# halves a full build (README, "The test loop"); a name defined in an anonymous namespace must
# therefore be unique within its target. FWD_UNITY=OFF builds file by file.
option(FWD_UNITY "Unity builds of the largest targets" ON)
function(fwctl_unity target batch_size)
  if(FWD_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${batch_size})
  endif()
endfunction()
