#pragma once
// What differs between the six kinds of permanent items, for core::Permanent's templates: where
// they live in model::Config and on disk, firewalld's words and codes for them, their own check.

#include <string>

#include "common/result.hpp"
#include "model/config.hpp"
#include "model/validate.hpp"

namespace fwctl::core {

template <typename T>
struct Kind;

template <>
struct Kind<model::Zone> {
  static constexpr auto member = &model::Config::zones;
  static constexpr const char* dir = "zones";
  static constexpr const char* noun = "zone";
  static constexpr const char* new_fn = "new_zone";
  static constexpr Code unknown = Code::INVALID_ZONE;
  static constexpr Code builtin = Code::BUILTIN_ZONE;
  static Status check(const model::Zone& item) { return model::check_zone(item); }
};

template <>
struct Kind<model::Service> {
  static constexpr auto member = &model::Config::services;
  static constexpr const char* dir = "services";
  static constexpr const char* noun = "service";
  static constexpr const char* new_fn = "new_service";
  static constexpr Code unknown = Code::INVALID_SERVICE;
  static constexpr Code builtin = Code::BUILTIN_SERVICE;
  static Status check(const model::Service& item) { return model::check_service(item); }
};

template <>
struct Kind<model::Policy> {
  static constexpr auto member = &model::Config::policies;
  static constexpr const char* dir = "policies";
  static constexpr const char* noun = "policy";
  static constexpr const char* new_fn = "new_policy_object";
  static constexpr Code unknown = Code::INVALID_POLICY;
  // firewalld 1.3.3 raises errors.BUILTIN_POLICY, which its errors module lacks: the caller gets
  // the AttributeError's text. UNKNOWN_ERROR is the closest code fwctl has.
  static constexpr Code builtin = Code::UNKNOWN_ERROR;
  static Status check(const model::Policy& item) { return model::check_policy(item); }
};

template <>
struct Kind<model::IpSet> {
  static constexpr auto member = &model::Config::ipsets;
  static constexpr const char* dir = "ipsets";
  static constexpr const char* noun = "ipset";
  static constexpr const char* new_fn = "new_ipset";
  static constexpr Code unknown = Code::INVALID_IPSET;
  static constexpr Code builtin = Code::BUILTIN_IPSET;
  static Status check(const model::IpSet& item) { return model::check_ipset(item); }
};

template <>
struct Kind<model::IcmpType> {
  static constexpr auto member = &model::Config::icmptypes;
  static constexpr const char* dir = "icmptypes";
  static constexpr const char* noun = "icmptype";
  static constexpr const char* new_fn = "new_icmptype";
  static constexpr Code unknown = Code::INVALID_ICMPTYPE;
  static constexpr Code builtin = Code::BUILTIN_ICMPTYPE;
  static Status check(const model::IcmpType& item) { return model::check_icmptype(item); }
};

template <>
struct Kind<model::Helper> {
  static constexpr auto member = &model::Config::helpers;
  static constexpr const char* dir = "helpers";
  static constexpr const char* noun = "helper";
  static constexpr const char* new_fn = "new_helper";
  static constexpr Code unknown = Code::INVALID_HELPER;
  static constexpr Code builtin = Code::BUILTIN_HELPER;
  static Status check(const model::Helper& item) { return model::check_helper(item); }
};

// The detail of the refusal to remove or rename a built-in item.
template <typename T>
std::string builtin_detail(const std::string& name) {
  if constexpr (std::is_same_v<T, model::Policy>) {
    (void)name;
    return "module 'firewall.errors' has no attribute 'BUILTIN_POLICY'";
  } else {
    return "'" + name + "' is built-in " + Kind<T>::noun;
  }
}

}  // namespace fwctl::core
