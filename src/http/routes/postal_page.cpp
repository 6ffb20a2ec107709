// GET /petitions/{id}/postal, POST /petitions/{id}/postal/issue and /postal/returns: the postal
// team issues a signing sheet to a new applicant and records each returned sheet with its checks
// (official mark, date of birth and signature matched, or void for uncertainty). The outcome
// concerns the sheet in front of them only; refusals are outcomes (200), not errors.
#include "core/auth/permissions.hpp"
#include "http/auth/guard.hpp"
#include "http/page.hpp"
#include "http/routes/ledger_view.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

constexpr std::size_t recent_issues_shown = 20;

nlohmann::json return_outcome_json(const PostalReturnResult& result) {
  if (result.double_signing) {
    return {{"outcome", "double-signing"},
            {"title", "Refused: a sheet already counts for this elector"},
            {"text", "This sheet is not counted. Signing twice is an offence (s.12); the attempt is recorded."},
            {"success", false}};
  }
  if (result.accepted) {
    return {{"outcome", "accepted"}, {"title", "Accepted"}, {"text", "The sheet counts as a valid signature."}, {"success", true}};
  }
  const RejectionReason reason = result.rejection.value_or(RejectionReason::unmarked_or_void_for_uncertainty);
  return {{"outcome", "rejected"},
          {"reason", std::string(to_string(reason))},
          {"title", "Rejected: " + std::string(describe(reason))},
          {"text", "The sheet is kept and counted as rejected for this reason."},
          {"success", false}};
}

Response show(const Site& site, const Request& request, const Visitor& visitor, const nlohmann::json& outcome,
              const nlohmann::json& error, int status) {
  const std::int64_t id = id_param(request, "id");
  const auto petition = site.petitions.public_petition(id);
  if (!petition) throw Error(ErrorKind::not_found, "There is no such petition");
  nlohmann::json issues = nlohmann::json::array();
  std::size_t issued = 0;
  if (visitor_may(visitor, {Permission::issue_postal_votes})) {
    const std::vector<PostalIssue> all = site.petitions.postal_issues(visitor.actor, id);
    issued = all.size();
    for (auto it = all.rbegin(); it != all.rend() && issues.size() < recent_issues_shown; ++it) {
      if (it->reason != "application") continue;
      issues.push_back({{"elector_number", it->elector_number}, {"issued_at", it->issued_at}, {"to_proxy", it->to_proxy}});
    }
  }
  nlohmann::json view{{"petition", petition_json(petition->petition, petition->phase)},
                      {"may_issue", visitor_may(visitor, {Permission::issue_postal_votes})},
                      {"may_record", visitor_may(visitor, {Permission::record_postal_signature})},
                      {"issued", issued},
                      {"recent_applications", issues},
                      {"has_recent_applications", !issues.empty()},
                      {"today", to_iso(site.petitions.now_local().date)},
                      {"has_outcome", !outcome.is_null()},
                      {"outcome", outcome},
                      {"has_error", !error.is_null()},
                      {"error", error}};
  add_visitor(view, visitor);
  return render(request, site.templates, "postal",
                PageMeta{(error.is_null() ? "" : "Error: ") + std::string("Postal signing: ") +
                             petition->petition.constituency_name,
                         status},
                view);
}

Response refused_or_rethrow(const Site& site, const Request& request, const Visitor& visitor, const Error& error,
                            std::string_view field) {
  const bool form_problem = error.kind() == ErrorKind::invalid_input || error.kind() == ErrorKind::conflict;
  if (!form_problem || request.wants_json()) throw error;
  return show(site, request, visitor, nullptr, form_error_json(error, field), error.kind() == ErrorKind::conflict ? 409 : 400);
}

}  // namespace

Response postal_page(const Site& site, const Request& request, const Visitor& visitor) {
  return show(site, request, visitor, nullptr, nullptr, 200);
}

Response postal_issue_submit(const Site& site, const Request& request, const Visitor& visitor) {
  try {
    const std::string elector_number = required_form_text(request, "elector_number", "the elector number");
    site.petitions.issue_postal_sheet(visitor.actor, id_param(request, "id"), elector_number);
    const nlohmann::json outcome{{"outcome", "issued"},
                                 {"title", "Postal signing sheet issued"},
                                 {"text", "Send the sheet to elector " + elector_number + "."},
                                 {"elector_number", elector_number},
                                 {"success", true}};
    return show(site, request, visitor, outcome, nullptr, 200);
  } catch (const Error& error) {
    return refused_or_rethrow(site, request, visitor, error, "elector_number");
  }
}

Response postal_return_submit(const Site& site, const Request& request, const Visitor& visitor) {
  try {
    PostalReturnRequest sheet;
    sheet.petition_id = id_param(request, "id");
    sheet.void_for_uncertainty = form_yes(request, "void_for_uncertainty");
    sheet.elector_number = form_text(request, "elector_number");
    if (sheet.elector_number.empty() && !sheet.void_for_uncertainty) {
      throw Error(ErrorKind::invalid_input, "Enter the elector number, or record the sheet as void for uncertainty",
                  SourceLocation{"form", 0, 0, "elector_number"});
    }
    sheet.official_mark = form_yes(request, "official_mark");
    sheet.date_of_birth_matched = form_yes(request, "date_of_birth_matched");
    sheet.signature_matched = form_yes(request, "signature_matched");
    const auto received = form_date(request, "received_on", "Date the sheet arrived");
    sheet.received_on = received ? *received : site.petitions.now_local().date;
    const PostalReturnResult recorded = site.petitions.record_postal_return(visitor.actor, sheet);
    nlohmann::json outcome = return_outcome_json(recorded);
    // The code goes on the receipt posted to the elector, accepted or rejected alike.
    outcome["has_receipt"] = recorded.receipt.has_value();
    outcome["receipt"] = recorded.receipt ? signer_receipt_json(*recorded.receipt) : nlohmann::json(nullptr);
    outcome["elector_number"] = sheet.elector_number;
    return show(site, request, visitor, outcome, nullptr, 200);
  } catch (const Error& error) {
    return refused_or_rethrow(site, request, visitor, error, "elector_number");
  }
}

}  // namespace recall::http
