#include "core/public_petition/canonical_email.hpp"

#include <cctype>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::public_petition {

namespace {

// RFC 5321 limits: 64 octets of local part, 255 of domain, 254 for the whole path.
constexpr std::size_t max_local = 64;
constexpr std::size_t max_domain = 253;
constexpr std::size_t max_address = 254;
constexpr std::size_t max_label = 63;

[[noreturn]] void refuse(std::string_view field, std::string message) {
  throw_invalid(std::move(message), SourceLocation{"form", 0, 0, std::string(field)});
}

bool is_atext(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void check_local_part(std::string_view local, std::string_view field) {
  if (local.empty()) refuse(field, "the email address has nothing before the @");
  if (local.size() > max_local)
    refuse(field, fmt::format("the part before the @ is over {} characters", max_local));
  if (local.front() == '.' || local.back() == '.')
    refuse(field, "the part before the @ may not start or end with a dot");
  if (local.find("..") != std::string_view::npos)
    refuse(field, "the part before the @ has two dots in a row");
  for (const char c : local) {
    if (c != '.' && !is_atext(c)) {
      refuse(field, fmt::format("the part before the @ may not contain '{}'", c));
    }
  }
}

void check_domain(std::string_view domain, std::string_view field) {
  if (domain.empty()) refuse(field, "the email address has nothing after the @");
  if (domain.size() > max_domain) refuse(field, fmt::format("the domain is over {} characters", max_domain));
  if (domain.find('.') == std::string_view::npos) {
    refuse(field, fmt::format("the domain \"{}\" has no dot", domain));
  }
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = domain.find('.', start);
    const std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? domain.npos : dot - start);
    if (label.empty()) refuse(field, fmt::format("the domain \"{}\" has an empty part", domain));
    if (label.size() > max_label)
      refuse(field, fmt::format("a part of the domain is over {} characters", max_label));
    if (label.front() == '-' || label.back() == '-') {
      refuse(field, fmt::format("a part of the domain may not start or end with a hyphen: \"{}\"", label));
    }
    for (const char c : label) {
      if (c != '-' && !std::isalnum(static_cast<unsigned char>(c))) {
        refuse(field, fmt::format("the domain may not contain '{}'", c));
      }
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  const std::string_view top = domain.substr(domain.rfind('.') + 1);
  bool all_digits = true;
  for (const char c : top) all_digits = all_digits && std::isdigit(static_cast<unsigned char>(c));
  if (all_digits) refuse(field, fmt::format("\"{}\" is not a mail domain", domain));
}

}  // namespace

EmailAddress parse_email_address(std::string_view typed, std::string_view field) {
  while (!typed.empty() && std::isspace(static_cast<unsigned char>(typed.front()))) typed.remove_prefix(1);
  while (!typed.empty() && std::isspace(static_cast<unsigned char>(typed.back()))) typed.remove_suffix(1);
  if (typed.empty()) refuse(field, "an email address is required");
  for (const char c : typed) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) refuse(field, "the email address may only use plain ASCII letters, digits and symbols");
    if (byte <= 0x20 || byte == 0x7F)
      refuse(field, "the email address may not contain spaces or control characters");
  }
  if (typed.size() > max_address)
    refuse(field, fmt::format("the email address is over {} characters", max_address));
  const std::size_t at = typed.rfind('@');
  if (at == std::string_view::npos) refuse(field, "the email address has no @");
  if (typed.find('@') != at) refuse(field, "the email address has more than one @");
  const std::string_view local = typed.substr(0, at);
  const std::string_view domain_typed = typed.substr(at + 1);
  check_local_part(local, field);
  check_domain(domain_typed, field);

  std::string domain = lower(domain_typed);
  std::string key = lower(local);
  if (const std::size_t plus = key.find('+'); plus != std::string::npos) key.erase(plus);
  if (key.empty()) refuse(field, "the part before the @ is only a +tag");
  std::string key_domain = domain;
  if (domain == "gmail.com" || domain == "googlemail.com") {
    std::erase(key, '.');
    key_domain = "gmail.com";
  }
  return EmailAddress{std::string(typed), fmt::format("{}@{}", key, key_domain), std::move(domain)};
}

std::string canonical_email(std::string_view typed) { return parse_email_address(typed).canonical; }

}  // namespace recall::public_petition
