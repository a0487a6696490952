# The nft backend against the kernel (root; the test makes its own network namespace).
add_executable(fwctl_nft_kernel_tests ${CMAKE_CURRENT_LIST_DIR}/nft_kernel_test.cpp)
target_link_libraries(fwctl_nft_kernel_tests PRIVATE fwctl_nft fwctl_compiler fwctl_config
                      fwctl_model fwctl_common GTest::gtest)
target_compile_definitions(fwctl_nft_kernel_tests PRIVATE FWCTL_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
fwctl_warnings(fwctl_nft_kernel_tests)
add_test(NAME nft_kernel COMMAND fwctl_nft_kernel_tests)
set_tests_properties(nft_kernel PROPERTIES LABELS integration SKIP_RETURN_CODE 77)

# core::KernelRuleset's deltas against the kernel (root; its own network namespace).
add_executable(fwctl_core_kernel_tests ${CMAKE_CURRENT_LIST_DIR}/core_kernel_test.cpp)
target_link_libraries(fwctl_core_kernel_tests PRIVATE fwctl_core fwctl_nft fwctl_compiler
                      fwctl_config fwctl_model fwctl_common GTest::gtest)
target_compile_definitions(fwctl_core_kernel_tests PRIVATE FWCTL_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
fwctl_warnings(fwctl_core_kernel_tests)
add_test(NAME core_kernel COMMAND fwctl_core_kernel_tests)
set_tests_properties(core_kernel PROPERTIES LABELS integration SKIP_RETURN_CODE 77)
