#pragma once
// What a rich rule adds around an element: its family/destination/source matches before, and
// its log, audit and action rules after, each in the sub-chain firewalld puts it in.

#include <string>
#include <vector>

#include "compiler/context.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {

// [meta nfproto ipvX] [<service destination>] [rich destination] [rich source]
std::vector<Statement> rich_head(Context& ctx, const model::RichRule* rich,
                                 const std::string& destination);

// "allow", "deny", "pre" or "post": the sub-chain of the rule's action.
std::string rich_action_suffix(const model::RichRule& rich);

// Adds a rule to <chain> honouring the rich rule's priority (firewalld's
// %%RICH_RULE_PRIORITY%%); priority 0 appends.
void add_rich_placed(Context& ctx, const std::string& chain, std::vector<Statement> stmts,
                     const model::RichRule* rich);

// The log, audit and action rules of a rich rule matching exprs, in table (the action may move
// to mangle for marks).
void emit_rich_outputs(Context& ctx, const PolicySpec& spec, const model::RichRule& rich,
                       const std::string& table, const std::vector<Statement>& exprs);

}  // namespace fwctl::compiler
