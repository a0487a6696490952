# Issue 17: the Debian package. Four tests, all labelled package; the two fixtures run first:
#   package_build    the .deb from this build tree's binaries into build/package (no second
#                    compile); it runs `cmake --install` of this tree, which writes
#                    install_manifest.txt here, as the daemon_process_install tests do: the lock
#   package_root     the cached Debian 12 root (made from Debian's archive on the first run, or
#                    when its recipe changes; instant otherwise; root)
#   package_lintian  lintian clean, and the package's contents
#   package_deb      installed, started, reloaded, activated, removed and put in firewalld's
#                    place in a booted Debian 12 (systemd-nspawn; root)
set(fwctl_deb_dir ${CMAKE_BINARY_DIR}/package)
add_test(NAME package_build
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/build_deb.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR}
                 ${fwctl_deb_dir})
set_tests_properties(package_build PROPERTIES LABELS package FIXTURES_SETUP fwctl_deb
                     SKIP_RETURN_CODE 77 RESOURCE_LOCK fwctl_install TIMEOUT 600)
add_test(NAME package_root COMMAND ${CMAKE_CURRENT_LIST_DIR}/debian_root.sh)
set_tests_properties(package_root PROPERTIES LABELS package FIXTURES_SETUP debian_root
                     SKIP_RETURN_CODE 77 TIMEOUT 900)
add_test(NAME package_lintian
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_deb.sh ${fwctl_deb_dir} ${CMAKE_SOURCE_DIR})
set_tests_properties(package_lintian PROPERTIES LABELS package FIXTURES_REQUIRED fwctl_deb
                     SKIP_RETURN_CODE 77 TIMEOUT 300)
add_test(NAME package_deb
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/package_test.sh ${fwctl_deb_dir} ${CMAKE_SOURCE_DIR})
set_tests_properties(package_deb PROPERTIES LABELS package
                     FIXTURES_REQUIRED "fwctl_deb;debian_root" SKIP_RETURN_CODE 77 TIMEOUT 600)
