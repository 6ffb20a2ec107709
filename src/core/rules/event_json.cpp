// Events to and from JSON (the web form, the API and the CLI); reading is strict and names fields.
#include "core/rules/rules_json.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/json_fields.hpp"
#include "core/rules/json_shared.hpp"

namespace recall {

using nlohmann::json;
using rules_json_detail::iso;
using rules_json_detail::JsonFields;
using rules_json_detail::positive_span;
using rules_json_detail::span_json;
using rules_json_detail::threshold_json;

json to_json(const Event& event) {
  struct Visitor {
    json operator()(const CustodialSentence& e) const {
      return {{"convicted_on", to_iso(e.convicted_on)}, {"sentenced_on", iso(e.sentenced_on)},
              {"sentence", span_json(e.sentence)},       {"suspended", e.suspended},
              {"remand_only", e.remand_only},            {"hospital_order_only", e.hospital_order_only},
              {"appeal_period_end", iso(e.appeal_period_end)}, {"overturned_on_appeal", e.overturned_on_appeal}};
    }
    json operator()(const Suspension& e) const {
      return {{"ordered_on", to_iso(e.ordered_on)},
              {"starts_on", iso(e.starts_on)},
              {"length", span_json(e.length)},
              {"following_committee_report", e.following_committee_report}};
    }
    json operator()(const AllowanceConviction& e) const {
      return {{"convicted_on", to_iso(e.convicted_on)},
              {"sentenced_on", iso(e.sentenced_on)},
              {"appeal_period_end", iso(e.appeal_period_end)},
              {"overturned_on_appeal", e.overturned_on_appeal}};
    }
    json operator()(const PartyChange& e) const {
      return {{"on", iso(e.on)},           {"known_by", iso(e.known_by)}, {"from_party", e.from_party},
              {"to_party", e.to_party},    {"change", to_string(e.kind)}, {"note", e.note}};
    }
    json operator()(const VoterApplication& e) const { return {{"applied_on", to_iso(e.applied_on)}}; }
  };
  json out = std::visit(Visitor{}, event.detail);
  out["kind"] = to_string(event.kind());
  return out;
}

Event event_from_json(const json& input, std::string_view source) {
  const JsonFields f(input, std::string(source), "");
  const auto kind = f.parsed("kind", [](const std::string& text) { return parse_condition_kind(text); });
  switch (kind) {
    case ConditionKind::custodial_sentence: {
      f.only({"kind", "convicted_on", "sentenced_on", "sentence", "suspended", "remand_only", "hospital_order_only",
              "appeal_period_end", "overturned_on_appeal"});
      CustodialSentence e;
      e.convicted_on = f.date("convicted_on");
      e.sentenced_on = f.optional_date("sentenced_on");
      e.suspended = f.boolean_or("suspended", false);
      e.remand_only = f.boolean_or("remand_only", false);
      e.hospital_order_only = f.boolean_or("hospital_order_only", false);
      // The length appears in the reason, so it is required whenever there was a sentence.
      if (f.present("sentence") || !(e.remand_only || e.hospital_order_only)) e.sentence = positive_span(f, "sentence");
      e.appeal_period_end = f.optional_date("appeal_period_end");
      e.overturned_on_appeal = f.boolean_or("overturned_on_appeal", false);
      if (e.sentenced_on && *e.sentenced_on < e.convicted_on) f.fail("sentenced_on", "sentencing cannot come before conviction");
      if (e.appeal_period_end && *e.appeal_period_end < e.convicted_on) {
        f.fail("appeal_period_end", "the appeal period cannot end before the conviction");
      }
      return Event{e};
    }
    case ConditionKind::suspension: {
      f.only({"kind", "ordered_on", "starts_on", "length", "following_committee_report"});
      Suspension e;
      e.ordered_on = f.date("ordered_on");
      e.starts_on = f.optional_date("starts_on");
      e.length = positive_span(f, "length");
      e.following_committee_report = f.boolean_or("following_committee_report", true);
      return Event{e};
    }
    case ConditionKind::allowance_conviction: {
      f.only({"kind", "convicted_on", "sentenced_on", "appeal_period_end", "overturned_on_appeal"});
      AllowanceConviction e;
      e.convicted_on = f.date("convicted_on");
      e.sentenced_on = f.optional_date("sentenced_on");
      e.appeal_period_end = f.optional_date("appeal_period_end");
      e.overturned_on_appeal = f.boolean_or("overturned_on_appeal", false);
      if (e.appeal_period_end && *e.appeal_period_end < e.convicted_on) {
        f.fail("appeal_period_end", "the appeal period cannot end before the conviction");
      }
      return Event{e};
    }
    case ConditionKind::party_change: {
      f.only({"kind", "on", "known_by", "from_party", "to_party", "change", "note"});
      PartyChange e;
      e.on = f.optional_date("on");
      e.known_by = f.optional_date("known_by");
      if (!e.on && !e.known_by) f.fail("on", "a party change needs 'on' (its date) or 'known_by'");
      e.from_party = f.text("from_party");
      e.to_party = f.text("to_party");
      if (e.from_party == e.to_party) f.fail("to_party", "'to_party' must differ from 'from_party'");
      e.kind = f.present("change") ? f.parsed("change", [](const std::string& t) { return parse_party_change_kind(t); })
                                   : (e.to_party == "ind" ? PartyChangeKind::left_party : PartyChangeKind::joined_another);
      e.note = f.text_or("note", "");
      return Event{e};
    }
    case ConditionKind::voter_application: {
      f.only({"kind", "applied_on"});
      return Event{VoterApplication{f.date("applied_on")}};
    }
  }
  f.fail("kind", "unknown event kind");
}

}  // namespace recall
