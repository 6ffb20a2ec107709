#pragma once
// Bulk invalidation: a moderator's criteria for signatures to strike out at once (a flood from one
// network, a throwaway-mail domain, a postcode used by a script, a burst in a time window). Every
// criterion given must match (AND); criteria with none at all are refused, as they would strike
// every signature on the petition. The matcher works over records in memory, for previews and
// tests; a store turns the same criteria into SQL (the IP range as `ip BETWEEN first AND last` on
// IpAddress::sort_key(), the domain as `=` or a suffix match, the window as a half-open range).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/public_petition/domain_pattern.hpp"
#include "core/public_petition/ip_address.hpp"

namespace recall::public_petition {

// The parts of a stored signature the criteria look at.
struct SignatureRecord {
  std::int64_t id = 0;
  IpAddress ip;
  std::string email_domain;  // lower case, as EmailAddress::domain
  std::string postcode;      // normalised: "SW1A 1AA"
  std::int64_t signed_at = 0;
};

struct TimeWindow {
  std::int64_t from = 0;  // inclusive
  std::int64_t to = 0;    // exclusive

  bool operator==(const TimeWindow&) const = default;
};

struct InvalidationCriteria {
  std::optional<CidrRange> ip;
  std::optional<DomainPattern> domain;
  std::optional<std::string> postcode;  // normalised
  std::optional<TimeWindow> window;

  [[nodiscard]] bool empty() const { return !ip && !domain && !postcode && !window; }
  bool operator==(const InvalidationCriteria&) const = default;
};

// The moderator's form, every field optional: "ip" (address or CIDR), "domain" ("example.com" or
// "*.example.com"), "postcode" (any spacing or case), "from" and "to" (UTC, "2019-03-21T09:30:00Z";
// either alone is open-ended).
struct InvalidationForm {
  std::string ip;
  std::string domain;
  std::string postcode;
  std::string from;
  std::string to;
};

// Throws Error(invalid_input) naming the field: a bad value, "to" not after "from", or no criteria.
InvalidationCriteria parse_invalidation_criteria(const InvalidationForm& form);

bool matches(const InvalidationCriteria& criteria, const SignatureRecord& record);
// The ids of the matching records, in order. Refuses empty criteria, as parse does.
std::vector<std::int64_t> select_for_invalidation(const InvalidationCriteria& criteria,
                                                  std::span<const SignatureRecord> records);

}  // namespace recall::public_petition
