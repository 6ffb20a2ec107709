// Online signing, where the petition's policy allows it: a one-time code emailed through the outbox,
// then a signing sheet with channel "online" and a receipt.
//
// Secrecy: request_online_code must not tell anyone whether the details they typed belong to an
// elector, or whether that elector has signed. Both branches therefore do the same work: look up the
// register, make and hash a code, compose the email and write a code row in one transaction. When the
// details match, the row is the elector's and the email is enqueued; otherwise the row is a decoy that
// nobody can use (its key is not an elector number and it is born expired). Whether someone has signed is
// never looked at here; it is said only in confirm_online_code, to the holder of a correct code.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>

#include "core/auth/clock.hpp"
#include "core/auth/token.hpp"
#include "core/parliament/parliament.hpp"
#include "core/register/eligibility.hpp"
#include "core/register/register_entry.hpp"
#include "service/email_message.hpp"
#include "service/email_online_signing.hpp"
#include "service/online_codes.hpp"
#include "service/petition_ledger.hpp"
#include "service/petition_service.hpp"
#include "service/petition_steps.hpp"

namespace recall {

using namespace petition_steps;

namespace {

// Where request_online_code writes when the details match nobody: one row per petition, replaced each
// time. Not an elector number (is_valid_elector_number refuses it), so confirm can never reach it.
constexpr std::string_view decoy_elector = "~decoy";

constexpr std::string_view decoy_email = "nobody@decoy.invalid";  // RFC 2606: can never be delivered

constexpr int min_birth_year = 1900;

// The unusable row written when nothing matched: born expired, under a key no elector can have.
OneTimeCode decoy_code(std::int64_t petition_id, const std::string& code_hash, std::int64_t now) {
  return OneTimeCode{petition_id, std::string(decoy_elector), code_hash, std::string(decoy_email), now, 0};
}

void require_online_signing_open(const Petition& petition, const LocalDateTime& now) {
  if (!petition.online_signing) conflict("this petition cannot be signed online: sign at your signing place or by post");
  if (phase_of(petition, now) != PetitionPhase::signing) conflict("this petition is not open for signing");
}

void require_elector_number(const std::string& elector_number) {
  if (!is_valid_elector_number(elector_number)) {
    invalid("elector_number", "enter your elector number as it is on your notice, like AB-123");
  }
}

// The date of birth is the identifier the elector proves (docs/register-format.md): it must be the one
// held. An elector with none held cannot be checked, so cannot sign online (in person or by post, yes).
bool date_of_birth_fits(const RegisterEntry& entry, Date date_of_birth) {
  return entry.date_of_birth && *entry.date_of_birth == date_of_birth;
}

bool details_match(const PetitionElector* elector, Date date_of_birth, const std::string& postcode) {
  if (elector == nullptr || !elector->entitled) return false;
  const std::optional<std::string> on_register = normalise_postcode(elector->entry.postcode);
  return on_register && *on_register == postcode && date_of_birth_fits(elector->entry, date_of_birth);
}

// The online channel acts as the public from the elector's address; it has no account.
Actor online_actor(std::string remote_address = {}) { return Actor::public_user(std::move(remote_address)); }

[[noreturn]] void wrong_code() {
  // One message for a missing, expired, burnt or wrong code: telling them apart would say whether
  // someone recently asked for a code for this elector number.
  invalid("code", fmt::format("that code is wrong or has expired; codes last {} minutes and stop working after {} "
                              "wrong tries, so ask for a new one",
                              one_time_code_lifetime_seconds / 60, one_time_code_max_failures));
}

}  // namespace

void PetitionService::request_online_code(std::int64_t petition_id, const std::string& elector_number,
                                          Date date_of_birth, const std::string& postcode, const std::string& email,
                                          const std::string& remote_address) {
  const Petition petition = load_petition(store_, petition_id);
  const LocalDateTime local = now_local();
  require_online_signing_open(petition, local);

  // Checks of shape only: they depend on what was typed, never on the register.
  require_elector_number(elector_number);
  if (date_of_birth > local.date || year_of(date_of_birth) < min_birth_year) {
    invalid("date_of_birth", "enter your date of birth");
  }
  const std::optional<std::string> wanted_postcode = normalise_postcode(postcode);
  if (!wanted_postcode) invalid("postcode", "enter a UK postcode, like SW1A 1AA");
  if (!is_plausible_email_address(email)) invalid("email", "enter an email address, like name@example.com");

  const std::string limiter_key = fmt::format("{}:{}", petition_id, elector_number);
  if (const auto wait = online_code_requests_.retry_after(limiter_key, remote_address)) {
    throw Error(ErrorKind::rate_limited,
                fmt::format("too many codes asked for; try again in {} minutes", (*wait + 59) / 60),
                SourceLocation{"form", 0, 0, "elector_number"});
  }
  online_code_requests_.record_failure(limiter_key, remote_address);

  const std::shared_ptr<const PetitionRegister> petition_register = register_for(petition);
  const bool matched = details_match(petition_register->find(elector_number), date_of_birth, *wanted_postcode);

  const std::int64_t now = clock_();
  const std::string code = new_one_time_code();
  const std::string code_hash = one_time_code_hash(code);
  const OneTimeCode row =
      matched ? OneTimeCode{petition_id, elector_number, code_hash, email, now + one_time_code_lifetime_seconds, 0}
              : decoy_code(petition_id, code_hash, now);
  const OutboxMessage message =
      online_code_email(petition, email, code, uk_local_time(now + one_time_code_lifetime_seconds), now);

  store_.transaction([&] {
    store_.one_time_codes().put_code(row);  // replaces any earlier code: only the newest works
    if (matched) store_.outbox().enqueue(message);
  });
}

PetitionService::OnlineReceipt PetitionService::confirm_online_code(std::int64_t petition_id,
                                                                    const std::string& elector_number,
                                                                    const std::string& code) {
  const Petition petition = load_petition(store_, petition_id);
  const LocalDateTime local = now_local();
  require_online_signing_open(petition, local);
  require_elector_number(elector_number);
  if (!is_one_time_code_shape(code)) invalid("code", "enter the six-digit code from the email");

  const std::shared_ptr<const PetitionRegister> petition_register = register_for(petition);
  const PetitionElector* elector = petition_register->find(elector_number);
  const std::int64_t now = clock_();
  const std::string submitted_hash = one_time_code_hash(code);
  enum class Outcome { wrong_code, already_signed, signed_petition };
  Outcome outcome = Outcome::wrong_code;
  OnlineReceipt receipt;

  try {
    store_.transaction([&] {
      OneTimeCodeStore& codes = store_.one_time_codes();
      const std::optional<OneTimeCode> stored = codes.find_code(petition_id, elector_number);
      if (!stored || stored->expires_at <= now || stored->failed_attempts >= one_time_code_max_failures) {
        if (stored) {
          codes.delete_code(petition_id, elector_number);
        } else {
          // A one-row write like a wrong guess's, so timing does not say whether a code is pending.
          codes.put_code(decoy_code(petition_id, submitted_hash, now));
        }
        return;
      }
      if (!constant_time_equal(stored->code_hash, submitted_hash)) {
        if (stored->failed_attempts + 1 >= one_time_code_max_failures) {
          codes.delete_code(petition_id, elector_number);  // burnt: a new code must be asked for
        } else {
          codes.record_failed_attempt(petition_id, elector_number);
        }
        return;
      }
      codes.delete_code(petition_id, elector_number);  // a code works once
      // Codes go only to entitled electors; a register replaced since then is checked again.
      if (elector == nullptr || !elector->entitled) return;

      store_.ledgers().lock_for_append(petition_id);
      SignatureSheet sheet;
      sheet.petition_id = petition_id;
      sheet.elector_number = elector_number;
      sheet.channel = SigningChannel::online;
      sheet.official_mark = true;  // the system's own record carries the mark
      sheet.recorded_at = format_utc_timestamp(now);
      sheet.received_on = to_iso(local.date);
      // The receipt column gets the code of the leaf's nonce (record_sheet), which the elector is shown.
      petition_ledger::RecordedSheet recorded = petition_ledger::record_sheet({store_, ledger_key_, now}, sheet, local.date);
      if (!recorded.recorded) {
        audit(store_, online_actor(), now, fmt::format("{}refused-double-signing", sheet_action_prefix),
              target_of(petition_id), {{"channel", "online"}, {"elector_number", elector_number}});
        outcome = Outcome::already_signed;
        return;
      }
      receipt.receipt = petition_ledger::online_receipt_text(recorded.receipt->leaf.nonce);
      receipt.signed_at = sheet.recorded_at;
      receipt.ledger = std::move(*recorded.receipt);
      store_.outbox().enqueue(online_receipt_email(petition, stored->email, receipt.receipt, local, now));
      audit(store_, online_actor(), now, fmt::format("{}online", sheet_action_prefix), target_of(petition_id),
            {{"channel", "online"}, {"elector_number", elector_number}, {"sheet_id", recorded.sheet_id}});
      outcome = Outcome::signed_petition;
    });
  } catch (const Error& e) {
    // A second sheet for the elector is refused without an error (record_sheet); a conflict here is
    // the database giving up on two racing writers, after which the sheet may well exist. Rolled back.
    if (e.kind() == ErrorKind::conflict) conflict("you have already signed this petition");
    throw;
  }

  switch (outcome) {
    case Outcome::signed_petition:
      return receipt;
    case Outcome::already_signed:
      conflict("you have already signed this petition");
    case Outcome::wrong_code:
      break;
  }
  wrong_code();
}

}  // namespace recall
