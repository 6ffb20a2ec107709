#include "store/public_invalidation_sql.hpp"

#include <limits>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_public_petition_rows.hpp"

namespace recall {

namespace {

namespace pp = public_petition;
using public_rows::bind;

constexpr std::int64_t open_from = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t open_to = std::numeric_limits<std::int64_t>::max();

// ::ffff:0.0.0.0 and ::ffff:255.255.255.255: where IPv4 addresses sort among the IPv6 ones.
const std::array<std::uint8_t, 16> mapped_first = pp::IpAddress::v4(0).sort_key();
const std::array<std::uint8_t, 16> mapped_last = pp::IpAddress::v4(0xFFFF'FFFFU).sort_key();

std::string ip_condition(const pp::CidrRange& range, SqlParams& params, const BinaryColumns& binary) {
  const auto first = range.first().sort_key();
  const auto last = range.last().sort_key();
  std::string sql = fmt::format("ip BETWEEN {} AND {}", public_rows::bind_binary(params, binary, first),
                                public_rows::bind_binary(params, binary, last));
  // An IPv6 range such as ::/64 spans the keys of every IPv4 address, but IPv4 addresses are not in
  // it (CidrRange::contains compares families), so they are cut out.
  if (range.network.family() == pp::IpAddress::Family::v6 && first <= mapped_last && last >= mapped_first) {
    sql +=
        fmt::format(" AND NOT (ip BETWEEN {} AND {})", public_rows::bind_binary(params, binary, mapped_first),
                    public_rows::bind_binary(params, binary, mapped_last));
  }
  return sql;
}

std::string domain_condition(const pp::DomainPattern& pattern, SqlParams& params) {
  const std::string exact = fmt::format("email_domain = {}", bind(params, sql_text(pattern.domain)));
  if (!pattern.include_subdomains) return exact;
  // A suffix compared as text, not LIKE: LIKE would read '_' as a wildcard and ignore case on SQLite.
  const std::string suffix = "." + pattern.domain;
  const std::string length = bind(params, sql_int(static_cast<std::int64_t>(suffix.size())));
  return fmt::format(
      "({} OR (length(email_domain) > {} AND substr(email_domain, length(email_domain) - {} + 1) = {}))",
      exact, length, length, bind(params, sql_text(suffix)));
}

// The stored times are first_instant..last_instant, so a bound beyond them either holds for every
// row (left out) or for none.
void window_conditions(const pp::TimeWindow& window, SqlParams& params, std::vector<std::string>& out) {
  if (window.from > public_rows::last_instant || window.to <= public_rows::first_instant) {
    out.emplace_back("1 = 0");
    return;
  }
  if (window.from > public_rows::first_instant) {
    out.push_back(fmt::format("created_at >= {}", bind(params, public_rows::instant(window.from))));
  }
  if (window.to <= public_rows::last_instant) {
    out.push_back(fmt::format("created_at < {}", bind(params, public_rows::instant(window.to))));
  }
}

}  // namespace

std::string invalidation_condition(const pp::InvalidationCriteria& criteria, SqlParams& params,
                                   const BinaryColumns& binary) {
  if (criteria.empty()) {
    throw_invalid(
        "give at least one of ip, domain, postcode or a time window; with none, every signature would match",
        SourceLocation{"invalidation", 0, 0, "ip"});
  }
  std::vector<std::string> conditions;
  if (criteria.ip) conditions.push_back(ip_condition(*criteria.ip, params, binary));
  if (criteria.domain) conditions.push_back(domain_condition(*criteria.domain, params));
  if (criteria.postcode)
    conditions.push_back(fmt::format("postcode = {}", bind(params, sql_text(*criteria.postcode))));
  if (criteria.window) window_conditions(*criteria.window, params, conditions);
  // An all-open window adds nothing: it matches every row, as matches() says.
  if (conditions.empty()) return "1 = 1";
  std::string sql;
  for (const std::string& condition : conditions) {
    if (!sql.empty()) sql += " AND ";
    sql += condition;
  }
  return sql;
}

std::string criteria_json(const pp::InvalidationCriteria& criteria) {
  nlohmann::json json = nlohmann::json::object();
  if (criteria.ip) json["ip"] = pp::to_string(*criteria.ip);
  if (criteria.domain) json["domain"] = pp::to_string(*criteria.domain);
  if (criteria.postcode) json["postcode"] = *criteria.postcode;
  if (criteria.window) {
    if (criteria.window->from != open_from) json["from"] = criteria.window->from;
    if (criteria.window->to != open_to) json["to"] = criteria.window->to;
    if (criteria.window->from == open_from && criteria.window->to == open_to) json["window"] = "open";
  }
  return json.dump();
}

pp::InvalidationCriteria parse_criteria_json(std::string_view text, std::string_view what) {
  try {
    const nlohmann::json json = nlohmann::json::parse(text);
    pp::InvalidationCriteria criteria;
    if (json.contains("ip")) criteria.ip = pp::parse_cidr(json.at("ip").get<std::string>());
    if (json.contains("domain"))
      criteria.domain = pp::parse_domain_pattern(json.at("domain").get<std::string>());
    if (json.contains("postcode")) criteria.postcode = json.at("postcode").get<std::string>();
    if (json.contains("from") || json.contains("to") || json.contains("window")) {
      criteria.window = pp::TimeWindow{json.value("from", open_from), json.value("to", open_to)};
    }
    return criteria;
  } catch (const nlohmann::json::exception& error) {
    sql_fields::corrupt(what, error.what());
  } catch (const Error& error) {
    sql_fields::corrupt(what, error.message());
  }
}

}  // namespace recall
