#include "config/lockdown_whitelist_xml.hpp"

#include <algorithm>

#include "common/lists.hpp"
#include "config/item_reader.hpp"
#include "config/xml_source.hpp"
#include "config/xml_writer.hpp"
#include "model/python_int.hpp"

namespace fwctl::config {
namespace {

const ElementRules kWhitelistRules = {
    {"whitelist", {}, {}},
    {"command", {"name"}, {}},
    {"user", {}, {"id", "name"}},
    {"selinux", {"context"}, {}},
};

// firewalld's lockdown_whitelist_ContentHandler: each entry goes through add_command, add_uid,
// add_user or add_context, which refuse an invalid entry and a duplicate.
class WhitelistReader final : public XmlHandler {
 public:
  WhitelistReader(WhitelistFile& out, const std::string& file) : out_(out), file_(file) {}

  Status start_element(const XmlElement& e) override {
    if (Status st = check_element_attributes(kWhitelistRules, e); !st) return located(st, e);
    if (e.name == "whitelist") {
      if (in_whitelist_) return located(fail(Code::PARSE_ERROR, "More than one whitelist."), e);
      in_whitelist_ = true;
      return ok();
    }
    if (!in_whitelist_) {
      out_.warnings.push_back(
          Error{Code::PARSE_ERROR, e.name + " outside of whitelist", file_, e.line});
      return ok();
    }
    auto& w = out_.whitelist;
    if (e.name == "command") {
      return add(e, w.commands, *e.find("name"), model::valid_command, Code::INVALID_COMMAND,
                 "Command");
    }
    if (e.name == "selinux") {
      return add(e, w.contexts, *e.find("context"), model::valid_context, Code::INVALID_CONTEXT,
                 "Context");
    }
    if (const std::string* id = e.find("id")) return add_uid(e, *id);
    if (const std::string* name = e.find("name")) {
      return add(e, w.users, *name, model::valid_user, Code::INVALID_USER, "User");
    }
    return ok();
  }

  Status end_element(const XmlElement&) override { return ok(); }
  void characters(std::string_view) override {}

 private:
  template <typename T, typename Valid>
  Status add(const XmlElement& e, std::vector<T>& list, const T& value, Valid valid, Code invalid,
             const char* what) {
    std::string text;
    if constexpr (std::is_same_v<T, std::string>) {
      text = value;
    } else {
      text = std::to_string(value);
    }
    if (!valid(value)) return located(fail(invalid, text), e);
    if (contains(list, value)) {
      return located(
          fail(Code::ALREADY_ENABLED, std::string(what) + " \"" + text + "\" already in whitelist"),
          e);
    }
    list.push_back(value);
    return ok();
  }

  Status add_uid(const XmlElement& e, const std::string& id) {
    auto uid = model::parse_python_int(id, model::PythonIntBase::Decimal);
    if (!uid) {
      out_.warnings.push_back(Error{Code::INVALID_UID, id + " is not a valid uid", file_, e.line});
      return ok();
    }
    if (!model::valid_uid(static_cast<int64_t>(*uid))) {
      return located(fail(Code::INVALID_UID, id), e);
    }
    return add(
        e, out_.whitelist.uids, static_cast<int32_t>(*uid), [](int32_t) { return true; },
        Code::INVALID_UID, "Uid");
  }

  Status located(Status st, const XmlElement& e) const {
    if (st) return st;
    Error error = st.error();
    error.file = file_;
    error.line = e.line;
    return Unexpected{std::move(error)};
  }

  WhitelistFile& out_;
  const std::string& file_;
  bool in_whitelist_ = false;
};

constexpr XmlKind kWhitelist{Code::INVALID_TYPE, "lockdown-whitelist"};

}  // namespace

WhitelistFile parse_lockdown_whitelist(std::string_view xml, const std::string& file) {
  WhitelistFile out;
  WhitelistReader reader(out, file);
  Status st = walk_xml(xml, file, kWhitelist, reader);
  if (!st) out.error = without_kind(st.error(), kWhitelist);
  return out;
}

std::string format_lockdown_whitelist(const model::LockdownWhitelist& whitelist) {
  XmlWriter w;
  w.start("whitelist");
  w.raw("\n");
  for (const auto& command : whitelist.commands) w.empty_line(2, "command", {{"name", command}});
  std::vector<std::string> uids;
  for (int32_t uid : whitelist.uids) uids.push_back(std::to_string(uid));
  for (const auto& uid : uids) w.empty_line(2, "user", {{"id", uid}});
  for (const auto& user : whitelist.users) w.empty_line(2, "user", {{"name", user}});
  for (const auto& context : whitelist.contexts) {
    w.empty_line(2, "selinux", {{"context", context}});
  }
  w.end("whitelist");
  w.raw("\n");
  return w.take();
}

}  // namespace fwctl::config
