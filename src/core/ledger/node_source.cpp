#include "core/ledger/node_source.hpp"

namespace recall::ledger {

std::vector<Hash> NodeSource::nodes(std::span<const NodeId> ids) const {
  std::vector<Hash> out;
  out.reserve(ids.size());
  for (const NodeId& id : ids) out.push_back(node(id));
  return out;
}

}  // namespace recall::ledger
