# Imported by the python-dbus drivers of the integration tests (daemon_argument_forms.py,
# daemon_config_item_members.py), which print what fwctld answers to compare it with what
# firewalld 1.3.3 answered.
import re

import dbus


def plain(value):
    """A D-Bus value as Python prints the plain value (no dbus.String(...) wrappers); an object
    path's trailing number is N, so the output does not depend on numbering."""
    if isinstance(value, (dbus.Array, list)):
        return [plain(v) for v in value]
    if isinstance(value, (dbus.Struct, tuple)):
        return tuple(plain(v) for v in value)
    if isinstance(value, (dbus.Dictionary, dict)):
        return {plain(k): plain(v) for k, v in sorted(value.items())}
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, dbus.ObjectPath):
        return re.sub(r"/\d+$", "/N", str(value))
    if isinstance(value, dbus.String):
        return str(value)
    return value
