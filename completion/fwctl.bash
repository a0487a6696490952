# bash completion for fwctl.
# The option lists are fwctl's option tables (cli/options.cpp, and cli/offline_cmd_options.cpp
# for a line with --offline); cli/completion_test.cpp fails when they drift apart. Zones,
# policies, services, ipsets, icmptypes and helpers are completed
# from the running daemon (`fwctl --get-zones` ...), with --permanent when the line has it.

_fwctl_flags="
  --verbose --quiet --help --version --state --reload --complete-reload --runtime-to-permanent
  --reset-to-defaults --check-config --get-ipset-types --get-log-denied --get-automatic-helpers
  --panic-on --panic-off --query-panic --lockdown-on --lockdown-off --query-lockdown
  --get-default-zone --get-zones --get-policies --get-services --get-icmptypes
  --get-active-zones --get-active-policies --list-all-zones --list-all-policies
  --list-lockdown-whitelist-commands --list-lockdown-whitelist-contexts
  --list-lockdown-whitelist-uids --list-lockdown-whitelist-users --permanent --list-interfaces
  --list-sources --list-ingress-zones --list-egress-zones --add-forward --remove-forward
  --query-forward --add-masquerade --remove-masquerade --query-masquerade
  --add-icmp-block-inversion --remove-icmp-block-inversion --query-icmp-block-inversion
  --list-rich-rules --list-services --list-ports --list-protocols --list-icmp-blocks
  --list-forward-ports --list-source-ports --list-all --get-target --get-priority
  --get-ingress-priority
  --get-egress-priority --add-disable --remove-disable --query-disable --get-ipsets
  --get-entries --get-destinations --get-ports --get-source-ports --get-protocols --get-modules
  --get-service-helpers --get-includes --get-destination --get-description --get-short
  --get-helpers --get-module --get-family --direct --get-all-passthroughs --get-all-chains
  --get-all-rules --offline --json --explain --counters --zero-counters
"
_fwctl_value_options="
  --why --confirm --trace --count --set-log-denied --set-automatic-helpers --set-default-zone
  --get-zone-of-interface --get-zone-of-source --info-zone --info-policy --info-service
  --info-icmptype --info-ipset
  --info-helper --new-icmptype --new-icmptype-from-file --delete-icmptype
  --load-icmptype-defaults --new-service --new-service-from-file --delete-service
  --load-service-defaults --new-zone --new-zone-from-file --delete-zone --load-zone-defaults
  --new-policy --new-policy-from-file --delete-policy --load-policy-defaults --new-ipset
  --new-ipset-from-file --delete-ipset --load-ipset-defaults --new-helper --new-helper-from-file
  --delete-helper --load-helper-defaults --path-zone --path-policy --path-service
  --path-icmptype --path-ipset --path-helper --name --add-lockdown-whitelist-command
  --remove-lockdown-whitelist-command --query-lockdown-whitelist-command
  --add-lockdown-whitelist-context --remove-lockdown-whitelist-context
  --query-lockdown-whitelist-context --add-lockdown-whitelist-uid
  --remove-lockdown-whitelist-uid --query-lockdown-whitelist-uid --add-lockdown-whitelist-user
  --remove-lockdown-whitelist-user --query-lockdown-whitelist-user --zone --policy --timeout
  --add-interface --remove-interface --query-interface --change-interface --change-zone
  --add-source --remove-source --query-source --change-source --add-ingress-zone
  --remove-ingress-zone --query-ingress-zone --add-egress-zone --remove-egress-zone
  --query-egress-zone --add-rich-rule --remove-rich-rule --query-rich-rule --add-service
  --remove-service --query-service --add-port --remove-port --query-port --add-protocol
  --remove-protocol --query-protocol --add-source-port --remove-source-port --query-source-port
  --add-icmp-block --remove-icmp-block --query-icmp-block --add-forward-port
  --remove-forward-port --query-forward-port --set-target --set-priority
  --set-ingress-priority --set-egress-priority --policy-set --option --type --ipset
  --add-entry --remove-entry --query-entry --add-entries-from-file --remove-entries-from-file
  --icmptype --add-destination --remove-destination --query-destination --service --add-module
  --remove-module --query-module --add-helper --remove-helper --query-helper --add-include
  --remove-include --query-include --set-destination --set-description --set-short --helper
  --family --module --set-module --set-family --passthrough --add-passthrough --remove-passthrough
  --query-passthrough --get-passthroughs --add-chain --remove-chain --query-chain --get-chains
  --add-rule --remove-rule --remove-rules --query-rule --get-rules --default-config
  --system-config
"
# fwctl --offline (and fwctl as firewall-offline-cmd): firewall-offline-cmd's option table
# (cli/offline_cmd_options.cpp).
_fwctl_offline_flags="
  --verbose --quiet --enabled --disabled --check-config --help --version --get-log-denied
  --get-automatic-helpers --policy-server --policy-desktop --lockdown-on --lockdown-off
  --query-lockdown --reset-to-defaults --get-default-zone --get-zones --get-policies
  --get-services --get-icmptypes --list-all-zones --list-all-policies
  --list-lockdown-whitelist-commands --list-lockdown-whitelist-contexts
  --list-lockdown-whitelist-uids --list-lockdown-whitelist-users --list-interfaces
  --list-sources --list-ingress-zones --list-egress-zones --add-forward --remove-forward
  --query-forward --add-masquerade --remove-masquerade --query-masquerade
  --add-icmp-block-inversion --remove-icmp-block-inversion --query-icmp-block-inversion
  --list-rich-rules --list-services --list-ports --list-protocols --list-icmp-blocks
  --list-forward-ports --list-source-ports --list-all --get-target --get-priority
  --get-ingress-priority
  --get-egress-priority --add-disable --remove-disable --query-disable --get-ipsets
  --get-entries --get-destinations --get-ports --get-source-ports --get-protocols --get-modules
  --get-service-helpers --get-includes --get-destination --get-description --get-short
  --get-helpers --get-module --get-family --direct --get-all-passthroughs --get-all-chains
  --get-all-rules --offline --json
"
_fwctl_offline_value_options="
  --addmodule --removemodule --service --remove-service --port --trust --masq --custom-rules
  --forward-port --block-icmp --system-config --default-config --set-log-denied
  --set-automatic-helpers --set-default-zone --get-zone-of-interface --get-zone-of-source
  --info-zone --info-policy --info-service --info-icmptype --info-ipset --info-helper
  --new-icmptype --new-icmptype-from-file --delete-icmptype --load-icmptype-defaults
  --new-service --new-service-from-file --delete-service --load-service-defaults --new-zone
  --new-zone-from-file --delete-zone --load-zone-defaults --new-policy --new-policy-from-file
  --delete-policy --load-policy-defaults --new-ipset --new-ipset-from-file --delete-ipset
  --load-ipset-defaults --new-helper --new-helper-from-file --delete-helper
  --load-helper-defaults --path-zone --path-policy --path-service --path-icmptype --path-ipset
  --path-helper --name --add-lockdown-whitelist-command --remove-lockdown-whitelist-command
  --query-lockdown-whitelist-command --add-lockdown-whitelist-context
  --remove-lockdown-whitelist-context --query-lockdown-whitelist-context
  --add-lockdown-whitelist-uid --remove-lockdown-whitelist-uid --query-lockdown-whitelist-uid
  --add-lockdown-whitelist-user --remove-lockdown-whitelist-user --query-lockdown-whitelist-user
  --zone --policy --add-interface --remove-interface --query-interface --change-interface
  --change-zone --add-source --remove-source --query-source --change-source --add-ingress-zone
  --remove-ingress-zone --query-ingress-zone --add-egress-zone --remove-egress-zone
  --query-egress-zone --add-rich-rule --remove-rich-rule --query-rich-rule --add-service
  --remove-service-from-zone --remove-service-from-policy --query-service --add-port
  --remove-port --query-port --add-protocol --remove-protocol --query-protocol --add-source-port
  --remove-source-port --query-source-port --add-icmp-block --remove-icmp-block
  --query-icmp-block --add-forward-port --remove-forward-port --query-forward-port --set-target
  --set-priority --set-ingress-priority --set-egress-priority --policy-set --option --type
  --ipset --add-entry --remove-entry --query-entry
  --add-entries-from-file --remove-entries-from-file --icmptype --add-destination
  --remove-destination --query-destination --add-module --remove-module --query-module
  --add-helper --remove-helper --query-helper --add-include --remove-include --query-include
  --set-destination --set-description --set-short --helper --family --module --set-module
  --set-family --add-passthrough --remove-passthrough --query-passthrough --get-passthroughs
  --add-chain --remove-chain --query-chain --get-chains --add-rule --remove-rule --remove-rules
  --query-rule --get-rules
"

# Names of one kind from the daemon: zones, policies, services, ipsets, icmptypes, helpers.
_fwctl_names() {
  local permanent=
  [[ " ${COMP_WORDS[*]} " == *" --permanent "* ]] && permanent=--permanent
  _fwctl_offline && permanent=--offline
  "${COMP_WORDS[0]}" $permanent "--get-$1" 2>/dev/null
}

# Whether the line is firewall-offline-cmd's: it has --offline.
_fwctl_offline() {
  [[ " ${COMP_WORDS[*]} " == *" --offline "* ]]
}

# What an option's value is: the kind of name to complete, or nothing.
_fwctl_value_kind() {
  case "$1" in
    --zone|--*-zone|--set-default-zone) echo zones ;;
    --policy|--*-policy|--policy-set) echo policies ;;
    --service|--*-service) echo services ;;
    --ipset|--*-ipset) echo ipsets ;;
    --icmptype|--*-icmptype|--*-icmp-block) echo icmptypes ;;
    --helper|--*-helper) echo helpers ;;
    --set-log-denied) echo "all unicast broadcast multicast off" ;;
    --set-automatic-helpers) echo "yes no system" ;;
    --target|--set-target) echo "default ACCEPT DROP REJECT CONTINUE %%REJECT%%" ;;
    --confirm) echo "30s 1m 5m" ;;
  esac
}

_fwctl_complete_value() {
  local option=$1 cur=$2 kind words
  kind=$(_fwctl_value_kind "$option")
  case "$option" in
    --*-from-file|--path-*|--default-config|--system-config|--*-entries-from-file)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
  esac
  case "$kind" in
    zones|policies|services|ipsets|icmptypes|helpers) words=$(_fwctl_names "$kind") ;;
    *) words=$kind ;;
  esac
  mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}

_fwctl() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  # "--zone=pub": bash splits at '=' (COMP_WORDBREAKS), so the option is one or two words back.
  if [[ $cur == "=" ]]; then
    _fwctl_complete_value "$prev" ""; return
  fi
  if [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
    _fwctl_complete_value "${COMP_WORDS[COMP_CWORD - 2]}" "$cur"; return
  fi
  if [[ $cur == --*=* ]]; then  # COMP_WORDBREAKS without '='
    local option=${cur%%=*}
    _fwctl_complete_value "$option" "${cur#*=}"
    COMPREPLY=("${COMPREPLY[@]/#/$option=}"); return
  fi
  local flag_list=$_fwctl_flags value_list=$_fwctl_value_options
  if _fwctl_offline; then
    flag_list=$_fwctl_offline_flags value_list=$_fwctl_offline_value_options
  fi
  if [[ $cur == -* ]]; then
    local flags values
    mapfile -t flags < <(compgen -W "$flag_list" -- "$cur")
    mapfile -t values < <(compgen -W "$value_list" -S "=" -- "$cur")
    COMPREPLY=("${flags[@]}" "${values[@]}")
    # "--zone=" wants its value right after the '='.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
      compopt -o nospace 2>/dev/null
    fi
    return
  fi
  if [[ " $value_list " == *[[:space:]]"$prev"[[:space:]]* ]]; then
    _fwctl_complete_value "$prev" "$cur"
  fi
}

# Only fwctl: firewalld's package completes firewall-cmd itself.
complete -F _fwctl fwctl
