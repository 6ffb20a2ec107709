#pragma once
// The two emails of online signing: the one-time code, and the receipt after signing. Plain text, no
// links that carry secrets, and nothing that names the elector: whoever reads the mailbox learns only
// what they already typed in.
#include <cstdint>
#include <string>

#include "core/petition/local_time.hpp"
#include "core/petition/petition.hpp"
#include "store/petition_store.hpp"

namespace recall {

// `expires` is local time in the constituency; `now` stamps created_at and next_attempt_at.
[[nodiscard]] OutboxMessage online_code_email(const Petition& petition, const std::string& to, const std::string& code,
                                              const LocalDateTime& expires, std::int64_t now);

[[nodiscard]] OutboxMessage online_receipt_email(const Petition& petition, const std::string& to,
                                                 const std::string& receipt, const LocalDateTime& signed_at,
                                                 std::int64_t now);

}  // namespace recall
