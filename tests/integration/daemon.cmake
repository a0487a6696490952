# Every object's Introspect answer against firewalld 1.3.3's (root, private bus; python3-dbus).
add_test(NAME daemon_introspection
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/introspection.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_introspection PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 120)

# Issue 4: fwctld under Debian's python firewall-cmd, in a network namespace with a private bus
# (root; the script exits 77, reported as skipped, without root or a tool it needs).
add_test(NAME daemon_firewall_cmd
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_firewall_cmd.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_firewall_cmd PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 120)
