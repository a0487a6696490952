#!/usr/bin/env python3
"""Create the broken-configuration cases under tests/data/broken/<case>/.

Each case is a directory shaped like a firewalld *system-config* directory (what /etc/firewalld is):
<case>/zones/*.xml, <case>/services/*.xml, <case>/policies/*.xml, <case>/ipsets/*.xml,
<case>/icmptypes/*.xml, <case>/helpers/*.xml, <case>/firewalld.conf.
The *default-config* (what /usr/lib/firewalld is) is Debian's firewalld 1.3.3 stock tree.
One problem per case.  Cases named ok-* are valid controls.  Every case except ok-no-conf also gets
a valid two-line firewalld.conf (DefaultZone=public, FirewallBackend=nftables) unless the case is
about it.
Usage: make_cases.py [BROKEN_DIR]   (default: the parent directory of this script)
"""
import os, sys, shutil

HDR = '<?xml version="1.0" encoding="utf-8"?>\n'

def zone(body, attrs=""):
    return HDR + "<zone%s>\n%s</zone>\n" % (attrs, body)

def policy(body, attrs=' target="CONTINUE"'):
    return HDR + "<policy%s>\n%s</policy>\n" % (attrs, body)

def service(body, attrs=""):
    return HDR + "<service%s>\n%s</service>\n" % (attrs, body)

def ipset(body, type_="hash:ip"):
    return HDR + '<ipset type="%s">\n%s</ipset>\n' % (type_, body)

def icmptype(body):
    return HDR + "<icmptype>\n%s</icmptype>\n" % body

def helper(body, attrs=' module="nf_conntrack_ftp"'):
    return HDR + "<helper%s>\n%s</helper>\n" % (attrs, body)

def rule(inner, attrs=' family="ipv4"'):
    return "  <rule%s>\n%s  </rule>\n" % (attrs, "".join("    %s\n" % l for l in inner))

CONF_OK = "DefaultZone=public\nFirewallBackend=nftables\n"
SSH = '<service name="ssh"/>'
PUBLIC_TO_HOST = '  <ingress-zone name="public"/>\n  <egress-zone name="HOST"/>\n'

# case name -> (one-line description, {relative path: content})
CASES = {
  # ---- controls ----
  "ok-minimal": ("valid control: only firewalld.conf (stock /usr/lib config otherwise)", {}),
  "ok-no-conf": ("valid control: completely empty system-config dir, no firewalld.conf "
                 "(fallback settings)", {".keep": ""}),
  "ok-zone": ("valid control: a correct zone using most elements", {
      "zones/foo.xml": zone('  <short>Foo</short>\n  <service name="ssh"/>\n'
                            '  <port port="80" protocol="tcp"/>\n'
                            '  <port port="1000-2000" protocol="udp"/>\n  <protocol value="gre"/>\n'
                            '  <interface name="eth0"/>\n  <source address="192.0.2.0/24"/>\n'
                            + rule(['<source address="10.0.0.0/8"/>', '<service name="http"/>',
                                    '<log prefix="p" level="info"><limit value="1/m"/></log>',
                                    '<accept/>'])
                            + '  <forward/>\n')}),
  # ---- zones ----
  "bad-port": ("zone port number out of range", {
      "zones/foo.xml": zone('  <port port="99999" protocol="tcp"/>\n')}),
  "bad-port-range": ("zone port range with start > end (firewalld swaps it)", {
      "zones/foo.xml": zone('  <port port="2000-1000" protocol="tcp"/>\n')}),
  "bad-port-range-big": ("zone port range whose end is out of range", {
      "zones/foo.xml": zone('  <port port="1000-70000" protocol="tcp"/>\n')}),
  "bad-port-range-syntax": ("zone port with three dash-separated numbers", {
      "zones/foo.xml": zone('  <port port="10-20-30" protocol="tcp"/>\n')}),
  "bad-port-zero": ("zone port 0", {
      "zones/foo.xml": zone('  <port port="0" protocol="tcp"/>\n')}),
  "bad-port-empty": ("zone port attribute empty", {
      "zones/foo.xml": zone('  <port port="" protocol="tcp"/>\n')}),
  "bad-port-name": ("zone port that is neither a number nor a known service name", {
      "zones/foo.xml": zone('  <port port="nosuchportname" protocol="tcp"/>\n')}),
  "bad-port-protocol": ("zone port with protocol other than tcp/udp/sctp/dccp", {
      "zones/foo.xml": zone('  <port port="80" protocol="icmp"/>\n')}),
  "bad-protocol": ("zone protocol unknown", {
      "zones/foo.xml": zone('  <protocol value="notaprotocol"/>\n')}),
  "bad-source-port": ("zone source-port out of range", {
      "zones/foo.xml": zone('  <source-port port="70000" protocol="udp"/>\n')}),
  "bad-address": ("zone source address invalid IPv4", {
      "zones/foo.xml": zone('  <source address="300.1.2.3"/>\n')}),
  "bad-address-v6": ("zone source address invalid IPv6", {
      "zones/foo.xml": zone('  <source address="2001:db8:::1/64"/>\n')}),
  "bad-address-mask": ("zone source address with invalid prefix length", {
      "zones/foo.xml": zone('  <source address="192.0.2.0/33"/>\n')}),
  "bad-mac": ("zone source MAC with a non-hex digit", {
      "zones/foo.xml": zone('  <source address="00:11:22:33:44:GG"/>\n')}),
  "bad-source-both": ("zone source with both address and ipset", {
      "ipsets/s.xml": ipset(""),
      "zones/foo.xml": zone('  <source address="192.0.2.1" ipset="s"/>\n')}),
  "bad-source-ipset-unknown": ("zone source ipset that does not exist", {
      "zones/foo.xml": zone('  <source ipset="nosuchipset"/>\n')}),
  "bad-interface": ("zone interface name longer than 16 chars", {
      "zones/foo.xml": zone('  <interface name="averyveryverylongname0"/>\n')}),
  "bad-interface-char": ("zone interface name containing a slash", {
      "zones/foo.xml": zone('  <interface name="eth0/1"/>\n')}),
  "dup-interface": ("same interface bound to two zones", {
      "zones/foo.xml": zone('  <interface name="eth7"/>\n'),
      "zones/bar.xml": zone('  <interface name="eth7"/>\n')}),
  "dup-source": ("same source bound to two zones", {
      "zones/foo.xml": zone('  <source address="192.0.2.0/24"/>\n'),
      "zones/bar.xml": zone('  <source address="192.0.2.0/24"/>\n')}),
  "bad-zone-target": ("zone target not in default/ACCEPT/DROP/%%REJECT%%", {
      "zones/foo.xml": zone("", ' target="REJECT"')}),
  "bad-zone-target-lower": ("zone target in lower case", {
      "zones/foo.xml": zone("", ' target="accept"')}),
  "zone-priority-attr": ("zone ingress-priority attribute "
                         "(firewalld >= 2.0 syntax, not known to 1.3.3)", {
      "zones/foo.xml": zone("", ' ingress-priority="10"')}),
  "unknown-service": ("zone references a service that does not exist", {
      "zones/foo.xml": zone('  <service name="nosuchservice"/>\n')}),
  "unknown-icmptype": ("zone icmp-block names an icmptype that does not exist", {
      "zones/foo.xml": zone('  <icmp-block name="nosuchicmp"/>\n')}),
  "bad-forward-port-noto": ("zone forward-port without to-port and to-addr", {
      "zones/foo.xml": zone('  <forward-port port="80" protocol="tcp"/>\n')}),
  "bad-forward-port-toaddr": ("zone forward-port with invalid to-addr", {
      "zones/foo.xml": zone('  <forward-port port="80" protocol="tcp" to-addr="192.0.2.300"/>\n')}),
  "bad-zone-name-long": ("zone file name longer than 17 characters", {
      "zones/abcdefghijklmnopqr.xml": zone("")}),
  "bad-zone-name-char": ("zone file name with an invalid character", {
      "zones/foo@bar.xml": zone("")}),
  "zone-policy-name-clash": ("zone and policy with the same name", {
      "zones/same.xml": zone(""),
      "policies/same.xml": policy(PUBLIC_TO_HOST)}),
  # ---- rich rules ----
  "rich-unknown-element": ("rich rule containing an unknown element", {
      "zones/foo.xml": zone(rule(['<service name="ssh"/>', '<bogus/>', '<accept/>']))}),
  "rich-bad-family": ("rich rule family not ipv4/ipv6", {
      "zones/foo.xml": zone(rule(['<service name="ssh"/>', '<accept/>'], ' family="ipv5"'))}),
  "rich-bad-log-level": ("rich rule log level unknown", {
      "zones/foo.xml": zone(rule(['<service name="ssh"/>', '<log level="loud"/>', '<accept/>']))}),
  "rich-bad-limit": ("rich rule limit with unknown unit", {
      "zones/foo.xml": zone(rule([SSH, '<accept><limit value="5/fortnight"/></accept>']))}),
  "rich-bad-limit-rate": ("rich rule limit with rate 0", {
      "zones/foo.xml": zone(rule([SSH, '<log><limit value="0/s"/></log>', '<accept/>']))}),
  "rich-bad-reject-type": ("rich rule reject type unknown", {
      "zones/foo.xml": zone(rule(['<service name="ssh"/>', '<reject type="icmp-bogus"/>']))}),
  "rich-reject-type-nofamily": ("rich rule reject with type but no family", {
      "zones/foo.xml": zone(rule([SSH, '<reject type="icmp-host-prohibited"/>'], ''))}),
  "rich-bad-address": ("rich rule source address invalid for family ipv4", {
      "zones/foo.xml": zone(rule(['<source address="2001:db8::1"/>', '<accept/>']))}),
  "rich-address-nofamily": ("rich rule source address without family", {
      "zones/foo.xml": zone(rule(['<source address="192.0.2.1"/>', '<accept/>'], ''))}),
  "rich-bad-mac": ("rich rule source mac invalid", {
      "zones/foo.xml": zone(rule(['<source mac="00:11:22:33:44"/>', '<accept/>'], ''))}),
  "rich-no-action": ("rich rule with source only: no element, no action, no log", {
      "zones/foo.xml": zone(rule(['<source address="192.0.2.1"/>']))}),
  "rich-no-element": ("rich rule with action only: no element, no source, no destination", {
      "zones/foo.xml": zone(rule(['<accept/>']))}),
  "rich-two-actions": ("rich rule with two actions", {
      "zones/foo.xml": zone(rule(['<service name="ssh"/>', '<accept/>', '<drop/>']))}),
  "rich-bad-priority": ("rich rule priority out of range", {
      "zones/foo.xml": zone(rule([SSH, '<accept/>'], ' family="ipv4" priority="40000"'))}),
  "rich-bad-mark": ("rich rule mark with non-numeric value", {
      "zones/foo.xml": zone(rule(['<service name="ssh"/>', '<mark set="0xZZ"/>']))}),
  "rich-bad-nflog-group": ("rich rule nflog group out of range", {
      "zones/foo.xml": zone(rule([SSH, '<nflog group="70000"/>', '<accept/>']))}),
  "rich-unknown-service": ("rich rule service that does not exist", {
      "zones/foo.xml": zone(rule(['<service name="nosuchservice"/>', '<accept/>']))}),
  "rich-audit-no-action": ("rich rule audit without accept/reject/drop", {
      "zones/foo.xml": zone(rule(['<service name="ssh"/>', '<audit/>']))}),
  "rich-masquerade-action": ("rich rule masquerade together with an action", {
      "zones/foo.xml": zone(rule(['<source address="192.0.2.0/24"/>', '<masquerade/>',
                                  '<accept/>']))}),
  "rich-unknown-icmptype": ("rich rule icmp-block naming an icmptype that does not exist", {
      "zones/foo.xml": zone(rule(['<icmp-block name="nosuchicmp"/>']))}),
  "rich-icmptype-family-conflict": ("rich rule family ipv4 with an ipv6-only icmptype", {
      "zones/foo.xml": zone(rule(['<icmp-type name="neighbour-solicitation"/>', '<accept/>']))}),
  "rich-bad-port": ("rich rule port out of range", {
      "zones/foo.xml": zone(rule(['<port port="65536" protocol="tcp"/>', '<accept/>']))}),
  "rich-unknown-ipset": ("rich rule source ipset that does not exist", {
      "zones/foo.xml": zone(rule(['<source ipset="nosuchipset"/>', '<accept/>']))}),
  # ---- services ----
  "service-bad-port": ("service port out of range", {
      "services/foo.xml": service('  <port port="65536" protocol="tcp"/>\n')}),
  "service-bad-protocol": ("service protocol unknown", {
      "services/foo.xml": service('  <protocol value="notaprotocol"/>\n')}),
  "service-bad-destination": ("service ipv4 destination holding an IPv6 address", {
      "services/foo.xml": service('  <destination ipv4="2001:db8::1"/>\n')}),
  "service-unknown-include": ("service includes a service that does not exist", {
      "services/foo.xml": service('  <include service="nosuchservice"/>\n')}),
  "service-unknown-helper": ("service references a helper that does not exist", {
      "services/foo.xml": service('  <helper name="nosuchhelper"/>\n')}),
  # ---- ipsets ----
  "ipset-bad-type": ("ipset type unknown", {
      "ipsets/foo.xml": ipset("", "hash:foo")}),
  "ipset-missing-type": ("ipset without type attribute", {
      "ipsets/foo.xml": HDR + "<ipset>\n</ipset>\n"}),
  "ipset-bad-option": ("ipset option name unknown", {
      "ipsets/foo.xml": ipset('  <option name="bogus" value="1"/>\n')}),
  "ipset-bad-option-value": ("ipset maxelem not an integer", {
      "ipsets/foo.xml": ipset('  <option name="maxelem" value="lots"/>\n')}),
  "ipset-bad-family": ("ipset family option not inet/inet6", {
      "ipsets/foo.xml": ipset('  <option name="family" value="inet7"/>\n')}),
  "ipset-entry-mismatch": ("hash:ip ipset holding a MAC entry", {
      "ipsets/foo.xml": ipset('  <entry>00:11:22:33:44:55</entry>\n')}),
  "ipset-entry-family": ("inet6 hash:ip ipset holding an IPv4 entry", {
      "ipsets/foo.xml": ipset('  <option name="family" value="inet6"/>\n'
                              '  <entry>192.0.2.1</entry>\n')}),
  "ipset-entry-mac-type": ("hash:mac ipset holding an IP entry", {
      "ipsets/foo.xml": ipset('  <entry>192.0.2.1</entry>\n', "hash:mac")}),
  "ipset-timeout-entries": ("ipset with timeout option and permanent entries", {
      "ipsets/foo.xml": ipset('  <option name="timeout" value="60"/>\n'
                              '  <entry>192.0.2.1</entry>\n')}),
  # ---- icmptypes ----
  "icmptype-bad-destination": ("icmptype destination attribute other than ipv4/ipv6", {
      "icmptypes/foo.xml": icmptype('  <destination ipv5="yes"/>\n')}),
  "icmptype-bad-destination-value": ("icmptype destination ipv4 with value other than yes/no", {
      "icmptypes/foo.xml": icmptype('  <destination ipv4="maybe"/>\n')}),
  # ---- helpers ----
  "helper-bad-module": ("helper module not starting with nf_conntrack_", {
      "helpers/foo.xml": helper('  <port port="21" protocol="tcp"/>\n', ' module="ftp"')}),
  "helper-missing-module": ("helper without module attribute", {
      "helpers/foo.xml": helper('  <port port="21" protocol="tcp"/>\n', '')}),
  "helper-bad-family": ("helper family not ipv4/ipv6", {
      "helpers/foo.xml": helper('  <port port="21" protocol="tcp"/>\n',
                                ' module="nf_conntrack_ftp" family="ipv5"')}),
  "helper-bad-port": ("helper port out of range", {
      "helpers/foo.xml": helper('  <port port="99999" protocol="tcp"/>\n')}),
  # ---- policies ----
  "policy-bad-priority": ("policy priority out of range", {
      "policies/foo.xml": policy(PUBLIC_TO_HOST, ' priority="40000" target="CONTINUE"')}),
  "policy-reserved-priority": ("policy priority 0 (reserved)", {
      "policies/foo.xml": policy(PUBLIC_TO_HOST, ' priority="0" target="CONTINUE"')}),
  "policy-nonnumeric-priority": ("policy priority not an integer", {
      "policies/foo.xml": policy(PUBLIC_TO_HOST, ' priority="high" target="CONTINUE"')}),
  "policy-unknown-ingress-zone": ("policy ingress zone that does not exist", {
      "policies/foo.xml": policy('  <ingress-zone name="nosuchzone"/>\n'
                                 '  <egress-zone name="HOST"/>\n')}),
  "policy-unknown-egress-zone": ("policy egress zone that does not exist", {
      "policies/foo.xml": policy('  <ingress-zone name="public"/>\n'
                                 '  <egress-zone name="nosuchzone"/>\n')}),
  "policy-host-both": ("policy with HOST as both ingress and egress zone", {
      "policies/foo.xml": policy('  <ingress-zone name="HOST"/>\n  <egress-zone name="HOST"/>\n')}),
  "policy-any-and-zone": ("policy mixing ANY with a regular ingress zone", {
      "policies/foo.xml": policy('  <ingress-zone name="ANY"/>\n' + PUBLIC_TO_HOST)}),
  "policy-bad-target": ("policy target %%REJECT%% (zone-only spelling)", {
      "policies/foo.xml": policy(PUBLIC_TO_HOST, ' target="%%REJECT%%"')}),
  "policy-masquerade-host": ("policy masquerade with egress zone HOST", {
      "policies/foo.xml": policy('  <masquerade/>\n' + PUBLIC_TO_HOST)}),
  "policy-missing-target": ("policy element without target attribute", {
      "policies/foo.xml": policy(PUBLIC_TO_HOST, '')}),
  # ---- generic XML problems ----
  "malformed-xml": ("zone file that is not well-formed XML (unclosed tag)", {
      "zones/foo.xml": HDR + '<zone>\n  <service name="ssh">\n</zone>\n'}),
  "empty-file": ("zero-byte zone file", {
      "zones/foo.xml": ""}),
  "wrong-root": ("zone file whose root element is <service>", {
      "zones/foo.xml": service('  <port port="80" protocol="tcp"/>\n')}),
  "unknown-element": ("zone with an unknown top-level element", {
      "zones/foo.xml": zone('  <bogus/>\n')}),
  "unknown-attribute": ("zone service element with an unexpected attribute", {
      "zones/foo.xml": zone('  <service name="ssh" foo="bar"/>\n')}),
  "missing-attribute": ("zone port element without protocol attribute", {
      "zones/foo.xml": zone('  <port port="80"/>\n')}),
  "service-missing-attribute": ("service port element without port attribute", {
      "services/foo.xml": service('  <port protocol="tcp"/>\n')}),
  # ---- firewalld.conf ----
  "conf-unknown-default-zone": ("firewalld.conf DefaultZone naming a zone that does not exist", {
      "firewalld.conf": "DefaultZone=nosuchzone\nFirewallBackend=nftables\n"}),
  "conf-bad-logdenied": ("firewalld.conf LogDenied with an invalid value", {
      "firewalld.conf": CONF_OK + "LogDenied=sometimes\n"}),
  "conf-bad-backend": ("firewalld.conf FirewallBackend with an invalid value", {
      "firewalld.conf": "DefaultZone=public\nFirewallBackend=pf\n"}),
  "conf-bad-bool": ("firewalld.conf CleanupOnExit with a non-boolean value", {
      "firewalld.conf": CONF_OK + "CleanupOnExit=maybe\n"}),
  "conf-unknown-key": ("firewalld.conf with an unknown key", {
      "firewalld.conf": CONF_OK + "NoSuchKey=1\n"}),
  "conf-no-equals": ("firewalld.conf line without '='", {
      "firewalld.conf": CONF_OK + "JustSomeText\n"}),
  "conf-duplicate-key": ("firewalld.conf with DefaultZone given twice", {
      "firewalld.conf": CONF_OK + "DefaultZone=block\n"}),
}

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(here)
    for name, (desc, files) in CASES.items():
        d = os.path.join(top, name)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        files = dict(files)
        if "firewalld.conf" not in files and name != "ok-no-conf":
            files["firewalld.conf"] = CONF_OK
        for rel, content in files.items():
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as f:
                f.write(content)
    # machine-readable list: case<TAB>description
    with open(os.path.join(top, "tools", "cases.tsv"), "w") as f:
        for name, (desc, files) in CASES.items():
            rel = sorted(k for k in files if k != ".keep")
            f.write("%s\t%s\t%s\n" % (name, ",".join(rel) or "-", desc))

if __name__ == "__main__":
    main()
