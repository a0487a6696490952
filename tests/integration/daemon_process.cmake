# Issue 4, process: fwctld as a forking daemon and its logging (root, a network namespace, a
# private bus; the script exits 77, skipped, without root or a tool it needs).
add_test(NAME daemon_process
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_process.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_process PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 120)

