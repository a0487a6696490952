# Issue 5: fwctl against Debian's firewall-cmd, line by line (root: network namespace, private
# bus; the script exits 77, reported as skipped, without root or a tool it needs).
add_test(NAME cli_compare_firewall_cmd
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/compare.sh $<TARGET_FILE:fwctld> $<TARGET_FILE:fwctl>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_compare_firewall_cmd PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 600)

# Issue 5: fwctl --offline writes the files fwctld writes for the same commands (root).
add_test(NAME cli_offline_same_files
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/offline_compare.sh $<TARGET_FILE:fwctld>
                 $<TARGET_FILE:fwctl> ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_offline_same_files PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 300)

# fwctl --json against a running fwctld (root).
add_test(NAME cli_json
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/json.sh $<TARGET_FILE:fwctld> $<TARGET_FILE:fwctl>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_json PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 120)

# Issue 19: fwctl as firewall-offline-cmd against Debian's firewall-offline-cmd, line by line
# and tree by tree (root: a mount namespace keeps /etc and polkit's actions private).
add_test(NAME cli_offline_cmd_compare
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/offline_cmd_compare.sh $<TARGET_FILE:fwctl>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_offline_cmd_compare PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 300)

# Issue 15: fwctl --why predicts what the kernel does with real packets (root).
add_test(NAME cli_why
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/why.sh $<TARGET_FILE:fwctld> $<TARGET_FILE:fwctl>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_why PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 120)

# Issue 15: changes that undo themselves (--confirm), with real packets (root).
add_test(NAME cli_confirm
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/confirm.sh $<TARGET_FILE:fwctld> $<TARGET_FILE:fwctl>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_confirm PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 120)

# Issue 15: counters per zone element from the kernel's rule counters, with real packets (root).
add_test(NAME cli_counters
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/counters.sh $<TARGET_FILE:fwctld> $<TARGET_FILE:fwctl>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_counters PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 120)

# Issue 15: fwctl --trace names the kernel's verdict on real packets and leaves no trace (root).
add_test(NAME cli_trace
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/trace.sh $<TARGET_FILE:fwctld> $<TARGET_FILE:fwctl>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_trace PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 120)
