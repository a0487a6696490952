# Issue 4: fwctld under Debian's python firewall-cmd, in a network namespace with a private bus
# (root; the script exits 77, reported as skipped, without root or a tool it needs).
add_test(NAME daemon_firewall_cmd
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_firewall_cmd.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_firewall_cmd PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 120)

# Who may call: without polkit only uid 0, as with firewalld.
add_test(NAME daemon_authorization
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_authorization.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_authorization PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 120)

# The permanent configuration: firewall-cmd --permanent, the files written against firewalld's.
add_test(NAME daemon_permanent
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_permanent.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_permanent PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 300)
