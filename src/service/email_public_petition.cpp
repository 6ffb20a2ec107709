#include "service/email_public_petition.hpp"

#include <string_view>

#include <fmt/format.h>

#include "core/auth/clock.hpp"

namespace recall {

namespace {

std::string_view without_trailing_slash(const std::string& url) {
  std::string_view out(url);
  while (!out.empty() && out.back() == '/') out.remove_suffix(1);
  return out;
}

std::string what_is_confirmed(const ConfirmationEmail& email) {
  switch (email.kind) {
    case ConfirmationKind::creator:
      return fmt::format(
          "You created the petition \"{}\" and signed it as its first supporter.\n"
          "\n"
          "Please confirm your signature by opening this link and pressing the button on the page:\n",
          email.action);
    case ConfirmationKind::sponsor:
      return fmt::format(
          "You agreed to sponsor the petition \"{}\".\n"
          "\n"
          "Please confirm your signature: you count as a sponsor once you have. Open this link and press\n"
          "the button on the page:\n",
          email.action);
    case ConfirmationKind::signer:
      break;
  }
  return fmt::format(
      "You signed the petition \"{}\".\n"
      "\n"
      "Please confirm your signature by opening this link and pressing the button on the page:\n",
      email.action);
}

}  // namespace

std::string confirmation_link(const std::string& site_url, std::int64_t petition_id, const std::string& token) {
  return fmt::format("{}/public/petitions/{}/confirm/{}", without_trailing_slash(site_url), petition_id, token);
}

std::string sponsor_link(const std::string& site_url, std::int64_t petition_id, const std::string& token) {
  return fmt::format("{}/public/petitions/{}/sponsor/{}", without_trailing_slash(site_url), petition_id, token);
}

OutboxMessage public_confirmation_email(const ConfirmationEmail& email, std::int64_t now) {
  std::string body = what_is_confirmed(email);
  body += fmt::format("\n    {}\n\n", confirmation_link(email.site_url, email.petition_id, email.token));
  body += "Your signature is not counted until you confirm it.\n";
  if (email.kind == ConfirmationKind::creator && email.sponsor_token) {
    body += fmt::format(
        "\n"
        "Your petition needs sponsors before a moderator checks it. Share this link with the people you\n"
        "would like to sponsor it:\n"
        "\n"
        "    {}\n",
        sponsor_link(email.site_url, email.petition_id, *email.sponsor_token));
  }
  body +=
      "\n"
      "If you did not sign this petition, ignore this email: without confirmation nothing is counted, and\n"
      "your details are deleted when the petition's personal data is.\n";
  OutboxMessage message;
  message.to = email.to;
  message.subject = "Please confirm your signature";
  message.body = std::move(body);
  message.created_at = format_utc_timestamp(now);
  message.next_attempt_at = now;
  message.public_petition_id = email.petition_id;
  return message;
}

}  // namespace recall
