// --permanent: the configuration objects under /org/fedoraproject/FirewallD1/config.
#include <algorithm>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "info_format.hpp"
#include "permanent_edits.hpp"
#include "settings_dbus.hpp"
#include "show.hpp"
#include "values.hpp"

namespace fwctl::cli {

void run_direct(Session& s, bool permanent);
void run_whitelist(Session& s, bool permanent);
bool new_from_file(Session& s);

namespace {

using proxy::FirewallD1_config_helper;
using proxy::FirewallD1_config_icmptype;
using proxy::FirewallD1_config_ipset;
using proxy::FirewallD1_config_policy;
using proxy::FirewallD1_config_service;
using proxy::FirewallD1_config_zone;

}  // namespace

IPSetSettings new_ipset_settings(Session& s) {
  if (!s.a.t("type")) s.fail_usage("No type specified.");
  if (s.a.str("type") == "hash:mac" && s.a.t("family"))
    s.fail_usage("--family is not compatible with the hash:mac type");
  IPSetSettings st;
  st.type = s.a.str("type");
  for (const auto& opt : s.a.list("option")) {
    auto kv = s.c.call([&] { return parse_ipset_option(opt); });
    st.options.push_back(kv);
  }
  if (s.a.t("family")) st.options.emplace_back("family", s.a.str("family"));
  return st;
}

HelperSettings new_helper_settings(Session& s) {
  if (!s.a.t("module")) s.fail_usage("No module specified.");
  HelperSettings st;
  st.module = s.a.str("module");
  if (s.a.t("family")) st.family = s.a.str("family");
  return st;
}

void Session::permanent() {
  auto& cfg = bus().config();
  auto path_of = [&](const std::string& object, const std::string& interface) {
    auto dir = bus().property(object, interface, "path").get<std::string>();
    auto file = bus().property(object, interface, "filename").get<std::string>();
    return dir + "/" + file;
  };
  const std::string ns = "org.fedoraproject.FirewallD1.config.";
  // ipsets
  if (a.t("get_ipsets")) print_list(c.call([&] { return cfg.getIPSetNames(); }));
  if (a.t("new_ipset")) {
    IPSetSettings st = new_ipset_settings(*this);
    return void(c.call([&] { cfg.addIPSet(a.str("new_ipset"), encode_ipset(st)); }));
  }
  auto object = [&](auto getter, const std::string& name) {
    return c.call([&] { return (cfg.*getter)(name); });
  };
  if (a.t("delete_ipset"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_ipset>(
              object(&proxy::FirewallD1_config::getIPSetByName, a.str("delete_ipset")))
          ->remove();
    }));
  if (a.t("load_ipset_defaults"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_ipset>(
              object(&proxy::FirewallD1_config::getIPSetByName, a.str("load_ipset_defaults")))
          ->loadDefaults();
    }));
  if (a.t("info_ipset")) {
    auto name = a.str("info_ipset");
    auto path = object(&proxy::FirewallD1_config::getIPSetByName, name);
    show_ipset(p, name, decode_ipset(c.call([&] {
                 return bus().object<FirewallD1_config_ipset>(path)->getSettings();
               })));
    throw Exit{0};
  }
  if (a.t("path_ipset"))
    p.and_exit(c.call([&] {
      return path_of(object(&proxy::FirewallD1_config::getIPSetByName, a.str("path_ipset")),
                     ns + "ipset");
    }));
  if (a.t("ipset")) {
    auto obj = bus().object<FirewallD1_config_ipset>(
        object(&proxy::FirewallD1_config::getIPSetByName, a.str("ipset")));
    IPSetSettings st = decode_ipset(c.call([&] { return obj->getSettings(); }));
    return permanent_ipset(*this, st, [&] { c.call([&] { obj->update(encode_ipset(st)); }); });
  }
  // zones
  if (a.t("get_zones")) print_list(c.call([&] { return cfg.getZoneNames(); }));
  if (a.t("new_zone")) {
    ZoneSettings st;
    st.target = "default";
    return void(c.call([&] { cfg.addZone2(a.str("new_zone"), encode_zone(st)); }));
  }
  if (new_from_file(*this)) return;
  if (a.t("delete_zone"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_zone>(
              object(&proxy::FirewallD1_config::getZoneByName, a.str("delete_zone")))
          ->remove();
    }));
  if (a.t("load_zone_defaults"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_zone>(
              object(&proxy::FirewallD1_config::getZoneByName, a.str("load_zone_defaults")))
          ->loadDefaults();
    }));
  if (a.t("info_zone")) {
    auto name = a.str("info_zone");
    auto path = object(&proxy::FirewallD1_config::getZoneByName, name);
    show_zone(p, name, decode_zone(c.call([&] {
                return bus().object<FirewallD1_config_zone>(path)->getSettings2();
              })));
    throw Exit{0};
  }
  if (a.t("path_zone"))
    p.and_exit(c.call([&] {
      return path_of(object(&proxy::FirewallD1_config::getZoneByName, a.str("path_zone")),
                     ns + "zone");
    }));
  // policies
  if (a.t("get_policies")) print_list(c.call([&] { return cfg.getPolicyNames(); }));
  if (a.t("new_policy")) {
    ZoneSettings st;
    st.target = "CONTINUE";
    return void(c.call([&] { cfg.addPolicy(a.str("new_policy"), encode_policy(st, false)); }));
  }
  if (a.t("delete_policy"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_policy>(
              object(&proxy::FirewallD1_config::getPolicyByName, a.str("delete_policy")))
          ->remove();
    }));
  if (a.t("load_policy_defaults"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_policy>(
              object(&proxy::FirewallD1_config::getPolicyByName, a.str("load_policy_defaults")))
          ->loadDefaults();
    }));
  if (a.t("info_policy")) {
    auto name = a.str("info_policy");
    auto path = object(&proxy::FirewallD1_config::getPolicyByName, name);
    show_policy(p, name, decode_policy(c.call([&] {
                  return bus().object<FirewallD1_config_policy>(path)->getSettings();
                })));
    throw Exit{0};
  }
  if (a.t("path_policy"))
    p.and_exit(c.call([&] {
      return path_of(object(&proxy::FirewallD1_config::getPolicyByName, a.str("path_policy")),
                     ns + "policy");
    }));
  // services
  if (a.t("get_services")) print_list(c.call([&] { return cfg.getServiceNames(); }));
  if (a.t("new_service"))
    return void(c.call([&] { cfg.addService2(a.str("new_service"), encode_service({})); }));
  if (a.t("delete_service"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_service>(
              object(&proxy::FirewallD1_config::getServiceByName, a.str("delete_service")))
          ->remove();
    }));
  if (a.t("load_service_defaults"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_service>(
              object(&proxy::FirewallD1_config::getServiceByName, a.str("load_service_defaults")))
          ->loadDefaults();
    }));
  if (a.t("info_service")) {
    auto name = a.str("info_service");
    auto path = object(&proxy::FirewallD1_config::getServiceByName, name);
    show_service(p, name, decode_service(c.call([&] {
                   return bus().object<FirewallD1_config_service>(path)->getSettings2();
                 })));
    throw Exit{0};
  }
  if (a.t("path_service"))
    p.and_exit(c.call([&] {
      return path_of(object(&proxy::FirewallD1_config::getServiceByName, a.str("path_service")),
                     ns + "service");
    }));
  // helpers
  if (a.t("get_helpers")) print_list(c.call([&] { return cfg.getHelperNames(); }));
  if (a.t("new_helper")) {
    HelperSettings st = new_helper_settings(*this);
    return void(c.call([&] { cfg.addHelper(a.str("new_helper"), encode_helper(st)); }));
  }
  if (a.t("delete_helper"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_helper>(
              object(&proxy::FirewallD1_config::getHelperByName, a.str("delete_helper")))
          ->remove();
    }));
  if (a.t("load_helper_defaults"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_helper>(
              object(&proxy::FirewallD1_config::getHelperByName, a.str("load_helper_defaults")))
          ->loadDefaults();
    }));
  if (a.t("info_helper")) {
    auto name = a.str("info_helper");
    auto path = object(&proxy::FirewallD1_config::getHelperByName, name);
    show_helper(p, name, decode_helper(c.call([&] {
                  return bus().object<FirewallD1_config_helper>(path)->getSettings();
                })));
    throw Exit{0};
  }
  if (a.t("path_helper"))
    p.and_exit(c.call([&] {
      return path_of(object(&proxy::FirewallD1_config::getHelperByName, a.str("path_helper")),
                     ns + "helper");
    }));
  if (a.t("helper")) {
    auto obj = bus().object<FirewallD1_config_helper>(
        object(&proxy::FirewallD1_config::getHelperByName, a.str("helper")));
    HelperSettings st = decode_helper(c.call([&] { return obj->getSettings(); }));
    return permanent_helper(
        *this, st, [&] { c.call([&] { obj->update(encode_helper(st)); }); },
        [&] { return port_pairs(c.call([&] { return obj->getPorts(); })); });
  }
  // icmptypes
  if (a.t("get_icmptypes")) print_list(c.call([&] { return cfg.getIcmpTypeNames(); }));
  if (a.t("new_icmptype"))
    return void(c.call([&] { cfg.addIcmpType(a.str("new_icmptype"), encode_icmptype({})); }));
  if (a.t("delete_icmptype"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_icmptype>(
              object(&proxy::FirewallD1_config::getIcmpTypeByName, a.str("delete_icmptype")))
          ->remove();
    }));
  if (a.t("load_icmptype_defaults"))
    return void(c.call([&] {
      bus()
          .object<FirewallD1_config_icmptype>(
              object(&proxy::FirewallD1_config::getIcmpTypeByName, a.str("load_icmptype_defaults")))
          ->loadDefaults();
    }));
  if (a.t("info_icmptype")) {
    auto name = a.str("info_icmptype");
    auto path = object(&proxy::FirewallD1_config::getIcmpTypeByName, name);
    show_icmptype(p, name, decode_icmptype(c.call([&] {
                    return bus().object<FirewallD1_config_icmptype>(path)->getSettings();
                  })));
    throw Exit{0};
  }
  if (a.t("path_icmptype"))
    p.and_exit(c.call([&] {
      return path_of(object(&proxy::FirewallD1_config::getIcmpTypeByName, a.str("path_icmptype")),
                     ns + "icmptype");
    }));
  if (a.t("icmptype")) {
    auto obj = bus().object<FirewallD1_config_icmptype>(
        object(&proxy::FirewallD1_config::getIcmpTypeByName, a.str("icmptype")));
    IcmpTypeSettings st = decode_icmptype(c.call([&] { return obj->getSettings(); }));
    return permanent_icmptype(*this, st,
                              [&] { c.call([&] { obj->update(encode_icmptype(st)); }); });
  }
  if (a.t("service")) {
    auto obj = bus().object<FirewallD1_config_service>(
        object(&proxy::FirewallD1_config::getServiceByName, a.str("service")));
    ServiceSettings st = decode_service(c.call([&] { return obj->getSettings2(); }));
    return permanent_service(*this, st, [&] { c.call([&] { obj->update2(encode_service(st)); }); });
  }
  if (f.lockdown_whitelist) return run_whitelist(*this, true);
  if (f.direct) return run_direct(*this, true);
  if (a.t("list_all_policies")) {
    for (const auto& name : sorted(c.call([&] { return cfg.getPolicyNames(); }))) {
      auto path = object(&proxy::FirewallD1_config::getPolicyByName, name);
      show_policy(p, name, decode_policy(c.call([&] {
                    return bus().object<FirewallD1_config_policy>(path)->getSettings();
                  })));
      p.msg("");
    }
    throw Exit{0};
  }
  if (a.t("policy")) {
    auto path = object(&proxy::FirewallD1_config::getPolicyByName, a.str("policy"));
    auto obj = bus().object<FirewallD1_config_policy>(path);
    ZoneSettings st = decode_policy(c.call([&] { return obj->getSettings(); }));
    edit_policy(*this, st, true);
    return void(c.call([&] { obj->update(encode_policy(st, false)); }));
  }
  permanent_zone();
}
}  // namespace fwctl::cli
