# Issue 12: the programs that drive firewalld on real machines, run for real against fwctld
# (root: namespaces, a private bus; each script exits 77, reported as skipped, without root or
# a tool it needs). Label `clients`: ctest -L clients. The command-line client is fwctl; run a
# script by hand with DAEMON "firewalld" (and no FWCTL_CLI: firewall-cmd) for firewalld's
# behaviour.
add_test(NAME clients_docker
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/docker.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(clients_docker PROPERTIES LABELS "integration;clients" SKIP_RETURN_CODE 77
                     TIMEOUT 120 ENVIRONMENT "FWCTL_CLI=$<TARGET_FILE:fwctl>")
add_test(NAME clients_podman
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/podman.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(clients_podman PROPERTIES LABELS "integration;clients" SKIP_RETURN_CODE 77
                     TIMEOUT 120 ENVIRONMENT "FWCTL_CLI=$<TARGET_FILE:fwctl>")
add_test(NAME clients_network_manager
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/network_manager.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(clients_network_manager PROPERTIES LABELS "integration;clients"
                     SKIP_RETURN_CODE 77 TIMEOUT 120
                     ENVIRONMENT "FWCTL_CLI=$<TARGET_FILE:fwctl>")
add_test(NAME clients_fail2ban
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/fail2ban.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(clients_fail2ban PROPERTIES LABELS "integration;clients" SKIP_RETURN_CODE 77
                     TIMEOUT 120 ENVIRONMENT "FWCTL_CLI=$<TARGET_FILE:fwctl>")
add_test(NAME clients_cockpit
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/cockpit.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(clients_cockpit PROPERTIES LABELS "integration;clients" SKIP_RETURN_CODE 77
                     TIMEOUT 120 ENVIRONMENT "FWCTL_CLI=$<TARGET_FILE:fwctl>")
add_test(NAME clients_firewall_client
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/firewall_client.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(clients_firewall_client PROPERTIES LABELS "integration;clients"
                     SKIP_RETURN_CODE 77 TIMEOUT 120
                     ENVIRONMENT "FWCTL_CLI=$<TARGET_FILE:fwctl>")
add_test(NAME clients_libvirt
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/libvirt.sh $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR})
set_tests_properties(clients_libvirt PROPERTIES LABELS "integration;clients" SKIP_RETURN_CODE 77
                     TIMEOUT 120 ENVIRONMENT "FWCTL_CLI=$<TARGET_FILE:fwctl>")
add_test(NAME clients_netavark_firewalld
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/netavark_firewalld.sh $<TARGET_FILE:fwctld>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(clients_netavark_firewalld PROPERTIES LABELS "integration;clients"
                     SKIP_RETURN_CODE 77 TIMEOUT 120
                     ENVIRONMENT "FWCTL_CLI=$<TARGET_FILE:fwctl>")
