#include "store/sql_petition_rows.hpp"

#include <fmt/format.h>

#include <map>

#include "store/sql_fields.hpp"

namespace recall::petition_rows {

namespace sf = sql_fields;

const std::string_view columns =
    "ons_code, member_id, mp_name, constituency_name, policy_id, condition, condition_detail, notice, "
    "override_designated_day, override_extend_for_bank_holidays, override_reason, "
    "timetable_notice, requirement_notice_by, cut_off_day, designated_day, signing_period_end, "
    "unextended_end, "
    "extended_for_bank_holidays, count_by, "
    "register_id, maximum_signing_places, online_signing, postal_signing, proxy_signing, opened_at, "
    "termination_on, termination_reason, termination_detail, "
    "count_eligible, count_valid_signatures, count_rejected, count_percent_tenths, count_required, "
    "count_successful, "
    "eligibility_eligible, eligibility_excluded_under_18, eligibility_excluded_late_application, "
    "eligibility_excluded_after_cut_off, eligibility_deleted, eligibility_not_yet_effective, "
    "counted_at, speaker_notified_at, declared_at";

const std::string_view count_assignments =
    "count_eligible = $2, count_valid_signatures = $3, count_rejected = $4, count_percent_tenths = $5, "
    "count_required = $6, count_successful = $7, eligibility_eligible = $8, eligibility_excluded_under_18 = "
    "$9, "
    "eligibility_excluded_late_application = $10, eligibility_excluded_after_cut_off = $11, "
    "eligibility_deleted = $12, eligibility_not_yet_effective = $13, counted_at = $14";

namespace {

constexpr std::size_t count_column_count = 12;

void append_count(SqlParams& out, const Declaration& count) {
  out.emplace_back(std::int64_t{count.eligible});
  out.emplace_back(std::int64_t{count.valid_signatures});
  out.emplace_back(std::int64_t{count.rejected});
  out.emplace_back(std::int64_t{count.percent_tenths});
  out.emplace_back(std::int64_t{count.required});
  out.push_back(sf::boolean(count.successful));
  const EligibilityCount& e = count.eligibility;
  out.emplace_back(std::int64_t{e.eligible});
  out.emplace_back(std::int64_t{e.excluded_under_18});
  out.emplace_back(std::int64_t{e.excluded_late_application});
  out.emplace_back(std::int64_t{e.excluded_after_cut_off});
  out.emplace_back(std::int64_t{e.deleted});
  out.emplace_back(std::int64_t{e.not_yet_effective});
}

// `first` is the column of count_eligible.
Declaration read_count(const SqlRow& row, std::size_t first) {
  Declaration count;
  count.eligible = row.integer(first);
  count.valid_signatures = row.integer(first + 1);
  count.rejected = row.integer(first + 2);
  count.percent_tenths = row.integer(first + 3);
  count.required = row.integer(first + 4);
  count.successful = sf::read_boolean(row, first + 5);
  EligibilityCount& e = count.eligibility;
  e.eligible = row.integer(first + 6);
  e.excluded_under_18 = row.integer(first + 7);
  e.excluded_late_application = row.integer(first + 8);
  e.excluded_after_cut_off = row.integer(first + 9);
  e.deleted = row.integer(first + 10);
  e.not_yet_effective = row.integer(first + 11);
  return count;
}

// Column 0 is id; the rest follow `columns`.
Petition read_petition(const SqlRow& row) {
  constexpr std::string_view what = "petition";
  Petition p;
  p.id = row.integer(0);
  p.ons_code = row.text(1);
  p.member_id = row.text(2);
  p.mp_name = row.text(3);
  p.constituency_name = row.text(4);
  p.policy_id = row.text(5);
  p.condition = row.text(6);
  p.condition_detail = row.text(7);
  p.notice = sf::read_date(row, 8, what);
  p.overrides.designated_day = sf::read_optional_date(row, 9, what);
  p.overrides.extend_for_bank_holidays = sf::read_optional_boolean(row, 10);
  p.override_reason = row.text(11);
  Timetable& t = p.timetable;
  t.notice = sf::read_optional_date(row, 12, what);
  t.requirement_notice_by = sf::read_optional_date(row, 13, what);
  t.cut_off_day = sf::read_optional_date(row, 14, what);
  t.designated_day = sf::read_date(row, 15, what);
  t.signing_period_end = sf::read_date(row, 16, what);
  t.unextended_end = sf::read_date(row, 17, what);
  t.extended_for_bank_holidays = sf::read_boolean(row, 18);
  t.count_by = sf::read_date(row, 19, what);
  p.register_id = row.integer(20);
  p.maximum_signing_places = row.integer(21);
  p.online_signing = sf::read_boolean(row, 22);
  p.postal_signing = sf::read_boolean(row, 23);
  p.proxy_signing = sf::read_boolean(row, 24);
  p.opened_at = row.text(25);
  if (!row.is_null(26)) {
    const auto reason = parse_termination_reason(row.text(27));
    if (!reason) sf::corrupt(what, fmt::format("unknown termination reason '{}'", row.text(27)));
    p.termination = Termination{sf::read_date(row, 26, what), *reason, row.text(28)};
  }
  if (!row.is_null(41)) {
    p.count = read_count(row, 29);
    p.counted_at = row.text(41);
  }
  p.speaker_notified_at = row.optional_text(42);
  p.declared_at = row.optional_text(43);
  return p;
}

}  // namespace

SqlParams petition_params(const Petition& p) {
  SqlParams out;
  out.reserve(column_count);
  out.emplace_back(p.ons_code);
  out.emplace_back(p.member_id);
  out.emplace_back(p.mp_name);
  out.emplace_back(p.constituency_name);
  out.emplace_back(p.policy_id);
  out.emplace_back(p.condition);
  out.emplace_back(p.condition_detail);
  out.push_back(sf::date(p.notice));
  out.push_back(sf::optional_date(p.overrides.designated_day));
  out.push_back(sf::optional_boolean(p.overrides.extend_for_bank_holidays));
  out.emplace_back(p.override_reason);
  const Timetable& t = p.timetable;
  out.push_back(sf::optional_date(t.notice));
  out.push_back(sf::optional_date(t.requirement_notice_by));
  out.push_back(sf::optional_date(t.cut_off_day));
  out.push_back(sf::date(t.designated_day));
  out.push_back(sf::date(t.signing_period_end));
  out.push_back(sf::date(t.unextended_end));
  out.push_back(sf::boolean(t.extended_for_bank_holidays));
  out.push_back(sf::date(t.count_by));
  out.emplace_back(p.register_id);
  out.emplace_back(std::int64_t{p.maximum_signing_places});
  out.push_back(sf::boolean(p.online_signing));
  out.push_back(sf::boolean(p.postal_signing));
  out.push_back(sf::boolean(p.proxy_signing));
  out.emplace_back(p.opened_at);
  if (p.termination) {
    out.push_back(sf::date(p.termination->on));
    out.emplace_back(std::string(to_string(p.termination->reason)));
    out.emplace_back(p.termination->detail);
  } else {
    out.insert(out.end(), 3, nullptr);
  }
  if (p.count) {
    append_count(out, *p.count);
  } else {
    out.insert(out.end(), count_column_count, nullptr);
  }
  // counted_at goes with the count: the table's CHECK refuses one without the other.
  out.push_back(p.count ? sf::optional_text(p.counted_at) : SqlValue(nullptr));
  out.push_back(sf::optional_text(p.speaker_notified_at));
  out.push_back(sf::optional_text(p.declared_at));
  return out;
}

SqlParams count_params(const Declaration& count, const std::string& counted_at) {
  SqlParams out;
  append_count(out, count);
  out.emplace_back(counted_at);
  return out;
}

void write_closures(SqlConnection& db, std::int64_t id, const std::vector<BankHoliday>& closures) {
  db.execute("DELETE FROM petition_closures WHERE petition_id = $1", {sql_int(id)});
  std::int64_t ordinal = 0;
  for (const BankHoliday& closure : closures) {
    db.execute("INSERT INTO petition_closures (petition_id, ordinal, on_date, name) VALUES ($1, $2, $3, $4)",
               {sql_int(id), sql_int(++ordinal), sf::date(closure.date), sql_text(closure.name)});
  }
}

void write_rejections(SqlConnection& db, std::int64_t id, const std::optional<Declaration>& count) {
  db.execute("DELETE FROM petition_rejections WHERE petition_id = $1", {sql_int(id)});
  if (!count) return;
  for (const auto& [reason, sheets] : count->rejected_by_reason) {
    db.execute("INSERT INTO petition_rejections (petition_id, reason, sheets) VALUES ($1, $2, $3)",
               {sql_int(id), sql_text(std::string(to_string(reason))), sql_int(sheets)});
  }
}

std::vector<Petition> load_petitions(SqlConnection& db, std::optional<std::int64_t> id) {
  // One petition or all of them: the same statements with or without the filter.
  const SqlParams filter = id ? SqlParams{sql_int(*id)} : SqlParams{};
  const std::string_view by_id = id ? " WHERE id = $1" : "";
  const std::string_view by_petition = id ? " WHERE petition_id = $1" : "";
  std::vector<Petition> petitions;
  std::map<std::int64_t, std::size_t> index;
  for (const SqlRow& row :
       db.query(fmt::format("SELECT id, {} FROM petitions{} ORDER BY id", columns, by_id), filter)) {
    petitions.push_back(read_petition(row));
    index[petitions.back().id] = petitions.size() - 1;
  }
  if (petitions.empty()) return petitions;
  for (const SqlRow& row : db.query(fmt::format("SELECT petition_id, on_date, name FROM petition_closures{}"
                                                " ORDER BY petition_id, ordinal",
                                                by_petition),
                                    filter)) {
    const auto found = index.find(row.integer(0));
    if (found == index.end()) continue;  // a petition created after the first SELECT
    petitions[found->second].timetable.closures.push_back(
        {sf::read_date(row, 1, "petition closure"), row.text(2)});
  }
  for (const SqlRow& row :
       db.query(fmt::format("SELECT petition_id, reason, sheets FROM petition_rejections{}", by_petition),
                filter)) {
    const auto found = index.find(row.integer(0));
    if (found == index.end()) continue;
    Petition& petition = petitions[found->second];
    const auto reason = parse_rejection_reason(row.text(1));
    if (!reason) sf::corrupt("petition count", fmt::format("unknown rejection reason '{}'", row.text(1)));
    // A count committed after the first SELECT: the petition as read has none yet.
    if (!petition.count) continue;
    petition.count->rejected_by_reason[*reason] = row.integer(2);
  }
  return petitions;
}

}  // namespace recall::petition_rows
