#pragma once
// Turning an outbox message into the bytes an SMTP server receives: an RFC 5322 message with MIME
// headers for UTF-8 plain text. Kept apart from the sender so the format is tested without a network.
#include <cstdint>
#include <string>
#include <string_view>

namespace recall {

struct EmailEnvelope {
  std::string from;        // a bare address: "petitions@example.gov.uk"
  std::string to;          // a bare address
  std::string subject;     // UTF-8, one line
  std::string body;        // UTF-8 text; "\n" or "\r\n" line ends
  std::string message_id;  // without angle brackets: "outbox-12.x7f3@example.gov.uk"
  std::int64_t date = 0;   // Unix seconds, for the Date header
};

// A single mailbox address we are willing to send to: local@domain, printable ASCII, no spaces,
// quotes, angle brackets or control characters (so it can never break a header or an SMTP command),
// at most 254 characters, and a domain with a dot.
[[nodiscard]] bool is_plausible_email_address(std::string_view address);

// "Tue, 19 Mar 2019 07:00:00 +0000" (RFC 5322 section 3.3, always UTC).
[[nodiscard]] std::string rfc5322_date(std::int64_t unix_seconds);

// The subject as an RFC 2047 encoded word when it is not plain ASCII; unchanged otherwise.
[[nodiscard]] std::string encode_header_text(std::string_view text);

// Quoted-printable (RFC 2045 section 6.7) with CRLF line ends and soft breaks before 76 characters.
[[nodiscard]] std::string encode_quoted_printable(std::string_view text);

// The whole message, headers and body, with CRLF line ends. Throws Error(invalid_input) naming the
// field ("from", "to", "subject") for an address that is not plausible or a subject with a line break
// (header injection). Bodies that are short-lined ASCII go as 7bit, anything else as quoted-printable.
[[nodiscard]] std::string format_email(const EmailEnvelope& envelope);

// The domain part of an address ("example.gov.uk"), for Message-IDs.
[[nodiscard]] std::string_view email_domain(std::string_view address);

}  // namespace recall
