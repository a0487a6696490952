#include "zone_lists.hpp"

#include "values.hpp"

namespace fwctl::cli {

std::optional<ListOp> zone_list_op(const Args& a) {
  for (const ZoneListRow& row : kZoneLists)
    for (auto [verb, dest] :
         {std::pair{ListVerb::kAdd, row.dests.add}, std::pair{ListVerb::kRemove, row.dests.remove},
          std::pair{ListVerb::kQuery, row.dests.query}})
      if (a.t(dest)) return ListOp{row.list, row.shape, verb, dest};
  return std::nullopt;
}

void run_list_op(Client& c, const Args& a, const ListOp& op, const ListActions& actions,
                 bool quoted, bool authorize) {
  ParseItem parse;
  const char* message = "'%s'";
  if (op.shape == ItemShape::kPort) {
    parse = parse_port;
    message = quoted ? "'%s/%s'" : "%s/%s";
  } else if (op.shape == ItemShape::kForwardPort) {
    parse = parse_forward_port;
    message =
        quoted ? "'port=%s:proto=%s:toport=%s:toaddr=%s'" : "port=%s:proto=%s:toport=%s:toaddr=%s";
  }
  const auto& items = a.list(op.dest);
  if (op.verb == ListVerb::kQuery) query_sequence(c, items, parse, actions.query, message);
  cmd_sequence(c, items, parse, op.verb == ListVerb::kAdd ? actions.add : actions.remove,
               authorize);
}

}  // namespace fwctl::cli
