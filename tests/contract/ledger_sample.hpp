#pragma once
// What the ledger contract tests need: a stored petition to hang a ledger on, and valid leaves for it.
#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace recall::contract {

// Imports a register and opens the sample petition in the constituency; returns its id.
std::int64_t add_ledger_petition(Store& store, const std::string& ons_code);

// The leaf for the n-th signing event of a petition: an accepted in-person sheet whose elector hash
// and receipt nonce are derived from n, so every leaf differs and a test can rebuild any of them.
LeafBytes sample_leaf(std::int64_t petition_id, std::uint64_t n);
std::vector<LeafBytes> sample_leaves(std::int64_t petition_id, std::uint64_t first_n, std::uint64_t count);

}  // namespace recall::contract
