#include "core/public_petition/domain_pattern.hpp"

#include <cctype>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::public_petition {

std::string normalise_domain(std::string_view domain) {
  while (!domain.empty() && std::isspace(static_cast<unsigned char>(domain.front()))) domain.remove_prefix(1);
  while (!domain.empty() && std::isspace(static_cast<unsigned char>(domain.back()))) domain.remove_suffix(1);
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  std::string out(domain);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool DomainPattern::matches(std::string_view mail_domain) const {
  const std::string candidate = normalise_domain(mail_domain);
  if (candidate == domain) return true;
  if (!include_subdomains || candidate.size() <= domain.size()) return false;
  // "a.example.com" ends with ".example.com"; "badexample.com" does not.
  const std::size_t cut = candidate.size() - domain.size();
  return candidate[cut - 1] == '.' && std::string_view(candidate).substr(cut) == domain;
}

DomainPattern parse_domain_pattern(std::string_view text, std::string_view field) {
  std::string domain = normalise_domain(text);
  DomainPattern pattern{"", false};
  if (domain.starts_with("*.")) {
    pattern.include_subdomains = true;
    domain.erase(0, 2);
  }
  const auto refuse = [&](std::string_view why) {
    throw_invalid(fmt::format("\"{}\" is not a domain: {}", text, why),
                  SourceLocation{"", 0, 0, std::string(field)});
  };
  if (domain.empty()) refuse("it is empty");
  if (domain.size() > 253) refuse("it is over 253 characters");
  std::size_t label_length = 0;
  for (std::size_t i = 0; i < domain.size(); ++i) {
    const char c = domain[i];
    if (c == '.') {
      if (label_length == 0) refuse("it has an empty part");
      if (domain[i - 1] == '-') refuse("a part ends with a hyphen");
      label_length = 0;
      continue;
    }
    if (c == '-' && label_length == 0) refuse("a part starts with a hyphen");
    if (c != '-' && !std::isalnum(static_cast<unsigned char>(c))) refuse(fmt::format("it contains '{}'", c));
    if (++label_length > 63) refuse("a part is over 63 characters");
  }
  if (label_length == 0) refuse("it has an empty part");
  if (domain.back() == '-') refuse("a part ends with a hyphen");
  pattern.domain = std::move(domain);
  return pattern;
}

std::string to_string(const DomainPattern& pattern) {
  return pattern.include_subdomains ? "*." + pattern.domain : pattern.domain;
}

}  // namespace recall::public_petition
