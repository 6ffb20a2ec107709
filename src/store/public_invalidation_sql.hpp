#pragma once
// A moderator's bulk invalidation criteria (core/public_petition/invalidation.hpp) as SQL, and as the
// JSON kept in public_invalidations. The SQL must select exactly the signatures public_petition::
// matches() selects; the contract suite checks the two against each other on random signatures.
#include <string>
#include <string_view>

#include "core/public_petition/invalidation.hpp"
#include "store/binary_columns.hpp"
#include "store/sql_value.hpp"

namespace recall {

// A condition over public_signatures' columns (ip, email_domain, postcode, created_at) that holds
// when every criterion given matches, its values appended to `params`. Refuses empty criteria with
// Error(invalid_input) naming "ip", as the core does.
std::string invalidation_condition(const public_petition::InvalidationCriteria& criteria, SqlParams& params,
                                   const BinaryColumns& binary);

// {"ip": "198.51.100.0/24", "domain": "*.example.com", "postcode": "PE1 1AA", "from": 1553160600,
//  "to": 1553164200}: only the criteria given; times in Unix seconds, an open end left out.
std::string criteria_json(const public_petition::InvalidationCriteria& criteria);
// Error(internal) naming `what` for JSON the store did not write.
public_petition::InvalidationCriteria parse_criteria_json(std::string_view json, std::string_view what);

}  // namespace recall
