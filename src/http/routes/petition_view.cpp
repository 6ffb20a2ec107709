#include "http/routes/petition_view.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "core/auth/role.hpp"
#include "core/petition/local_time.hpp"
#include "http/routes/format.hpp"

namespace recall::http {

namespace {

constexpr std::array<std::string_view, 7> weekday_names{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                         "Friday", "Saturday", "Sunday"};

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

SourceLocation form_field(std::string_view field) { return SourceLocation{"form", 0, 0, std::string(field)}; }

nlohmann::json optional_date_json(const std::optional<Date>& date) {
  return date ? date_json(*date) : nlohmann::json(nullptr);
}

nlohmann::json address_lines(std::string_view address) {
  nlohmann::json lines = nlohmann::json::array();
  while (!address.empty()) {
    const auto end = address.find('\n');
    const std::string line = trimmed(address.substr(0, end));
    if (!line.empty()) lines.push_back(line);
    if (end == std::string_view::npos) break;
    address.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

std::int64_t id_param(const Request& request, std::string_view name) {
  const auto found = request.path_params.find(std::string(name));
  std::int64_t value = 0;
  if (found != request.path_params.end()) {
    const std::string& text = found->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size() && value > 0) return value;
  }
  throw Error(ErrorKind::not_found, "There is no such petition or signing place");
}

std::string form_text(const Request& request, std::string_view field) {
  return trimmed(request.form.get(field).value_or(""));
}

std::string required_form_text(const Request& request, std::string_view field, std::string_view label) {
  std::string value = form_text(request, field);
  if (value.empty()) throw Error(ErrorKind::invalid_input, fmt::format("Enter {}", label), form_field(field));
  return value;
}

std::optional<Date> form_date(const Request& request, std::string_view field, std::string_view label) {
  const std::string whole = form_text(request, field);
  if (!whole.empty()) {
    if (auto date = try_parse_iso_date(whole)) return date;
    throw Error(ErrorKind::invalid_input, fmt::format("{} must be a real date", label), form_field(field));
  }
  const std::string day = form_text(request, std::string(field) + "-day");
  const std::string month = form_text(request, std::string(field) + "-month");
  const std::string year = form_text(request, std::string(field) + "-year");
  if (day.empty() && month.empty() && year.empty()) return std::nullopt;
  int d = 0;
  int m = 0;
  int y = 0;
  const auto number = [](const std::string& text, int& out) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && error == std::errc() && end == text.data() + text.size();
  };
  if (!number(day, d) || !number(month, m) || !number(year, y) || d < 1 || d > 31 || m < 1 || m > 12 ||
      y < 1900 || y > 2100) {
    throw Error(ErrorKind::invalid_input, fmt::format("{} must be a real date", label), form_field(field));
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) throw Error(ErrorKind::invalid_input, fmt::format("{} must be a real date", label), form_field(field));
  return Date{ymd};
}

bool form_yes(const Request& request, std::string_view field, bool absent) {
  const auto value = request.form.get(field);
  if (!value) return absent;
  return *value == "yes" || *value == "on" || *value == "true" || *value == "1";
}

nlohmann::json date_json(Date date) { return {{"iso", to_iso(date)}, {"display", day_month_year(date)}}; }

nlohmann::json timetable_json(const Timetable& timetable) {
  nlohmann::json closures = nlohmann::json::array();
  for (const BankHoliday& closure : timetable.closures) {
    closures.push_back({{"date", date_json(closure.date)}, {"name", closure.name}});
  }
  return {{"notice", optional_date_json(timetable.notice)},
          {"requirement_notice_by", optional_date_json(timetable.requirement_notice_by)},
          {"cut_off_day", optional_date_json(timetable.cut_off_day)},
          {"designated_day", date_json(timetable.designated_day)},
          {"signing_period_end", date_json(timetable.signing_period_end)},
          {"unextended_end", date_json(timetable.unextended_end)},
          {"extended_for_bank_holidays", timetable.extended_for_bank_holidays},
          {"closures", closures},
          {"has_closures", !closures.empty()},
          {"count_by", date_json(timetable.count_by)}};
}

nlohmann::json place_hours_form_json(const std::vector<OpeningHours>& hours) {
  nlohmann::json days = nlohmann::json::array();
  for (int weekday = 1; weekday <= 7; ++weekday) {
    std::string opens;
    std::string closes;
    for (const OpeningHours& day : hours) {
      if (day.weekday == weekday) {
        opens = format_clock_time(day.opens);
        closes = format_clock_time(day.closes);
      }
    }
    days.push_back({{"weekday", weekday},
                    {"name", weekday_names[static_cast<std::size_t>(weekday - 1)]},
                    {"opens", opens},
                    {"closes", closes}});
  }
  return days;
}

nlohmann::json place_json(const SigningPlace& place) {
  nlohmann::json hours = nlohmann::json::array();
  for (const OpeningHours& day : place.hours) {
    hours.push_back({{"weekday", day.weekday},
                     {"day", weekday_names[static_cast<std::size_t>(std::clamp(day.weekday, 1, 7) - 1)]},
                     {"opens", format_clock_time(day.opens)},
                     {"closes", format_clock_time(day.closes)}});
  }
  return {{"id", place.id},
          {"petition_id", place.petition_id},
          {"name", place.name},
          {"address", place.address},
          {"address_lines", address_lines(place.address)},
          {"postcode", place.postcode},
          {"hours", hours},
          {"hours_display", describe_opening_hours(place.hours)},
          {"hours_form", place_hours_form_json(place.hours)},
          {"id_suffix", "-" + std::to_string(place.id)}};
}

std::string_view phase_display(PetitionPhase phase) {
  switch (phase) {
    case PetitionPhase::awaiting_signing:
      return "Not yet open for signing";
    case PetitionPhase::signing:
      return "Open for signing";
    case PetitionPhase::closed:
      return "Closed: awaiting the count";
    case PetitionPhase::counted:
      return "Counted: the Speaker is to be notified";
    case PetitionPhase::speaker_notified:
      return "The Speaker has been notified: public notice to follow";
    case PetitionPhase::declared:
      return "Result declared";
  }
  return "";
}

nlohmann::json petition_json(const Petition& petition, PetitionPhase phase) {
  nlohmann::json termination = nullptr;
  if (petition.termination) {
    termination = {{"on", date_json(petition.termination->on)},
                   {"reason", std::string(to_string(petition.termination->reason))},
                   {"detail", petition.termination->detail}};
  }
  const bool overridden = petition.overrides.designated_day || petition.overrides.extend_for_bank_holidays;
  return {{"id", petition.id},
          {"ons_code", petition.ons_code},
          {"constituency_name", petition.constituency_name},
          {"member_id", petition.member_id},
          {"mp_name", petition.mp_name},
          {"policy_id", petition.policy_id},
          {"condition", petition.condition},
          {"condition_detail", petition.condition_detail},
          {"notice", date_json(petition.notice)},
          {"timetable", timetable_json(petition.timetable)},
          {"last_signing_day", date_json(last_signing_day(petition))},
          {"overridden", overridden},
          {"override_reason", petition.override_reason},
          {"maximum_signing_places", petition.maximum_signing_places},
          {"online_signing", petition.online_signing},
          {"postal_signing", petition.postal_signing},
          {"proxy_signing", petition.proxy_signing},
          {"termination", termination},
          {"terminated", petition.termination.has_value()},
          {"phase", std::string(to_string(phase))},
          {"phase_display", std::string(phase_display(phase))},
          {"awaiting_signing", phase == PetitionPhase::awaiting_signing},
          {"signing", phase == PetitionPhase::signing},
          {"closed", phase == PetitionPhase::closed},
          {"counted", phase == PetitionPhase::counted},
          {"speaker_notified", phase == PetitionPhase::speaker_notified},
          {"declared", phase == PetitionPhase::declared}};
}

nlohmann::json declaration_json(const Declaration& declaration) {
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& [reason, count] : declaration.rejected_by_reason) {
    rejected.push_back({{"reason", std::string(to_string(reason))},
                        {"description", std::string(describe(reason))},
                        {"count", count},
                        {"count_display", with_thousands(count)}});
  }
  const std::string percent = format_percent_tenths(declaration.percent_tenths);
  return {{"eligible", declaration.eligible},
          {"eligible_display", with_thousands(declaration.eligible)},
          {"valid_signatures", declaration.valid_signatures},
          {"valid_signatures_display", with_thousands(declaration.valid_signatures)},
          {"rejected", declaration.rejected},
          {"rejected_display", with_thousands(declaration.rejected)},
          {"rejected_by_reason", rejected},
          {"has_rejections", !rejected.empty()},
          {"percent", percent},
          {"percent_display", percent + "%"},
          {"required", declaration.required},
          {"required_display", with_thousands(declaration.required)},
          {"successful", declaration.successful},
          {"outcome", declaration.successful ? "successful" : "unsuccessful"}};
}

nlohmann::json public_petition_json(const PublicPetition& petition) {
  nlohmann::json view = petition_json(petition.petition, petition.phase);
  nlohmann::json places = nlohmann::json::array();
  for (const SigningPlace& place : petition.places) places.push_back(place_json(place));
  view["places"] = places;
  view["has_places"] = !places.empty();
  view["requirement"] = {
      {"eligible", petition.eligible_at_requirement},
      {"eligible_display", with_thousands(petition.eligible_at_requirement)},
      {"signatures_required", petition.signatures_required},
      {"signatures_required_display", with_thousands(petition.signatures_required)},
      {"rule", "signatures × 10 ≥ eligible electors"},
  };
  return view;
}

nlohmann::json elector_json(const PetitionElector& elector) {
  const RegisterEntry& entry = elector.entry;
  nlohmann::json address = nlohmann::json::array();
  for (const std::string* line : {&entry.address_1, &entry.address_2, &entry.address_3}) {
    if (!line->empty()) address.push_back(*line);
  }
  const bool anonymous = entry.markers.anonymous;
  return {{"elector_number", entry.elector_number},
          {"name", anonymous ? std::string("Anonymous elector") : entry.forenames + " " + entry.surname},
          {"surname", entry.surname},
          {"forenames", entry.forenames},
          {"address_lines", address},
          {"postcode", entry.postcode},
          {"overseas", entry.markers.overseas},
          {"anonymous", anonymous},
          {"absent_vote", std::string(to_code(entry.absent_vote))},
          {"has_proxy", entry.absent_vote == AbsentVote::proxy || entry.absent_vote == AbsentVote::postal_proxy},
          {"proxy_name", entry.proxy_name},
          {"entitled", elector.entitled},
          {"not_entitled_reason", elector.reason}};
}

nlohmann::json visitor_json(const Visitor& visitor) {
  return {{"signed_in", visitor.signed_in()},
          {"email", visitor.actor.email},
          {"role", std::string(to_string(visitor.actor.role))},
          {"duty", std::string(to_string(visitor.actor.duty))}};
}

void add_visitor(nlohmann::json& view, const Visitor& visitor) {
  view["visitor"] = visitor_json(visitor);
  view["csrf_token"] = visitor.csrf_token;
}

nlohmann::json form_error_json(const Error& error, std::string_view default_field) {
  std::string field = error.where() && !error.where()->field.empty() ? error.where()->field : std::string(default_field);
  std::string anchor = field;
  for (char& c : anchor) {
    if (c == '[' || c == ']' || c == '.') c = '-';
  }
  return {{"field", field}, {"anchor", anchor}, {"message", error.message()}};
}

std::vector<OpeningHours> form_opening_hours(const Request& request) {
  std::vector<OpeningHours> hours;
  for (int weekday = 1; weekday <= 7; ++weekday) {
    const std::string opens_field = fmt::format("opens_{}", weekday);
    const std::string closes_field = fmt::format("closes_{}", weekday);
    const std::string opens = form_text(request, opens_field);
    const std::string closes = form_text(request, closes_field);
    if (opens.empty() && closes.empty()) continue;
    hours.push_back(OpeningHours{weekday, parse_clock_time(opens, opens_field), parse_clock_time(closes, closes_field)});
  }
  return hours;
}

}  // namespace recall::http
