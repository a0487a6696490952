# Issue 4, process: fwctld as a forking daemon and its logging (root, a network namespace, a
# private bus; the script exits 77, skipped, without root or a tool it needs).
fwctl_daemon_test(daemon_process 120)

# `cmake --install` into a temporary prefix: where every file lands, and the installed systemd
# unit under `systemd-analyze verify` (skipped without systemd-analyze). Both install from this
# build tree, whose install_manifest.txt they would otherwise write at the same time.
foreach(mode layout unit)
  add_test(NAME daemon_process_install_${mode}
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/daemon_process_install.sh ${mode} ${CMAKE_BINARY_DIR}
                   ${CMAKE_SOURCE_DIR})
  set_tests_properties(daemon_process_install_${mode} PROPERTIES LABELS unit SKIP_RETURN_CODE 77
                       RESOURCE_LOCK fwctl_install TIMEOUT 120)
endforeach()
