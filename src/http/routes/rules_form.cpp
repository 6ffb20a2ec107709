#include "http/routes/rules_form.hpp"

#include <cctype>
#include <charconv>
#include <span>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace {

struct Option {
  const char* value;
  const char* label;
};

constexpr Option event_options[] = {
    {"party-change", "Changed party"},
    {"custodial-sentence", "Sentenced to prison or detention"},
    {"suspension", "Suspended from the House"},
    {"allowance-conviction", "Convicted of a false allowance claim"},
    {"voter-application", "A voter applied for a recall"},
};
constexpr Option sentence_units[] = {{"days", "days"}, {"weeks", "weeks"}, {"months", "months"}, {"years", "years"}};
constexpr Option length_units[] = {{"sitting-days", "sitting days"}, {"days", "days"}, {"weeks", "weeks"}};
constexpr Option change_kinds[] = {
    {"left-party", "Left the party to sit as an independent"},
    {"resigned-whip", "Resigned the party whip"},
    {"joined-another", "Joined another party"},
};

class Reader {
 public:
  Reader(const Params& query, EvaluateForm& form) : query_(query), form_(form) {}

  std::string text(const std::string& field) {
    std::string value = query_.get(field).value_or("");
    const auto first = value.find_first_not_of(" \t");
    value = first == std::string::npos ? "" : value.substr(first, value.find_last_not_of(" \t") - first + 1);
    form_.values[field] = value;
    return value;
  }

  bool checkbox(const std::string& field) {
    const std::string value = query_.get(field).value_or("");
    const bool on = !value.empty() && value != "0" && value != "false" && value != "no";
    form_.values[field] = on;
    return on;
  }

  void error(const std::string& field, std::string message, std::string anchor = {}) {
    form_.errors.push_back({field, anchor.empty() ? field : std::move(anchor), std::move(message)});
  }

  // A GOV.UK date input (<name>-day, <name>-month, <name>-year) or, for API clients, <name> as ISO.
  std::optional<Date> date(const std::string& name, const std::string& label, bool required) {
    const std::string iso = query_.get(name).value_or("");
    const std::string day = query_.get(name + "-day").value_or("");
    const std::string month = query_.get(name + "-month").value_or("");
    const std::string year = query_.get(name + "-year").value_or("");
    form_.values[name] = {{"iso", iso}, {"day", day}, {"month", month}, {"year", year}};
    if (!iso.empty()) {
      if (auto parsed = try_parse_iso_date(iso)) return parsed;
      error(name, label + " must be a real date in the form YYYY-MM-DD", name + "-day");
      return std::nullopt;
    }
    if (day.empty() && month.empty() && year.empty()) {
      if (required) error(name, "Enter the " + lower_first(label), name + "-day");
      return std::nullopt;
    }
    for (const auto& [part, value] : {std::pair{"day", &day}, std::pair{"month", &month}, std::pair{"year", &year}}) {
      if (value->empty()) {
        error(name, fmt::format("{} must include a {}", label, part), fmt::format("{}-{}", name, part));
        return std::nullopt;
      }
    }
    const std::optional<long> d = number(day);
    const std::optional<long> m = number(month);
    const std::optional<long> y = number(year);
    if (!d || !m || !y || *y < 1000 || *y > 9999 || *m < 1 || *m > 12 || *d < 1 || *d > 31) {
      error(name, label + " must be a real date", name + "-day");
      return std::nullopt;
    }
    try {
      return make_date(static_cast<int>(*y), static_cast<unsigned>(*m), static_cast<unsigned>(*d));
    } catch (const Error&) {
      error(name, label + " must be a real date", name + "-day");
      return std::nullopt;
    }
  }

  std::optional<long> count(const std::string& field, const std::string& what) {
    const std::string value = text(field);
    if (value.empty()) {
      error(field, "Enter " + what);
      return std::nullopt;
    }
    const std::optional<long> parsed = number(value);
    if (!parsed || *parsed < 1) {
      error(field, fmt::format("{} must be a whole number of 1 or more, like 6", upper_first(what)));
      return std::nullopt;
    }
    return parsed;
  }

  std::optional<std::string> choice(const std::string& field, std::span<const Option> options, const std::string& what) {
    const std::string value = text(field);
    for (const Option& option : options) {
      if (value == option.value) return value;
    }
    error(field, value.empty() ? "Select " + what : fmt::format("Select {} from the list", what));
    return std::nullopt;
  }

  static std::optional<long> number(const std::string& text) {
    long value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
  }

  static std::string lower_first(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
  }
  static std::string upper_first(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
  }

 private:
  const Params& query_;
  EvaluateForm& form_;
};

const Member* find_member(const Parliament& parliament, const std::string& text, Reader& reader) {
  if (text.empty()) {
    reader.error("mp", "Enter the MP's name or id");
    return nullptr;
  }
  if (const Member* member = parliament.member(text)) return member;
  std::vector<const Member*> matches;
  for (const SearchHit& hit : parliament.search(text, 50)) {
    if (hit.kind == SearchHit::Kind::member) matches.push_back(parliament.member(hit.id));
  }
  if (matches.size() == 1 && matches.front() != nullptr) return matches.front();
  if (matches.empty()) {
    reader.error("mp", fmt::format("No MP matches '{}': enter a name such as Chuka Umunna, or an id such as "
                                   "2017-E14000978",
                                   text));
  } else {
    reader.error("mp", fmt::format("{} MPs match '{}': enter the full name, or an id such as 2017-E14000978",
                                   matches.size(), text));
  }
  return nullptr;
}

// The party the member sat for just before `date`: the last spell that began before it (a change
// recorded on that very day is the change being evaluated, not its starting point).
std::string party_before(const Member& member, Date date) {
  std::string party = member.elected_party;
  for (const PartySpell& spell : member.history) {
    if (spell.from && *spell.from < date) party = spell.party;
  }
  return party;
}

}  // namespace

EvaluateForm read_evaluate_form(const Site& site, const Params& query) {
  EvaluateForm form;
  Reader reader(query, form);

  form.member = find_member(site.parliament, reader.text("mp"), reader);

  const std::string policy_id = reader.text("policy");
  form.policy = site.policies.find(policy_id);
  if (form.policy == nullptr) {
    reader.error("policy", policy_id.empty() ? "Select the recall rules to apply" : "Select recall rules from the list");
  }

  const std::optional<std::string> kind = reader.choice("event", event_options, "what happened");
  const std::optional<Date> date = reader.date("date", "Date of the event", true);

  // Every field is read (so the form keeps it) but only the chosen event's fields are checked.
  const bool custodial = kind == "custodial-sentence";
  const bool suspension = kind == "suspension";
  const bool allowance = kind == "allowance-conviction";
  const bool party_change = kind == "party-change";

  std::optional<long> sentence_count;
  std::optional<std::string> sentence_unit;
  if (custodial) {
    sentence_count = reader.count("sentence_count", "the length of the sentence");
    sentence_unit = reader.choice("sentence_unit", sentence_units, "the unit of the sentence");
  } else {
    reader.text("sentence_count");
    reader.text("sentence_unit");
  }
  const bool suspended = reader.checkbox("suspended");
  const bool remand_only = reader.checkbox("remand_only");
  const bool hospital_order_only = reader.checkbox("hospital_order_only");
  const std::optional<Date> appeal_end = reader.date("appeal_end", "Date the appeal period ends", false);
  const bool overturned = reader.checkbox("overturned");

  std::optional<long> length_count;
  std::optional<std::string> length_unit;
  bool committee_report = true;
  if (suspension) {
    length_count = reader.count("length_count", "the length of the suspension");
    length_unit = reader.choice("length_unit", length_units, "the unit of the suspension");
    const std::string report = reader.text("committee_report");
    if (report == "no") {
      committee_report = false;
    } else if (report != "yes") {
      reader.error("committee_report", "Select whether the suspension followed a Standards Committee report",
                   "committee_report");
    }
  } else {
    reader.text("length_count");
    reader.text("length_unit");
    reader.text("committee_report");
  }

  std::optional<std::string> to_party;
  std::optional<std::string> change_kind;
  if (party_change) {
    const std::string party = reader.text("to_party");
    if (party.empty()) {
      reader.error("to_party", "Select the party the MP moved to");
    } else if (site.parliament.party(party) == nullptr) {
      reader.error("to_party", "Select the party the MP moved to from the list");
    } else {
      to_party = party;
    }
    change_kind = reader.choice("change_kind", change_kinds, "how the MP changed party");
  } else {
    reader.text("to_party");
    reader.text("change_kind");
  }

  if (!form.errors.empty() || !kind || !date || form.member == nullptr) return form;

  if (custodial) {
    CustodialSentence event;
    event.convicted_on = *date;
    event.sentenced_on = *date;
    event.sentence = Span{*sentence_count, parse_span_unit(*sentence_unit)};
    event.suspended = suspended;
    event.remand_only = remand_only;
    event.hospital_order_only = hospital_order_only;
    event.appeal_period_end = appeal_end;
    event.overturned_on_appeal = overturned;
    form.event = Event{event};
  } else if (suspension) {
    Suspension event;
    event.ordered_on = *date;
    event.length = Span{*length_count, parse_span_unit(*length_unit)};
    event.following_committee_report = committee_report;
    form.event = Event{event};
  } else if (allowance) {
    AllowanceConviction event;
    event.convicted_on = *date;
    event.sentenced_on = *date;
    event.appeal_period_end = appeal_end;
    event.overturned_on_appeal = overturned;
    form.event = Event{event};
  } else if (party_change) {
    PartyChange event;
    event.on = *date;
    event.from_party = party_before(*form.member, *date);
    event.to_party = *to_party;
    event.kind = parse_party_change_kind(*change_kind);
    if (event.from_party == event.to_party) {
      reader.error("to_party", fmt::format("The MP already sat for {} on that date: select another party",
                                           party_name(site.parliament, event.to_party)));
      return form;
    }
    form.event = Event{event};
  } else {
    form.event = Event{VoterApplication{*date}};
  }
  return form;
}

nlohmann::json evaluate_form_json(const Site& site, const EvaluateForm& form) {
  nlohmann::json out = form.values;
  const auto value_of = [&form](const char* field) {
    const auto it = form.values.find(field);
    return it != form.values.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto options = [](std::span<const Option> list, const std::string& chosen) {
    nlohmann::json json = nlohmann::json::array();
    for (const Option& option : list) {
      json.push_back({{"value", option.value}, {"label", option.label}, {"selected", chosen == option.value}});
    }
    return json;
  };
  out["event_options"] = options(event_options, value_of("event"));
  out["sentence_unit_options"] = options(sentence_units, value_of("sentence_unit"));
  out["length_unit_options"] = options(length_units, value_of("length_unit"));
  out["change_kind_options"] = options(change_kinds, value_of("change_kind"));

  nlohmann::json policy_options = nlohmann::json::array();
  for (const Policy& policy : site.policies.policies()) {
    policy_options.push_back({{"value", policy.id}, {"label", policy.title}, {"selected", value_of("policy") == policy.id}});
  }
  out["policy_options"] = std::move(policy_options);
  nlohmann::json party_options = nlohmann::json::array();
  for (const Party& party : site.parliament.data().parties) {
    party_options.push_back({{"value", party.code}, {"label", party.name}, {"selected", value_of("to_party") == party.code}});
  }
  out["party_options"] = std::move(party_options);
  const std::string report = value_of("committee_report");
  out["committee_report_yes"] = report == "yes";
  out["committee_report_no"] = report == "no";

  nlohmann::json errors = nlohmann::json::array();
  for (const FieldError& error : form.errors) {
    errors.push_back({{"field", error.field}, {"anchor", error.anchor}, {"message", error.message}});
    // The first error on a field is the one shown beside it.
    if (!out.contains(error.field + "_error")) out[error.field + "_error"] = error.message;
  }
  out["has_errors"] = !errors.empty();
  out["errors"] = std::move(errors);
  return out;
}

}  // namespace recall::http
