#include "core/native_ipsets.hpp"

namespace fwctl::core {
namespace {

// firewalld's set_restore input: create (keeping an existing set), flush, one add per entry.
std::string restore_input(const std::string& name, const model::IpSet& set) {
  std::string out = "create " + name + " " + set.type;
  for (const auto& [key, value] : set.options) {
    out += " " + key;
    if (!value.empty()) out += " " + value;
  }
  out += " -exist\nflush " + name + "\n";
  for (const auto& entry : set.entries) out += "add " + name + " " + entry + "\n";
  return out;
}

std::string joined(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& a : args) out += " " + a;
  return out;
}

}  // namespace

Status NativeIpsets::run(const std::vector<std::string>& args, const std::string& input) {
  CommandOutput out = runner_->run(kCommand, args, input);
  // runProg's answer for a program that cannot be started.
  if (out.status == 255 && out.output.empty()) {
    missing_ = true;
    return ok();
  }
  if (out.status == 0) return ok();
  return fail(Code::COMMAND_FAILED,
              "'" + std::string(kCommand) + joined(args) + "' failed: " + out.output);
}

Status NativeIpsets::create(const std::string& name, const model::IpSet& set) {
  if (!runner_ || missing_) return ok();
  (void)run({"destroy", name});  // there may be none, or one an iptables rule still uses
  if (missing_) return ok();
  if (Status st = run({"restore"}, restore_input(name, set)); !st) return st;
  if (!missing_) created_.insert(name);
  return ok();
}

Status NativeIpsets::add(const std::string& name, const std::string& entry) {
  if (!runner_ || !created(name)) return ok();
  return run({"add", name, entry});
}

Status NativeIpsets::remove(const std::string& name, const std::string& entry) {
  if (!runner_ || !created(name)) return ok();
  return run({"del", name, entry});
}

void NativeIpsets::destroy(const std::vector<std::string>& names, std::vector<Error>& warnings) {
  for (const auto& name : names) {
    if (!runner_ || !created(name)) continue;
    if (Status st = run({"destroy", name}); !st) warnings.push_back(st.error());
    created_.erase(name);
  }
}

void NativeIpsets::destroy_all(std::vector<Error>& warnings) {
  destroy(std::vector<std::string>(created_.begin(), created_.end()), warnings);
}

}  // namespace fwctl::core
