#include "item_lists.hpp"

namespace fwctl::cli {

std::optional<ElementOp> element_op(const Args& a, const ElementDests& d, ArgTest given) {
  for (auto [verb, dest] :
       {std::pair{ListVerb::kAdd, d.add}, std::pair{ListVerb::kRemove, d.remove},
        std::pair{ListVerb::kQuery, d.query}})
    if ((a.*given)(dest)) return ElementOp{verb, dest};
  return std::nullopt;
}

void run_element_op(Client& c, const Args& a, const ElementOp& op, const ParseItem& parse,
                    const std::string& message, const ListActions& actions, bool authorize) {
  const auto& items = a.list(op.dest);
  if (op.verb == ListVerb::kQuery) query_sequence(c, items, parse, actions.query, message);
  cmd_sequence(c, items, parse, op.verb == ListVerb::kAdd ? actions.add : actions.remove,
               authorize);
}

bool run_elements(Client& c, const Args& a, const ElementDests& d, const ParseItem& parse,
                  const std::string& message, const ListActions& actions, bool authorize) {
  auto op = element_op(a, d);
  if (op) run_element_op(c, a, *op, parse, message, actions, authorize);
  return op.has_value();
}

}  // namespace fwctl::cli
