# fwctl_daemon_test(NAME TIMEOUT [SCRIPT S] [LABELS L] [ARGS A...]): the integration test NAME,
# S.sh (NAME.sh unless given) FWCTLD SOURCE_DIR A..., skipped when it exits 77 (root, a network
# namespace, a private bus or a tool missing), labelled integration unless L says otherwise.
function(fwctl_daemon_test name timeout)
  cmake_parse_arguments(PARSE_ARGV 2 opt "" "SCRIPT;LABELS" "ARGS")
  if(NOT opt_SCRIPT)
    set(opt_SCRIPT ${name})
  endif()
  if(NOT opt_LABELS)
    set(opt_LABELS integration)
  endif()
  add_test(NAME ${name}
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/${opt_SCRIPT}.sh $<TARGET_FILE:fwctld>
                   ${CMAKE_SOURCE_DIR} ${opt_ARGS})
  set_tests_properties(${name} PROPERTIES LABELS "${opt_LABELS}" SKIP_RETURN_CODE 77
                       TIMEOUT ${timeout})
endfunction()

# Every object's Introspect answer against firewalld 1.3.3's (root, private bus; python3-dbus).
fwctl_daemon_test(daemon_introspection 120 SCRIPT introspection)
# The Introspect filter alone, on a private bus (no root), with objects exported after it.
add_executable(fwctl_introspection_filter_test introspection_filter_test.cpp)
target_link_libraries(fwctl_introspection_filter_test PRIVATE fwctl_bus fwctl_dbus_glue_stubs_lib
                      GTest::gtest GTest::gtest_main)
find_program(DBUS_DAEMON dbus-daemon)
target_compile_definitions(fwctl_introspection_filter_test PRIVATE
  FWCTL_DBUS_DAEMON="${DBUS_DAEMON}"
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
fwctl_daemon_test(daemon_firewall_cmd 120)

# Who may call: without polkit only uid 0, as with firewalld.
fwctl_daemon_test(daemon_authorization 120)

# With polkit on the bus (a stand-in answering from a table), polkit decides, asynchronously.
fwctl_daemon_test(daemon_polkit 120)

# Every runtime change of a zone, bindings, the default zone and timeouts, with firewall-cmd.
fwctl_daemon_test(daemon_zone_runtime 180)

# Group commit (issue 13): changes that arrive together in one batch, a refused one alone.
fwctl_daemon_test(daemon_group_commit 120)

# The direct interface (real iptables in the namespace) and lockdown with its whitelist.
fwctl_daemon_test(daemon_direct_lockdown 120)

# Runtime policies, ipsets, panic mode, log-denied and complete reload under firewall-cmd.
fwctl_daemon_test(daemon_policy_ipset 120)

# The permanent configuration: firewall-cmd --permanent, the files written against firewalld's.
fwctl_daemon_test(daemon_permanent 300)

# The fine-grained members of config.service, config.ipset, config.icmptype and config.helper
# (addPort, setDestination, addEntry, ...) over python-dbus, against firewalld 1.3.3's answers.
fwctl_daemon_test(daemon_config_item_members 120)

# Issue 18: the firewalld 2.x features through fwctld (org.fwctl.Config1, firewalld.conf, reload).
fwctl_daemon_test(daemon_firewalld2x 120 ARGS $<TARGET_FILE:fwctl>)
# Issue 18, second part: zone priorities, the policy disable flag and policy sets, the config
# watcher; real TCP connections from another namespace decide which zone and policy apply.
fwctl_daemon_test(daemon_firewalld2x_zones 180 ARGS $<TARGET_FILE:fwctl>)

# firewalld's argument forms (dbus-python's conversions) on every kind of method, and its refusals.
fwctl_daemon_test(daemon_argument_forms 60 LABELS "integration;clients")

# Issue 18: NftablesTableOwner, ReloadPolicy and NftablesFlowtable through fwctld, with packets.
fwctl_daemon_test(daemon_firewalld2x_table 180)
