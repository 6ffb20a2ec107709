#pragma once
// Confirmation emails of public petition signatures, in two steps. A signing batch queues its new
// signatures' links compactly, one row per batch in its own transaction
// (PublicPetitionStore::queue_confirmations): an outbox row a signature was the largest cost of a
// signature in PostgreSQL. The delivery worker then writes them out as ordinary outbox messages,
// off the signing path, before each pass (write_queued_confirmations): from then on they are sent,
// retried with back-off and listed like any other email.
#include <cstddef>
#include <cstdint>
#include <string>

#include "service/public_tokens.hpp"
#include "store/store.hpp"

namespace recall {

[[nodiscard]] QueuedConfirmation queued_confirmation(std::int64_t signature_id, const ConfirmSecret& secret);

// In one transaction: takes up to `max_rows` queued rows (200 emails each at most), renders each email
// still due (its signature still pending; public_confirmation_email, stamped with the time it was
// queued) and enqueues them in the outbox. Returns how many emails were written.
std::size_t write_queued_confirmations(Store& store, const std::string& site_url, int max_rows);

}  // namespace recall
