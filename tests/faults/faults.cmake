# Issue 14, fault injection (label `faults`; root, each in a network namespace of its own with a
# private bus; exit 77, skipped, without root or a tool): what fwctld does when the kernel, the
# disk, the bus or a client fails under it. Each asserts that nothing is lost or half-applied.
set(fwctl_faults_dir ${CMAKE_CURRENT_LIST_DIR})
function(fwctl_fault_test name script timeout)
  add_test(NAME ${name}
           COMMAND ${fwctl_faults_dir}/${script} $<TARGET_FILE:fwctld> ${CMAKE_SOURCE_DIR}
                   $<TARGET_FILE:fwctl>)
  set_tests_properties(${name} PROPERTIES LABELS faults SKIP_RETURN_CODE 77 TIMEOUT ${timeout})
endfunction()

# The kernel refuses a change; `nft flush ruleset` by another program; an interface goes away.
fwctl_fault_test(faults_kernel kernel.sh 120)
# The disk full, then read-only, under permanent changes (tmpfs in a mount namespace).
fwctl_fault_test(faults_disk disk.sh 120)
# SIGKILL at every system call of a save (strace -e inject): the file is the old or the new one.
fwctl_fault_test(faults_kill_save kill_save.sh 180)
# Clients gone mid-call; the bus gone (fwctld exits, the ruleset stays) and back.
fwctl_fault_test(faults_bus bus.sh 120)
# Hostile input: names and values on D-Bus (hostile.py, hostile.expected), 100,000-element
# requests (hostile_big.py), entities, external DTDs, invalid UTF-8, deep nesting, a 20 MB file.
fwctl_fault_test(faults_hostile hostile.sh 120)
# Load: 50 clients, 20,000 runtime changes with reloads; state, kernel and changes agree; then
# 2,500 with reloads at any moment: state and kernel agree (about a minute).
fwctl_fault_test(faults_load load.sh 240)
# Access: all 352 methods as nobody, without polkit (all refused) and with a polkit stand-in
# (served and refused exactly as by firewalld 1.3.3: access.expected).
fwctl_fault_test(faults_access access.sh 120)
# No window: a stream to a refused port through reloads, SIGKILL restarts and a failed start
# (none arrives), then through the opened port (it arrives).
fwctl_fault_test(faults_no_window no_window.sh 120)
