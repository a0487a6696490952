// parse_rich_rule(): firewalld 1.3.3's rich-rule reader, token by token.
//
// firewalld reads tokens with a stack of open elements. An element stays open while the
// following tokens are its attributes (or `not`, or a `limit`); the first token that is not
// closes it and is read again one level up. Attribute values collected for an element live in a
// single map that is cleared only when such an element closes, which lets a `limit` given
// directly after `rule` or after an element carry over to the next log or action that closes
// (`rule limit value="1/m" service name="ssh" accept` limits the accept). Accepting and
// rejecting exactly the same texts, with the same messages, is the point, so this reader
// follows that procedure rather than a grammar.

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "common/lists.hpp"
#include "common/utf8.hpp"
#include "model/python_int.hpp"
#include "model/rich_rule.hpp"
#include "model/rich_rule_check.hpp"
#include "model/rich_rule_lexer.hpp"
#include "model/rich_rule_printer.hpp"

namespace fwctl::model {
namespace {

constexpr std::string_view kAttributes[] = {
    "priority", "family",     "address", "mac",     "ipset", "invert", "value",
    "port",     "protocol",   "to-port", "to-addr", "name",  "group",  "prefix",
    "level",    "queue-size", "type",    "set",     "burst"};
constexpr std::string_view kElements[] = {
    "rule",       "source",    "destination", "protocol",     "service",      "port",
    "icmp-block", "icmp-type", "masquerade",  "forward-port", "source-port",  "log",
    "nflog",      "audit",     "accept",      "drop",         "reject",       "mark",
    "limit",      "not",       "NOT",         "EOL",          "tcp-mss-clamp"};
// The elements that refuse a second match element. firewalld leaves tcp-mss-clamp out, so a
// tcp-mss-clamp may follow (and replace) another element, but nothing may follow it.
constexpr std::string_view kMatchElements[] = {"protocol",     "service",    "port",
                                               "icmp-block",   "icmp-type",  "masquerade",
                                               "forward-port", "source-port"};
constexpr std::string_view kActions[] = {"accept", "drop", "reject", "mark"};

// An element that collects attributes until a token that is not one of them closes it.
struct Collector {
  std::string_view element;
  std::array<std::string_view, 4> attributes;  // empty entries unused
  bool takes_limit;                            // `limit …` inside is its limit
  bool takes_not;                              // `not`/`NOT` inside inverts it
};

constexpr std::array<Collector, 14> kCollectors = {{
    {"source", {"address", "mac", "ipset", "invert"}, false, true},
    {"destination", {"address", "ipset", "invert"}, false, true},
    {"tcp-mss-clamp", {"value"}, false, false},
    {"port", {"port", "protocol"}, false, false},
    {"masquerade", {}, false, false},
    {"forward-port", {"port", "protocol", "to-port", "to-addr"}, false, false},
    {"source-port", {"port", "protocol"}, false, false},
    {"log", {"prefix", "level"}, true, false},
    {"nflog", {"group", "prefix", "queue-size"}, true, false},
    {"audit", {}, true, false},
    {"accept", {}, true, false},
    {"drop", {}, true, false},
    {"reject", {"type"}, true, false},
    {"mark", {"set"}, true, false},
}};

// An element that takes exactly one attribute and closes with it.
struct SingleAttribute {
  std::string_view element;
  std::string_view attribute;
};

constexpr std::array<SingleAttribute, 4> kSingles = {
    {{"protocol", "value"}, {"service", "name"}, {"icmp-block", "name"}, {"icmp-type", "name"}}};

template <typename List>
auto find_element(const List& list, std::string_view element) -> decltype(&list[0]) {
  for (const auto& entry : list) {
    if (entry.element == element) return &entry;
  }
  return nullptr;
}

// What the reader does after a token: go on with the next, or read the same token again in the
// enclosing element.
enum class Next { Advance, Reread };

class Parser {
 public:
  explicit Parser(std::vector<RichToken> tokens) : tokens_(std::move(tokens)) {}

  Result<RichRule> parse();

 private:
  bool done() const;
  Status check_token(const RichToken& token) const;
  Result<Next> step(const RichToken& token);
  Status start(const RichToken& token);
  Status in_rule(const RichToken& token);
  Status in_single(const SingleAttribute& single, const RichToken& token);
  Result<Next> in_limit(const RichToken& token);
  Result<Next> in_collector(const Collector& collector, const RichToken& token);
  Status close(std::string_view element);
  Status close_address(std::string_view element);
  void close_match(std::string_view element);
  void close_log(std::string_view element);
  void close_action(std::string_view element);
  std::string attr(const std::string& name) const;

  std::vector<RichToken> tokens_;
  std::size_t index_ = 0;
  std::vector<std::string> open_;                   // the stack of open elements
  std::map<std::string, std::string> attrs_;        // attributes collected so far
  std::map<std::string, std::string> limit_attrs_;  // of the open `limit`
  std::optional<RichLimit> limit_;                  // the pending `limit`, part of the same map
  RichRule rule_;
};

bool Parser::done() const {
  return tokens_[index_].element == kRichEol && open_.size() == 1 && open_[0] == "rule";
}

Result<RichRule> Parser::parse() {
  if (tokens_.front().element == kRichEol) return fail(Code::INVALID_RULE, "empty rule");
  while (true) {
    // firewalld runs off the end of its token list when an element it has no handler for
    // (`not` outside source/destination, a nested `rule`) swallows the end marker.
    if (index_ >= tokens_.size()) return fail(Code::UNKNOWN_ERROR, "list index out of range");
    if (done()) break;
    const RichToken& token = tokens_[index_];
    if (auto s = check_token(token); !s) return s;
    auto next = step(token);
    if (!next) return next;
    if (*next == Next::Advance) ++index_;
  }
  rule_ = normalize_rich_rule(std::move(rule_));
  if (auto s = check_rich_rule(rule_, RichRuleOrigin::Parsed); !s) return s;
  return rule_;
}

// Checks made on every token before it is interpreted: known names, and no second source,
// destination, match element, log, audit or action once one is complete.
Status Parser::check_token(const RichToken& token) const {
  if (token.is_attribute()) {
    if (contains(kAttributes, token.name)) return ok();
    return fail(Code::INVALID_RULE, "bad attribute '" + token.name + "'");
  }
  const std::string& e = token.element;
  if (!contains(kElements, e)) return fail(Code::INVALID_RULE, "unknown element " + e);
  if (e == "source" && rule_.source) {
    return fail(Code::INVALID_RULE, "more than one 'source' element");
  }
  if (e == "destination" && rule_.destination) {
    return fail(Code::INVALID_RULE, "more than one 'destination' element");
  }
  if (contains(kMatchElements, e) && rule_.element) {
    return fail(Code::INVALID_RULE, "more than one element. There cannot be both '" + e +
                                        "' and '" + to_string(*rule_.element) + "' in one rule.");
  }
  if ((e == "log" || e == "nflog") && rule_.log) {
    return fail(Code::INVALID_RULE, "more than one logging element");
  }
  if (e == "audit" && rule_.audit) return fail(Code::INVALID_RULE, "more than one 'audit' element");
  if (contains(kActions, e) && rule_.action) {
    return fail(Code::INVALID_RULE, "more than one 'action' element. There cannot be both '" + e +
                                        "' and '" + to_string(*rule_.action) + "' in one rule.");
  }
  return ok();
}

Result<Next> Parser::step(const RichToken& token) {
  Status status = ok();
  if (open_.empty()) {
    status = start(token);
  } else if (open_.back() == "rule") {
    status = in_rule(token);
  } else if (open_.back() == "limit") {
    return in_limit(token);
  } else if (const auto* single = find_element(kSingles, open_.back())) {
    status = in_single(*single, token);
  } else if (const auto* collector = find_element(kCollectors, open_.back())) {
    return in_collector(*collector, token);
  }
  // Any other open element (`not`, `NOT`, `EOL`) has no handler: its tokens are skipped.
  if (!status) return status;
  return Next::Advance;
}

Status Parser::start(const RichToken& token) {
  if (token.is_attribute()) {
    if (token.name == "family") {
      return fail(Code::INVALID_RULE, "'family' outside of rule. Use 'rule family=...'.");
    }
    if (token.name == "priority") {
      return fail(Code::INVALID_RULE, "'priority' outside of rule. Use 'rule priority=...'.");
    }
    return fail(Code::INVALID_RULE, "'" + token.name + "' outside of any element. Use 'rule " +
                                        "<element> " + token.name + "= ...'.");
  }
  if (token.element != "rule") {
    return fail(Code::INVALID_RULE, "'" + token.element + "' outside of rule. Use 'rule ... " +
                                        token.element + " ...'.");
  }
  open_.push_back("rule");
  return ok();
}

Status Parser::in_rule(const RichToken& token) {
  if (!token.is_attribute()) {
    open_.push_back(token.element);
    return ok();
  }
  const std::string& value = token.value;
  if (token.name == "family") {
    if (value != "ipv4" && value != "ipv6") {
      return fail(Code::INVALID_RULE, "'family' attribute cannot have '" + value +
                                          "' value. Use 'ipv4' or 'ipv6' instead.");
    }
    rule_.family = value;
    return ok();
  }
  if (token.name == "priority") {
    auto priority = parse_python_int(value, PythonIntBase::Decimal);
    if (!priority) {
      return fail(Code::INVALID_PRIORITY, "invalid 'priority' attribute value '" + value + "'.");
    }
    // Clamped just outside the valid range, so that the range check still reports it.
    rule_.priority = static_cast<int>(std::clamp(*priority, -32769.0L, 32768.0L));
    return ok();
  }
  if (token.name == "protocol") {
    return fail(Code::INVALID_RULE,
                "wrong 'protocol' usage. Use either 'rule protocol value=...' or  "
                "'rule [forward-]port protocol=...'.");
  }
  return fail(Code::INVALID_RULE, "attribute '" + token.name + "' outside of any element. Use " +
                                      "'rule <element> " + token.name + "= ...'.");
}

Status Parser::in_single(const SingleAttribute& single, const RichToken& token) {
  if (token.name != single.attribute) {
    return fail(Code::INVALID_RULE, "invalid '" + std::string(single.element) + "' element");
  }
  if (single.element == "protocol") {
    rule_.element = RichProtocol{token.value};
  } else if (single.element == "service") {
    rule_.element = RichService{token.value};
  } else if (single.element == "icmp-block") {
    rule_.element = RichIcmpBlock{token.value};
  } else {
    rule_.element = RichIcmpType{token.value};
  }
  open_.pop_back();
  return ok();
}

// `limit value=… [burst=…]`, the two in any order (firewalld 2.2); the first other token closes
// the limit and is read again by the element around it.
Result<Next> Parser::in_limit(const RichToken& token) {
  if (token.is_attribute() && (token.name == "value" || token.name == "burst")) {
    limit_attrs_[token.name] = token.value;
    return Next::Advance;
  }
  auto value = limit_attrs_.find("value");
  if (value == limit_attrs_.end()) return fail(Code::INVALID_RULE, "invalid 'limit' element");
  auto burst = limit_attrs_.find("burst");
  limit_ = make_rich_limit(value->second, burst == limit_attrs_.end() ? "" : burst->second);
  limit_attrs_.clear();
  open_.pop_back();
  return Next::Reread;
}

Result<Next> Parser::in_collector(const Collector& collector, const RichToken& token) {
  if (token.is_attribute() && contains(collector.attributes, token.name)) {
    attrs_[token.name] = token.value;
    return Next::Advance;
  }
  if (collector.takes_not && (token.element == "not" || token.element == "NOT")) {
    attrs_["invert"] = "True";
    return Next::Advance;
  }
  if (collector.takes_limit && token.element == "limit") {
    open_.push_back("limit");
    return Next::Advance;
  }
  if (auto s = close(collector.element); !s) return s;
  open_.pop_back();
  attrs_.clear();
  limit_.reset();
  return Next::Reread;
}

std::string Parser::attr(const std::string& name) const {
  auto it = attrs_.find(name);
  return it == attrs_.end() ? std::string() : it->second;
}

Status Parser::close(std::string_view element) {
  if (element == "source" || element == "destination") return close_address(element);
  if (element == "log" || element == "nflog") {
    close_log(element);
  } else if (contains(kActions, element) || element == "audit") {
    close_action(element);
  } else {
    close_match(element);
  }
  return ok();
}

Status Parser::close_address(std::string_view element) {
  bool invert = attrs_.count("invert") > 0;
  if (element == "source") {
    RichSource source{attr("address"), attr("mac"), attr("ipset"), invert};
    if (source.address.empty() && source.mac.empty() && source.ipset.empty()) {
      return fail(Code::INVALID_RULE, "no address, mac and ipset");
    }
    rule_.source = source;
    return ok();
  }
  RichDestination destination{attr("address"), attr("ipset"), invert};
  if (destination.address.empty() && destination.ipset.empty()) {
    return fail(Code::INVALID_RULE, "no address and ipset");
  }
  rule_.destination = destination;
  return ok();
}

void Parser::close_match(std::string_view element) {
  if (element == "tcp-mss-clamp") {
    rule_.element = RichTcpMssClamp{attr("value")};
  } else if (element == "port") {
    rule_.element = RichPort{attr("port"), attr("protocol")};
  } else if (element == "masquerade") {
    rule_.element = RichMasquerade{};
  } else if (element == "forward-port") {
    rule_.element =
        RichForwardPort{attr("port"), attr("protocol"), attr("to-port"), attr("to-addr")};
  } else {
    rule_.element = RichSourcePort{attr("port"), attr("protocol")};
  }
}

void Parser::close_log(std::string_view element) {
  if (element == "log") {
    rule_.log = RichLog{attr("prefix"), attr("level"), limit_};
  } else {
    rule_.log = RichNflog{attr("group"), attr("prefix"), attr("queue-size"), limit_};
  }
}

void Parser::close_action(std::string_view element) {
  if (element == "audit") {
    rule_.audit = RichAudit{limit_};
    return;
  }
  RichAction action;
  action.limit = limit_;
  if (element == "accept") {
    action.type = RichActionType::Accept;
  } else if (element == "drop") {
    action.type = RichActionType::Drop;
  } else if (element == "reject") {
    action.type = RichActionType::Reject;
    action.reject_type = attr("type");
  } else {
    action.type = RichActionType::Mark;
    action.mark_set = attr("set");
  }
  rule_.action = action;
}

}  // namespace

Result<RichRule> parse_rich_rule(std::string_view text) {
  // firewalld only ever sees valid UTF-8 (D-Bus and its XML parser refuse anything else), but
  // the offline client hands this parser raw bytes. Such a rule would not read back as it
  // prints: name="a\xc2"\x80 holds the C1 control C2 80 once printed, which the lexer drops.
  if (auto at = find_invalid_utf8(text); at != std::string_view::npos) {
    return fail(Code::INVALID_RULE, "not valid UTF-8 at byte " + std::to_string(at));
  }
  auto tokens = lex_rich_rule(text);
  if (!tokens) return tokens;
  return Parser(std::move(*tokens)).parse();
}

}  // namespace fwctl::model
