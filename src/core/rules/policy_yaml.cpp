// Loading a policy from YAML. Keys are snake_case; condition names are the kebab-case condition
// kinds. Every key must be known (see Fields::only) and every error names file:line:column and key.
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/policy.hpp"
#include "core/rules/yaml_fields.hpp"

namespace recall {

namespace {

using rules_yaml::Fields;

// Runs a parse function on a scalar and re-throws its error at the scalar's position.
template <typename Parse>
auto parse_at(Fields& fields, std::string_view key, Parse parse) {
  const auto value = fields.node(key);
  const auto text = fields.scalar_text(value, fields.path_of(key));
  try {
    return parse(text);
  } catch (const Error& e) {
    throw_invalid(e.message(), rules_yaml::location_of(value, fields.file(), fields.path_of(key)));
  }
}

Span parse_span_text(std::string_view text) {
  const auto space = text.find(' ');
  if (space == std::string_view::npos) {
    throw_invalid(fmt::format("'{}' is not a period such as '6 months' or '18 months'", text));
  }
  const auto number = text.substr(0, space);
  long count = 0;
  for (char c : number) {
    if (c < '0' || c > '9') throw_invalid(fmt::format("'{}' is not a period such as '6 months'", text));
    count = count * 10 + (c - '0');
  }
  if (number.empty()) throw_invalid(fmt::format("'{}' is not a period such as '6 months'", text));
  return Span{count, parse_span_unit(text.substr(space + 1))};
}

long positive(Fields& fields, std::string_view key, long fallback, long minimum = 0) {
  const long value = fields.integer_or(key, fallback);
  if (value < minimum) fields.fail(key, fmt::format("'{}' must be at least {}", fields.path_of(key), minimum));
  return value;
}

BasisPoints percent(Fields& fields, std::string_view key) {
  const auto value = parse_at(fields, key, [](std::string_view text) { return parse_percent(text); });
  if (value <= 0 || value > 100 * 100) {
    fields.fail(key, fmt::format("'{}' must be more than 0 and at most 100", fields.path_of(key)));
  }
  return value;
}

Threshold read_threshold(Fields fields) {
  fields.only({"percent", "comparison", "base", "citation"});
  Threshold out;
  out.percent = percent(fields, "percent");
  out.comparison = parse_at(fields, "comparison", [](std::string_view t) { return parse_threshold_comparison(t); });
  out.base = parse_at(fields, "base", [](std::string_view t) { return parse_threshold_base(t); });
  out.citation = fields.text_or("citation", "");
  return out;
}

Conditions read_conditions(Fields fields) {
  fields.only({"custodial-sentence", "suspension", "allowance-conviction", "party-change", "voter-application"});
  Conditions out;
  if (auto f = fields.optional_map("custodial-sentence")) {
    f->only({"citation", "suspended_sentence_counts", "remand_counts", "hospital_order_counts", "after_appeal_period"});
    CustodialSentenceCondition c;
    c.citation = f->text("citation");
    c.suspended_sentence_counts = f->boolean_or("suspended_sentence_counts", c.suspended_sentence_counts);
    c.remand_counts = f->boolean_or("remand_counts", c.remand_counts);
    c.hospital_order_counts = f->boolean_or("hospital_order_counts", c.hospital_order_counts);
    c.after_appeal_period = f->boolean_or("after_appeal_period", c.after_appeal_period);
    out.custodial_sentence = c;
  }
  if (auto f = fields.optional_map("suspension")) {
    f->only({"citation", "requires_committee_report", "minimum_sitting_days", "minimum_days"});
    SuspensionCondition c;
    c.citation = f->text("citation");
    c.requires_committee_report = f->boolean_or("requires_committee_report", c.requires_committee_report);
    c.minimum_sitting_days = positive(*f, "minimum_sitting_days", c.minimum_sitting_days, 1);
    c.minimum_days = positive(*f, "minimum_days", c.minimum_days, 1);
    out.suspension = c;
  }
  if (auto f = fields.optional_map("allowance-conviction")) {
    f->only({"citation", "after_appeal_period"});
    AllowanceConvictionCondition c;
    c.citation = f->text("citation");
    c.after_appeal_period = f->boolean_or("after_appeal_period", c.after_appeal_period);
    out.allowance_conviction = c;
  }
  if (auto f = fields.optional_map("party-change")) {
    f->only({"citation", "on_leaving_party", "on_resigning_whip", "on_joining_another", "only_from_elected_party"});
    PartyChangeCondition c;
    c.citation = f->text("citation");
    c.on_leaving_party = f->boolean_or("on_leaving_party", c.on_leaving_party);
    c.on_resigning_whip = f->boolean_or("on_resigning_whip", c.on_resigning_whip);
    c.on_joining_another = f->boolean_or("on_joining_another", c.on_joining_another);
    c.only_from_elected_party = f->boolean_or("only_from_elected_party", c.only_from_elected_party);
    if (!c.on_leaving_party && !c.on_resigning_whip && !c.on_joining_another) {
      f->fail("on_leaving_party", "a party-change condition must be met by at least one kind of change");
    }
    out.party_change = c;
  }
  if (auto f = fields.optional_map("voter-application")) {
    f->only({"citation"});
    out.voter_application = VoterApplicationCondition{f->text("citation")};
  }
  if (!out.custodial_sentence && !out.suspension && !out.allowance_conviction && !out.party_change &&
      !out.voter_application) {
    throw_invalid("a policy needs at least one condition", fields.where_map());
  }
  return out;
}

std::optional<PeriodExclusion> read_period_exclusion(Fields& parent, std::string_view key) {
  auto f = parent.optional_map(key);
  if (!f) return std::nullopt;
  f->only({"period", "citation"});
  PeriodExclusion out;
  out.period = parse_at(*f, "period", [](std::string_view t) { return parse_span_text(t); });
  if (out.period.unit == SpanUnit::sitting_days || out.period.count <= 0) {
    f->fail("period", "the period must be a positive number of days, weeks, months or years");
  }
  out.citation = f->text("citation");
  return out;
}

std::optional<FlagExclusion> read_flag_exclusion(Fields& parent, std::string_view key) {
  auto f = parent.optional_map(key);
  if (!f) return std::nullopt;
  f->only({"citation"});
  return FlagExclusion{f->text("citation")};
}

Exclusions read_exclusions(Fields fields) {
  fields.only({"general_election_within", "petition_under_way", "seat_vacant", "too_soon_after_election"});
  Exclusions out;
  out.general_election_within = read_period_exclusion(fields, "general_election_within");
  out.petition_under_way = read_flag_exclusion(fields, "petition_under_way");
  out.seat_vacant = read_flag_exclusion(fields, "seat_vacant");
  out.too_soon_after_election = read_period_exclusion(fields, "too_soon_after_election");
  return out;
}

NoticeRules read_notice(Fields fields) {
  fields.only({"citation", "working_days_after", "assumption"});
  NoticeRules out;
  out.citation = fields.text("citation");
  out.working_days_after = positive(fields, "working_days_after", 0);
  out.assumption = fields.text("assumption");
  return out;
}

TimetableRules read_timetable(Fields fields) {
  fields.only({"uses_working_days", "requirement_notice_working_days", "designated_working_day",
               "cut_off_working_days_before", "signing_period_days", "bank_holiday_extension",
               "count_days_after_close"});
  TimetableRules out;
  out.uses_working_days = fields.boolean("uses_working_days");
  out.requirement_notice_working_days = static_cast<int>(positive(fields, "requirement_notice_working_days", 0));
  out.designated_working_day = static_cast<int>(positive(fields, "designated_working_day", 0));
  out.cut_off_working_days_before = static_cast<int>(positive(fields, "cut_off_working_days_before", 0));
  out.signing_period_days = static_cast<int>(positive(fields, "signing_period_days", 0, 1));
  out.count_days_after_close = static_cast<int>(positive(fields, "count_days_after_close", 1));
  if (auto list = fields.optional_node("bank_holiday_extension")) {
    const auto path = fields.path_of("bank_holiday_extension");
    if (!list->IsSequence()) {
      throw_invalid("expected a list of {applies_from, extends}", rules_yaml::location_of(*list, fields.file(), path));
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      Fields item((*list)[i], fields.file(), fmt::format("{}[{}]", path, i));
      item.only({"applies_from", "extends"});
      BankHolidayExtensionRule rule;
      rule.applies_from = item.date("applies_from");
      rule.extends = item.boolean("extends");
      if (!out.bank_holiday_extension.empty() && rule.applies_from <= out.bank_holiday_extension.back().applies_from) {
        item.fail("applies_from", "bank_holiday_extension entries must be in increasing order of applies_from");
      }
      if (rule.extends && !out.uses_working_days) {
        item.fail("extends", "a bank-holiday extension needs uses_working_days: true");
      }
      out.bank_holiday_extension.push_back(rule);
    }
  }
  if (out.uses_working_days && out.designated_working_day < 1) {
    fields.fail("designated_working_day", "with working days, signing opens at least 1 working day after the notice");
  }
  if (out.cut_off_working_days_before > 0 && out.cut_off_working_days_before >= out.designated_working_day) {
    fields.fail("cut_off_working_days_before",
                "cut_off_working_days_before must be less than designated_working_day, or the cut-off day would not "
                "fall after the notice");
  }
  return out;
}

RecallVote read_recall_vote(Fields fields) {
  fields.only({"yes_must_exceed_no", "yes_threshold", "citation"});
  RecallVote out;
  out.yes_must_exceed_no = fields.boolean("yes_must_exceed_no");
  if (auto f = fields.optional_map("yes_threshold")) out.yes_threshold = read_threshold(*f);
  out.citation = fields.text("citation");
  return out;
}

SampleVerification read_sample(Fields fields) {
  fields.only({"sample_percent", "sample_minimum", "certify_above_percent", "full_count_from_percent", "citation"});
  SampleVerification out;
  out.sample_percent = percent(fields, "sample_percent");
  out.sample_minimum = positive(fields, "sample_minimum", 0);
  out.certify_above = parse_at(fields, "certify_above_percent", [](std::string_view t) { return parse_percent(t); });
  out.full_count_from =
      parse_at(fields, "full_count_from_percent", [](std::string_view t) { return parse_percent(t); });
  if (out.full_count_from > out.certify_above) {
    fields.fail("full_count_from_percent", "full_count_from_percent must not be above certify_above_percent");
  }
  out.citation = fields.text("citation");
  return out;
}

SigningRules read_signing(Fields fields) {
  fields.only({"maximum_signing_places", "running_totals_sealed", "online", "postal", "proxy", "citation"});
  SigningRules out;
  out.maximum_signing_places = positive(fields, "maximum_signing_places", 0);
  out.running_totals_sealed = fields.boolean("running_totals_sealed");
  out.online_signing = fields.boolean("online");
  out.postal_signing = fields.boolean("postal");
  out.proxy_signing = fields.boolean("proxy");
  out.citation = fields.text_or("citation", "");
  return out;
}

EarlyTermination read_early_termination(Fields fields) {
  fields.only({"on_dissolution", "on_seat_vacated", "on_overturned_on_appeal", "citation"});
  EarlyTermination out;
  out.on_dissolution = fields.boolean("on_dissolution");
  out.on_seat_vacated = fields.boolean("on_seat_vacated");
  out.on_overturned_on_appeal = fields.boolean("on_overturned_on_appeal");
  out.citation = fields.text("citation");
  return out;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

Policy parse_policy(std::string_view yaml_text, const std::string& file_name) {
  const auto document = rules_yaml::parse_document(yaml_text, file_name);
  if (!document.IsDefined() || document.IsNull()) {
    throw_invalid("the policy file is empty", SourceLocation{file_name, 1, 1, {}});
  }
  Fields fields(document, file_name, "");
  fields.only({"id", "title", "jurisdiction", "summary", "in_force", "source", "conditions", "exclusions", "notice",
               "timetable", "proposal_threshold", "threshold", "recall_vote", "sample_verification", "signing",
               "early_termination", "on_success"});
  Policy policy;
  policy.file = file_name;
  policy.id = fields.text("id");
  if (!valid_id(policy.id)) {
    fields.fail("id", fmt::format("'{}' is not a valid policy id (lower-case letters, digits and hyphens)", policy.id));
  }
  policy.title = fields.text("title");
  policy.jurisdiction = fields.text("jurisdiction");
  policy.summary = fields.text("summary");
  policy.in_force = fields.date("in_force");
  policy.source = fields.text("source");
  policy.conditions = read_conditions(fields.map("conditions"));
  if (auto f = fields.optional_map("exclusions")) policy.exclusions = read_exclusions(*f);
  policy.notice = read_notice(fields.map("notice"));
  policy.timetable = read_timetable(fields.map("timetable"));
  if (auto f = fields.optional_map("proposal_threshold")) policy.proposal_threshold = read_threshold(*f);
  policy.threshold = read_threshold(fields.map("threshold"));
  if (auto f = fields.optional_map("recall_vote")) policy.recall_vote = read_recall_vote(*f);
  if (auto f = fields.optional_map("sample_verification")) policy.sample_verification = read_sample(*f);
  policy.signing = read_signing(fields.map("signing"));
  policy.early_termination = read_early_termination(fields.map("early_termination"));
  policy.on_success = fields.text("on_success");
  if (policy.on_success != "by-election" && policy.on_success != "seat-vacated" && policy.on_success != "recall-vote") {
    fields.fail("on_success", fmt::format("unknown on_success '{}' (expected by-election, seat-vacated or recall-vote)",
                                          policy.on_success));
  }
  if ((policy.on_success == "recall-vote") != policy.recall_vote.has_value()) {
    fields.fail("on_success", "on_success: recall-vote and a recall_vote section go together");
  }
  fields.finish();
  return policy;
}

Policy load_policy(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::not_found, fmt::format("cannot read policy file {}", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  auto policy = parse_policy(text.str(), path.string());
  if (policy.id != path.stem().string()) {
    const auto document = rules_yaml::parse_document(text.str(), path.string());
    throw_invalid(fmt::format("policy id '{}' does not match its file name '{}'", policy.id, path.filename().string()),
                  rules_yaml::location_of(document["id"], path.string(), "id"));
  }
  return policy;
}

}  // namespace recall
