# Issue 17: the Debian package built from this tree's binaries, installed, started, reloaded,
# activated, removed and put in firewalld's place in a booted Debian 12 container (root;
# systemd-nspawn; skipped without them). The cached Debian root is made on the first run, from
# Debian's archive. It installs this build tree (cmake --install writes install_manifest.txt),
# as the daemon_process_install tests do, hence the lock.
add_test(NAME package_deb
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/package_test.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR})
set_tests_properties(package_deb PROPERTIES LABELS package SKIP_RETURN_CODE 77
                     RESOURCE_LOCK fwctl_install TIMEOUT 900)
