#pragma once
// A mail domain to match, for block lists and bulk invalidation: "example.com" is that domain only;
// "*.example.com" is example.com and every domain under it (mail.example.com, a.b.example.com), which
// is what a moderator means when a throwaway-mail service hands out subdomains.
#include <string>
#include <string_view>

namespace recall::public_petition {

struct DomainPattern {
  std::string domain;  // lower case, no trailing dot: "example.com"
  bool include_subdomains = false;

  [[nodiscard]] bool matches(std::string_view mail_domain) const;  // case-insensitive
  bool operator==(const DomainPattern&) const = default;
};

// Throws Error(invalid_input) naming `field`.
DomainPattern parse_domain_pattern(std::string_view text, std::string_view field = "domain");
std::string to_string(const DomainPattern& pattern);  // "*.example.com" or "example.com"

// "Mail.Example.COM." -> "mail.example.com".
std::string normalise_domain(std::string_view domain);

}  // namespace recall::public_petition
