# Every object's Introspect answer against firewalld 1.3.3's (root, private bus; python3-dbus).
add_test(NAME daemon_introspection
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/introspection.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_introspection PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 120)
# The Introspect filter alone, on a private bus (no root), with objects exported after it.
add_executable(fwctl_introspection_filter_test introspection_filter_test.cpp)
target_link_libraries(fwctl_introspection_filter_test PRIVATE fwctl_bus fwctl_dbus_glue_stubs_lib
                      GTest::gtest GTest::gtest_main)
find_program(DBUS_DAEMON dbus-daemon)
target_compile_definitions(fwctl_introspection_filter_test PRIVATE FWCTL_DBUS_DAEMON="${DBUS_DAEMON}"
  FWCTL_REFERENCE_DIR="${CMAKE_SOURCE_DIR}/tests/data/firewalld-1.3.3-introspection")
fwctl_warnings(fwctl_introspection_filter_test)
add_test(NAME introspection_filter COMMAND fwctl_introspection_filter_test)
set_tests_properties(introspection_filter PROPERTIES LABELS "integration;bus")
# The per-item /config objects, exported when first called (no root): listed, introspected and
# signalled from the start all the same.
add_executable(fwctl_config_objects_test config_objects_test.cpp)
target_link_libraries(fwctl_config_objects_test PRIVATE fwctl_bus fwctl_core fwctl_nft
                      GTest::gtest GTest::gtest_main)
target_compile_definitions(fwctl_config_objects_test PRIVATE FWCTL_DBUS_DAEMON="${DBUS_DAEMON}"
  FWCTL_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
fwctl_warnings(fwctl_config_objects_test)
add_test(NAME config_objects COMMAND fwctl_config_objects_test)
set_tests_properties(config_objects PROPERTIES LABELS "integration;bus")

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

# With polkit on the bus (a stand-in answering from a table), polkit decides, asynchronously.
add_test(NAME daemon_polkit
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_polkit.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_polkit PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 120)

# Every runtime change of a zone, bindings, the default zone and timeouts, with firewall-cmd.
add_test(NAME daemon_zone_runtime
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_zone_runtime.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_zone_runtime PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 180)

# The direct interface (real iptables in the namespace) and lockdown with its whitelist.
add_test(NAME daemon_direct_lockdown
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_direct_lockdown.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_direct_lockdown PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 120)

# Runtime policies, ipsets, panic mode, log-denied and complete reload under firewall-cmd.
add_test(NAME daemon_policy_ipset
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_policy_ipset.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_policy_ipset PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 120)

# The permanent configuration: firewall-cmd --permanent, the files written against firewalld's.
add_test(NAME daemon_permanent
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_permanent.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_permanent PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 300)

# The fine-grained members of config.service, config.ipset, config.icmptype and config.helper
# (addPort, setDestination, addEntry, ...) over python-dbus, against firewalld 1.3.3's answers.
add_test(NAME daemon_config_item_members
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_config_item_members.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_config_item_members PROPERTIES LABELS integration
                     SKIP_RETURN_CODE 77 TIMEOUT 120)

# Issue 18: the firewalld 2.x features through fwctld (org.fwctl.Config1, firewalld.conf, reload).
add_test(NAME daemon_firewalld2x
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_firewalld2x.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR} $<TARGET_FILE:fwctl>)
set_tests_properties(daemon_firewalld2x PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 120)
# Issue 18, second part: zone priorities, the policy disable flag and policy sets, the config
# watcher; real TCP connections from another namespace decide which zone and policy apply.
add_test(NAME daemon_firewalld2x_zones
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_firewalld2x_zones.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR} $<TARGET_FILE:fwctl>)
set_tests_properties(daemon_firewalld2x_zones PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 180)

# firewalld's argument forms (dbus-python's conversions) on every kind of method, and its refusals.
add_test(NAME daemon_argument_forms
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_argument_forms.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_argument_forms PROPERTIES LABELS "integration;clients"
                     SKIP_RETURN_CODE 77 TIMEOUT 60)

# Issue 18: NftablesTableOwner, ReloadPolicy and NftablesFlowtable through fwctld, with packets.
add_test(NAME daemon_firewalld2x_table
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_firewalld2x_table.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(daemon_firewalld2x_table PROPERTIES LABELS integration SKIP_RETURN_CODE 77
                     TIMEOUT 180)
