#include "config/direct_xml.hpp"

#include "config/item_reader.hpp"
#include "config/xml_source.hpp"
#include "config/xml_writer.hpp"
#include "model/python_int.hpp"

namespace fwctl::config {
namespace {

const ElementRules kDirectRules = {
    {"direct", {}, {}},
    {"chain", {"ipv", "table", "chain"}, {}},
    {"rule", {"ipv", "table", "chain", "priority"}, {}},
    {"passthrough", {"ipv"}, {}},
};

// firewalld's Direct reader (direct_ContentHandler), feeding a DirectConfig.
class DirectReader final : public XmlHandler {
 public:
  DirectReader(DirectFile& out, const std::string& file) : out_(out), file_(file) {}

  Status start_element(const XmlElement& e) override {
    text_.clear();
    if (Status st = check_element_attributes(kDirectRules, e); !st) return located(st, e);
    if (e.name == "direct") {
      if (in_direct_) return located(fail(Code::PARSE_ERROR, "More than one direct tag."), e);
      in_direct_ = true;
      return ok();
    }
    if (!in_direct_) {
      warn(e, Code::PARSE_ERROR, e.name + " outside of direct");
      return ok();
    }
    if (e.name == "chain") return add_chain(e);
    if (e.name == "rule") return start_rule(e);
    pending_ = Pending::Passthrough;
    ipv_ = *e.find("ipv");
    return ok();
  }

  Status end_element(const XmlElement& e) override {
    if (e.name != "rule" && e.name != "passthrough") return ok();
    Pending pending = pending_;
    pending_ = Pending::None;
    if (pending == Pending::None) return ok();
    if (text_.empty()) {
      warn(e, Code::PARSE_ERROR, e.name + " does not have any arguments, ignoring.");
      return ok();
    }
    auto args = model::split_args(text_);
    if (!args) return located(Status{args}, e);
    if (pending == Pending::Rule) {
      rule_.args = std::move(*args);
      if (Status st = model::check_ipv_table(rule_.ipv, rule_.table); !st) return located(st, e);
      if (!out_.config.add(rule_)) warn(e, Code::ALREADY_ENABLED, "rule already in list, ignoring");
      return ok();
    }
    model::DirectPassthrough passthrough{ipv_, std::move(*args)};
    if (Status st = model::check_ipv(ipv_); !st) return located(st, e);
    if (!out_.config.add(passthrough)) {
      warn(e, Code::ALREADY_ENABLED, "passthrough already in list, ignoring");
    }
    return ok();
  }

  // firewalld turns newlines of the text into spaces.
  void characters(std::string_view text) override {
    for (char c : text) text_ += c == '\n' ? ' ' : c;
  }

 private:
  enum class Pending { None, Rule, Passthrough };

  Status add_chain(const XmlElement& e) {
    model::DirectChain chain{*e.find("ipv"), *e.find("table"), *e.find("chain")};
    if (Status st = model::check_ipv_table(chain.ipv, chain.table); !st) return located(st, e);
    if (!out_.config.add(chain)) warn(e, Code::ALREADY_ENABLED, "chain already in list, ignoring");
    return ok();
  }

  Status start_rule(const XmlElement& e) {
    const std::string& ipv = *e.find("ipv");
    if (ipv != "ipv4" && ipv != "ipv6" && ipv != "eb") {
      return located(fail(Code::INVALID_IPV, "'" + ipv + "' not from {'ipv4'|'ipv6'|'eb'}"), e);
    }
    auto priority = model::parse_python_int(*e.find("priority"), model::PythonIntBase::Decimal);
    if (!priority || *priority < INT32_MIN || *priority > INT32_MAX) {
      warn(e, Code::INVALID_PRIORITY, *e.find("priority") + " is not a valid priority");
      return ok();
    }
    rule_ = {ipv, *e.find("table"), *e.find("chain"), static_cast<int>(*priority), {}};
    pending_ = Pending::Rule;
    return ok();
  }

  Status located(Status st, const XmlElement& e) const {
    if (st) return st;
    Error error = st.error();
    error.file = file_;
    error.line = e.line;
    return Unexpected{std::move(error)};
  }

  void warn(const XmlElement& e, Code code, std::string detail) {
    out_.warnings.push_back(Error{code, std::move(detail), file_, e.line});
  }

  DirectFile& out_;
  const std::string& file_;
  bool in_direct_ = false;
  Pending pending_ = Pending::None;
  model::DirectRule rule_;
  std::string ipv_;
  std::string text_;
};

constexpr XmlKind kDirect{Code::INVALID_TYPE, "direct"};

}  // namespace

DirectFile parse_direct(std::string_view xml, const std::string& file) {
  DirectFile out;
  DirectReader reader(out, file);
  Status st = walk_xml(xml, file, kDirect, reader);
  if (!st) out.error = without_kind(st.error(), kDirect);
  return out;
}

std::string format_direct(const model::DirectConfig& config) {
  XmlWriter w;
  w.start("direct");
  w.raw("\n");
  for (const auto& c : config.chains) {
    w.empty_line(2, "chain", {{"ipv", c.ipv}, {"table", c.table}, {"chain", c.chain}});
  }
  for (const auto& r : config.rules) {
    if (r.args.empty()) continue;
    std::string priority = std::to_string(r.priority);
    w.raw("  ");
    w.start("rule",
            {{"ipv", r.ipv}, {"table", r.table}, {"chain", r.chain}, {"priority", priority}});
    w.raw(xml_escape(model::join_args(r.args)));
    w.end("rule");
    w.raw("\n");
  }
  for (const auto& p : config.passthroughs) {
    if (p.args.empty()) continue;
    w.raw("  ");
    w.start("passthrough", {{"ipv", p.ipv}});
    w.raw(xml_escape(model::join_args(p.args)));
    w.end("passthrough");
    w.raw("\n");
  }
  w.end("direct");
  w.raw("\n");
  return w.take();
}

}  // namespace fwctl::config
