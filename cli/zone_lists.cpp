#include "zone_lists.hpp"

#include "values.hpp"

namespace fwctl::cli {

std::optional<ListOp> zone_list_op(const Args& a) {
  for (const ZoneListRow& row : kZoneLists)
    if (auto op = element_op(a, row.dests)) return ListOp{row.list, row.shape, op->verb, op->dest};
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
  run_element_op(c, a, ElementOp{op.verb, op.dest}, parse, message, actions, authorize);
}

}  // namespace fwctl::cli
