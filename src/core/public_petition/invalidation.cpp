#include "core/public_petition/invalidation.hpp"

#include <cctype>
#include <limits>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/public_petition/utc_timestamp.hpp"

namespace recall::public_petition {

namespace {

bool blank(std::string_view text) {
  for (const char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

SourceLocation form_field(std::string_view field) { return SourceLocation{"form", 0, 0, std::string(field)}; }

void refuse_empty(const InvalidationCriteria& criteria) {
  if (criteria.empty()) {
    throw_invalid(
        "give at least one of ip, domain, postcode or a time window; with none, every signature would match",
        form_field("ip"));
  }
}

}  // namespace

InvalidationCriteria parse_invalidation_criteria(const InvalidationForm& form) {
  InvalidationCriteria criteria;
  if (!blank(form.ip)) criteria.ip = parse_cidr(trimmed(form.ip), "ip");
  if (!blank(form.domain)) criteria.domain = parse_domain_pattern(form.domain, "domain");
  if (!blank(form.postcode)) {
    criteria.postcode = normalise_postcode(form.postcode);
    if (!criteria.postcode) {
      throw_invalid(fmt::format("\"{}\" is not a UK postcode", trimmed(form.postcode)),
                    form_field("postcode"));
    }
  }
  if (!blank(form.from) || !blank(form.to)) {
    TimeWindow window{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
    if (!blank(form.from)) window.from = parse_utc_timestamp(trimmed(form.from), "from");
    if (!blank(form.to)) window.to = parse_utc_timestamp(trimmed(form.to), "to");
    if (window.to <= window.from)
      throw_invalid("the end of the time window must be after its start", form_field("to"));
    criteria.window = window;
  }
  refuse_empty(criteria);
  return criteria;
}

bool matches(const InvalidationCriteria& criteria, const SignatureRecord& record) {
  if (criteria.empty()) return false;
  if (criteria.ip && !criteria.ip->contains(record.ip)) return false;
  if (criteria.domain && !criteria.domain->matches(record.email_domain)) return false;
  if (criteria.postcode && *criteria.postcode != record.postcode) return false;
  if (criteria.window &&
      (record.signed_at < criteria.window->from || record.signed_at >= criteria.window->to)) {
    return false;
  }
  return true;
}

std::vector<std::int64_t> select_for_invalidation(const InvalidationCriteria& criteria,
                                                  std::span<const SignatureRecord> records) {
  refuse_empty(criteria);
  std::vector<std::int64_t> ids;
  for (const SignatureRecord& record : records) {
    if (matches(criteria, record)) ids.push_back(record.id);
  }
  return ids;
}

}  // namespace recall::public_petition
