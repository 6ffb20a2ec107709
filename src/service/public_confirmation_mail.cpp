#include "service/public_confirmation_mail.hpp"

#include <vector>

#include "service/email_public_petition.hpp"

namespace recall {

QueuedConfirmation queued_confirmation(std::int64_t signature_id, const ConfirmSecret& secret) {
  return QueuedConfirmation{signature_id, secret.secret};
}

std::size_t write_queued_confirmations(Store& store, const std::string& site_url, int max_rows) {
  std::size_t written = 0;
  store.transaction([&] {
    std::vector<OutboxMessage> messages;
    for (const ConfirmationToWrite& email : store.public_petitions().take_queued_confirmations(max_rows)) {
      ConfirmSecret secret;
      secret.secret = email.link.secret;
      messages.push_back(public_confirmation_email(
          {email.petition_id, email.action, email.to, confirm_link_token(email.link.signature_id, secret),
           email.sponsor ? ConfirmationKind::sponsor : ConfirmationKind::signer, site_url, std::nullopt},
          email.queued_at));
    }
    store.outbox().enqueue_batch(messages);
    written = messages.size();
  });
  return written;
}

}  // namespace recall
