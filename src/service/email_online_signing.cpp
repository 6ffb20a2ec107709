#include "service/email_online_signing.hpp"

#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "service/online_codes.hpp"

namespace recall {

namespace {

OutboxMessage queued(const std::string& to, std::string subject, std::string body, std::int64_t now) {
  OutboxMessage message;
  message.to = to;
  message.subject = std::move(subject);
  message.body = std::move(body);
  message.created_at = format_utc_timestamp(now);
  message.next_attempt_at = now;  // due at once
  return message;
}

std::string petition_title(const Petition& petition) {
  return fmt::format("Recall petition for {}, MP for {}", petition.mp_name, petition.constituency_name);
}

}  // namespace

OutboxMessage online_code_email(const Petition& petition, const std::string& to, const std::string& code,
                                const LocalDateTime& expires, std::int64_t now) {
  std::string body = fmt::format(
      "Your code to sign the {} online is:\n"
      "\n"
      "    {}\n"
      "\n"
      "Enter it on the signing page before {} on {}. It works once, and stops working after {} wrong tries.\n"
      "\n"
      "If you did not ask to sign this petition, ignore this email: nothing has been signed. Signing a recall\n"
      "petition more than once, or in someone else's name, is an offence (Recall of MPs Act 2015, section 12).\n"
      "\n"
      "The petition officer for {}\n",
      petition_title(petition), code, format_clock_time(expires.minutes), to_long_form(expires.date),
      one_time_code_max_failures, petition.constituency_name);
  return queued(to, fmt::format("Your code to sign the recall petition for {}", petition.constituency_name),
                std::move(body), now);
}

OutboxMessage online_receipt_email(const Petition& petition, const std::string& to, const std::string& receipt,
                                   const LocalDateTime& signed_at, std::int64_t now) {
  std::string body = fmt::format(
      "You have signed the {}.\n"
      "\n"
      "Signed: {} at {}\n"
      "Receipt: {}\n"
      "\n"
      "Keep this receipt. It does not contain your name or elector number. After the petition closes and\n"
      "the result is declared you can use it to check that your signature was counted.\n"
      "\n"
      "No running totals are given while the petition is open.\n"
      "\n"
      "The petition officer for {}\n",
      petition_title(petition), to_long_form(signed_at.date), format_clock_time(signed_at.minutes),
      group_receipt_code(receipt), petition.constituency_name);
  return queued(to, fmt::format("Your receipt: recall petition for {}", petition.constituency_name),
                std::move(body), now);
}

}  // namespace recall
