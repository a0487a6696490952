# Sourced by the tests of fwctld's firewalld.conf properties (daemon_firewalld2x*.sh), after
# daemon_lib.sh: the properties of /org/fedoraproject/FirewallD1/config through busctl, and the
# file they are written to.
config=/org/fedoraproject/FirewallD1/config
config_property() {  # config_property INTERFACE get|set NAME [VALUE]: busctl's output or error
  local itf=$1 op=$2 name=$3
  if [ "$op" = get ]; then
    busctl --system get-property org.fedoraproject.FirewallD1 "$config" "$itf" "$name" 2>&1
  else
    busctl --system set-property org.fedoraproject.FirewallD1 "$config" "$itf" "$name" s "$4" 2>&1
  fi
}
prop() { config_property org.fwctl.Config1 "$@"; }  # fwctl's own, the 2.x keys
old() { config_property org.fedoraproject.FirewallD1.config "$@"; }  # firewalld 1.3.3's
# refused NAME VALUE [INTERFACE]: busctl's words when fwctld refuses VALUE with INVALID_VALUE.
refused() {
  echo "Failed to set property $1 on interface ${3:-org.fwctl.Config1}:" \
    "INVALID_VALUE: '$2' for $1"
}
conf_key() { grep "^$1=" "$work/etc/firewalld.conf" || echo "(no $1 line)"; }
