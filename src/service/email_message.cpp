#include "service/email_message.hpp"

#include <sodium.h>

#include <array>
#include <chrono>

#include <fmt/format.h>

#include "core/auth/sodium_init.hpp"
#include "core/base/error.hpp"

namespace recall {

namespace {

constexpr std::size_t max_address_length = 254;  // RFC 5321 path limit less the angle brackets
constexpr std::size_t max_7bit_line = 998;       // RFC 5322 section 2.1.1
constexpr std::size_t qp_line = 76;              // RFC 2045: encoded lines at most 76 characters

bool is_address_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7f) return false;  // controls, space and anything not ASCII
  switch (c) {
    case '"': case '(': case ')': case ',': case ':': case ';': case '<': case '>': case '[': case ']':
    case '\\':
      return false;
    default:
      return true;
  }
}

[[noreturn]] void throw_field(std::string message, const char* field) {
  throw_invalid(std::move(message), SourceLocation{"email", 0, 0, field});
}

std::string crlf_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;  // normalised below; a bare CR is never wanted in a text body
    if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

bool fits_7bit(std::string_view crlf_text) {
  std::size_t line = 0;
  for (char c : crlf_text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || u == 0) return false;
    if (c == '\n') {
      line = 0;
    } else if (c != '\r' && ++line > max_7bit_line) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool is_plausible_email_address(std::string_view address) {
  if (address.empty() || address.size() > max_address_length) return false;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || address.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : address) {
    if (!is_address_char(c)) return false;
  }
  const std::string_view domain = address.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot != 0 && domain.back() != '.' && domain.find("..") == std::string_view::npos;
}

std::string_view email_domain(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view{"localhost"} : address.substr(at + 1);
}

std::string rfc5322_date(std::int64_t unix_seconds) {
  static constexpr std::array<const char*, 7> weekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::sys_seconds at{std::chrono::seconds{unix_seconds}};
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::year_month_day date{day};
  const std::chrono::weekday weekday{day};
  const std::chrono::hh_mm_ss time{at - day};
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", weekdays.at(weekday.c_encoding()),
                     static_cast<unsigned>(date.day()), months.at(static_cast<unsigned>(date.month()) - 1),
                     static_cast<int>(date.year()), time.hours().count(), time.minutes().count(),
                     time.seconds().count());
}

std::string encode_header_text(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(text);
  ensure_sodium();
  // One encoded word per chunk of at most 45 bytes keeps each word under RFC 2047's 75 characters.
  // Chunks break only between UTF-8 characters, so each word decodes on its own.
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.size(), start + 45);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
    const std::string_view chunk = text.substr(start, end - start);
    std::string encoded(sodium_base64_ENCODED_LEN(chunk.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(chunk.data()),
                      chunk.size(), sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(encoded.find('\0'));
    if (!out.empty()) out += "\r\n ";  // folded: whitespace between encoded words is ignored
    out += "=?UTF-8?B?" + encoded + "?=";
    start = end;
  }
  return out;
}

std::string encode_quoted_printable(std::string_view text) {
  static constexpr const char* hex = "0123456789ABCDEF";
  const std::string lines = crlf_lines(text);
  std::string out;
  std::size_t column = 0;
  const auto emit = [&](std::string_view piece) {
    if (column + piece.size() > qp_line - 1) {  // leave room for the soft break's '='
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const char c = lines[i];
    if (c == '\r' && i + 1 < lines.size() && lines[i + 1] == '\n') {
      // Trailing whitespace would be stripped in transit, so it is encoded.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t') && column > 0) {
        const char last = out.back();
        out.pop_back();
        --column;
        emit(last == ' ' ? "=20" : "=09");
      }
      out += "\r\n";
      column = 0;
      ++i;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    const bool literal = (u >= 33 && u <= 126 && c != '=') || c == ' ' || c == '\t';
    if (literal) {
      emit(std::string_view(&c, 1));
    } else {
      const std::array<char, 3> encoded{'=', hex[u >> 4U], hex[u & 0x0FU]};
      emit(std::string_view(encoded.data(), encoded.size()));
    }
  }
  return out;
}

std::string format_email(const EmailEnvelope& envelope) {
  if (!is_plausible_email_address(envelope.from)) throw_field("the sender is not a plain email address", "from");
  if (!is_plausible_email_address(envelope.to)) throw_field("the recipient is not a plain email address", "to");
  if (envelope.subject.find_first_of("\r\n") != std::string::npos) {
    throw_field("the subject must be one line", "subject");
  }
  if (envelope.message_id.empty() || envelope.message_id.find_first_of("<>\r\n ") != std::string::npos) {
    throw_field("the message id must be non-empty without brackets or spaces", "message_id");
  }
  const std::string body = crlf_lines(envelope.body);
  const bool plain = fits_7bit(body);
  std::string out;
  out += "Date: " + rfc5322_date(envelope.date) + "\r\n";
  out += "From: <" + envelope.from + ">\r\n";
  out += "To: <" + envelope.to + ">\r\n";
  out += "Subject: " + encode_header_text(envelope.subject) + "\r\n";
  out += "Message-ID: <" + envelope.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += plain ? "Content-Transfer-Encoding: 7bit\r\n" : "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "\r\n";
  out += plain ? body : encode_quoted_printable(body);
  return out;
}

}  // namespace recall
