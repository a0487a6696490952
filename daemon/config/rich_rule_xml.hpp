#pragma once
// Rich rules as <rule> elements of zone and policy files, read and written as firewalld 1.3.3's
// common_startElement/common_endElement/common_writer do.
//
// Reading is a small state machine over the SAX events. Its firewalld quirks, kept on purpose:
// an invalid part of a rule (bad family, a second action, a limit outside action/log/audit, …)
// makes firewalld ignore the rest of the rule, and the rule is dropped with a warning; a rule
// that fails Rich_Rule.check() (check_rich_rule here) or repeats an earlier one is dropped with
// a warning too. A <source> or <destination> without any address fails the whole file, and so
// does a priority that is not a number, because firewalld's reader raises there.

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "config/xml_writer.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::config {

class RuleReader {
 public:
  explicit RuleReader(ItemReader& reader) : reader_(reader) {}

  // Inside a <rule> that is being read (firewalld's `if obj._rule`).
  bool active() const { return rule_.has_value(); }
  // firewalld's _rule_error: every element is ignored until the next </rule>. Warns about the
  // ignored elements when the error happened outside a rule, since then they are not part of
  // a rule that was already reported.
  bool skip(const XmlElement& element);

  Status start_rule(const XmlElement& element);
  // The rule's one element (<service>, <port>, …); a second one spoils the rule.
  void set_element(const XmlElement& element, model::RichElement value);
  Status start_source(const XmlElement& element);
  Status start_destination(const XmlElement& element);
  void start_action(const XmlElement& element);  // accept, reject, drop, mark
  void start_log(const XmlElement& element);
  void start_nflog(const XmlElement& element);
  void start_audit(const XmlElement& element);
  void start_limit(const XmlElement& element);
  // Ends <rule> (checks it and appends it to `rules`, which only this reader fills) and the
  // elements a limit belongs to.
  void end(const XmlElement& element, std::vector<model::RichRule>& rules);
  // Warns and spoils the current rule, as firewalld's `log.warning(…); obj._rule_error = True`.
  void spoil(const XmlElement& element, Code code, std::string detail);

 private:
  enum class LimitOwner { None, Action, Log, Audit };
  std::optional<model::RichLimit>* limit_slot();
  void finish_rule(const XmlElement& element, std::vector<model::RichRule>& rules);

  ItemReader& reader_;
  std::optional<model::RichRule> rule_;
  bool error_ = false;
  bool error_outside_rule_ = false;
  bool in_rule_tag_ = false;
  LimitOwner limit_owner_ = LimitOwner::None;
  std::unordered_set<std::string> added_;  // canonical text of every rule read so far
};

// firewalld's Rich_Limit(): "3/minute" is kept as "3/m".
std::string normalize_limit(const std::string& value);

// Writes `rule` as firewalld's common_writer does: <rule> at indent 2, its parts at 4, a limit
// at 6.
void write_rule(XmlWriter& writer, const model::RichRule& rule);

}  // namespace fwctl::config
