#!/usr/bin/env bash
# What firewalld accepts on D-Bus, fwctld accepts (issue 12): daemon_argument_forms.py sends
# methods their arguments in the forms firewalld's dbus-python server takes though they differ
# from the IDL's signature (other integer widths, variants, settings as an array of variants as
# docker sends config.addZone), and forms firewalld refuses, and prints each answer or error.
#
#   daemon_argument_forms.sh FWCTLD SOURCE_DIR
#
# daemon_argument_forms.expected is what the script printed against firewalld 1.3.3 (Debian 12,
# `fw-sandbox start ref firewalld`, then the script with the sandbox's DBUS_SYSTEM_BUS_ADDRESS),
# except the lines fwctld deliberately words differently, listed in docs/clients.md.
# Exits 77 (skipped) when not root or when a tool is missing.
source "$(dirname "$0")/daemon_lib.sh" "$@"
export LC_ALL=C.UTF-8

daemon_start
check "answers to every argument form" \
  "$(cat "$src/tests/integration/daemon_argument_forms.expected")" \
  "$(/usr/bin/python3 "$src/tests/integration/daemon_argument_forms.py" 2>&1)"
daemon_stop
finish
