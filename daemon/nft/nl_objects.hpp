#pragma once
// Owning handles for libnftnl objects: each is freed by its own nftnl_*_free().

#include <libnftnl/chain.h>
#include <libnftnl/expr.h>
#include <libnftnl/flowtable.h>
#include <libnftnl/object.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <libnftnl/table.h>

#include <memory>

namespace fwctl::nft {

template <typename T, auto Free>
struct NlDeleter {
  void operator()(T* p) const { Free(p); }
};

using TablePtr = std::unique_ptr<nftnl_table, NlDeleter<nftnl_table, nftnl_table_free>>;
using ChainPtr = std::unique_ptr<nftnl_chain, NlDeleter<nftnl_chain, nftnl_chain_free>>;
using RulePtr = std::unique_ptr<nftnl_rule, NlDeleter<nftnl_rule, nftnl_rule_free>>;
using SetPtr = std::unique_ptr<nftnl_set, NlDeleter<nftnl_set, nftnl_set_free>>;
using ElemPtr = std::unique_ptr<nftnl_set_elem, NlDeleter<nftnl_set_elem, nftnl_set_elem_free>>;
using ObjPtr = std::unique_ptr<nftnl_obj, NlDeleter<nftnl_obj, nftnl_obj_free>>;
using FlowtablePtr =
    std::unique_ptr<nftnl_flowtable, NlDeleter<nftnl_flowtable, nftnl_flowtable_free>>;
using ExprPtr = std::unique_ptr<nftnl_expr, NlDeleter<nftnl_expr, nftnl_expr_free>>;

}  // namespace fwctl::nft
