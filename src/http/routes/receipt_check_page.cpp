// GET/POST /petitions/{id}/receipt (and their JSON twins), POST /petitions/{id}/receipt.txt: anyone
// holding a receipt code checks that the sheet it was given for is in the counted log, and downloads
// the receipt file with its inclusion proof for `recall verify receipt FILE` to check offline.
//
// The code travels in the form body only, never in a URL (URLs end up in logs and browser history),
// behind the public forms' cookie-bound token (online_sign_session.hpp) and a per-address limit.
// While the ledger is sealed every check gets the same answer, whatever code is typed: the answer
// must not tell whether anyone signed.
#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/signed_note.hpp"
#include "http/auth/web_auth.hpp"
#include "http/page.hpp"
#include "http/problem.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/ledger_view.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

constexpr std::string_view title = "Check a receipt";

nlohmann::json base_view(const PublicPetition& petition, bool sealed) {
  const Petition& p = petition.petition;
  nlohmann::json view{{"petition", petition_fixed_json(p)},
                      {"sealed", sealed},
                      {"checked", false},
                      {"found", false},
                      {"typed", ""},
                      {"ledger_href", fmt::format("/petitions/{}/ledger", p.id)}};
  if (sealed) view["sealed_reason"] = sealed_reason(p);
  return view;
}

// The receipt for the code in the form, with its proof; nullopt when no leaf carries that code.
// Error(forbidden) without the form's token, Error(rate_limited) past the address's allowance,
// Error(conflict) while sealed (before the code is even read), Error(invalid_input) for a code that
// is not shaped like one.
std::optional<ReceiptFile> look_up(const Site& site, const Request& request, const PublicPetition& petition) {
  check_sign_form_token(request);
  site.auth.count_receipt_check(request.remote_address);
  if (site.petitions.ledger_status(petition.petition.id).sealed) throw_sealed(petition.petition);
  const std::optional<ReceiptNonce> nonce = parse_receipt_code(form_text(request, "code"));
  if (!nonce) {
    throw Error(ErrorKind::invalid_input,
                "Enter the receipt code as it is printed: 26 letters and digits, like 7K3M-Q2HD-9XWA-4T6B-C1ZP-8NRE-5W",
                SourceLocation{"form", 0, 0, "code"});
  }
  return site.petitions.receipt_with_proof(petition.petition.id, *nonce);
}

nlohmann::json found_json(const Site& site, const ReceiptFile& file) {
  nlohmann::json out{{"code", receipt_display(file.receipt)},
                     {"origin", file.receipt.origin},
                     {"event", leaf_json(file.receipt.leaf)},
                     {"has_proof", file.proof.has_value()}};
  // No proof when no signed checkpoint covers the leaf yet (a deployment without a key, or an
  // unsealed log that has grown since its last checkpoint).
  if (!file.proof) return out;
  const ReceiptProof& proof = *file.proof;
  out["leaf_index"] = proof.leaf_index;
  out["position"] = proof.leaf_index + 1;
  out["tree_size"] = ledger::parse_checkpoint(ledger::parse_signed_note(proof.checkpoint).text).size;
  out["checkpoint"] = proof.checkpoint;
  // The server checks the proof it hands out as a reader would, so the page can say it holds.
  if (const auto key = site.petitions.ledger_verifier_key()) {
    const ReceiptVerification verified = verify_receipt(file, ledger::parse_verifier_key(*key));
    out["verified"] = verified.ok;
    out["verification"] = verified.message;
  } else {
    out["verified"] = false;
    out["verification"] = "This server has no key to check the checkpoint with";
  }
  return out;
}

Response show(const Site& site, const Request& request, nlohmann::json view, const Error* error, int status) {
  return render_sign_form(site, request, "petition_receipt", std::string(title), std::move(view), error, status);
}

}  // namespace

Response receipt_check_page(const Site& site, const Request& request) {
  try {
    const PublicPetition petition = ledger_petition(site, request);
    return show(site, request, base_view(petition, site.petitions.ledger_status(petition.petition.id).sealed),
                nullptr, 200);
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response receipt_check_submit(const Site& site, const Request& request) {
  std::optional<PublicPetition> petition;
  try {
    petition = ledger_petition(site, request);
    const std::optional<ReceiptFile> file = look_up(site, request, *petition);
    nlohmann::json view = base_view(*petition, false);
    view["checked"] = true;
    view["found"] = file.has_value();
    if (!file) return show(site, request, std::move(view), nullptr, 404);
    view["receipt"] = found_json(site, *file);
    view["receipt_file"] = format_receipt_file(*file);
    view["download"] = fmt::format("/petitions/{}/receipt.txt", petition->petition.id);
    return show(site, request, std::move(view), nullptr, 200);
  } catch (const Error& error) {
    const ErrorKind kind = error.kind();
    const bool form_problem = kind == ErrorKind::invalid_input || kind == ErrorKind::rate_limited || kind == ErrorKind::conflict;
    if (!petition || !form_problem || request.wants_json()) return no_store(problem_response(request, error, &site.templates));
    if (kind == ErrorKind::conflict) return show(site, request, base_view(*petition, true), nullptr, 409);
    nlohmann::json view = base_view(*petition, false);
    view["typed"] = form_text(request, "code");  // to correct it
    return show(site, request, std::move(view), &error, kind == ErrorKind::rate_limited ? 429 : 400);
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response receipt_file_download(const Site& site, const Request& request) {
  try {
    const PublicPetition petition = ledger_petition(site, request);
    const std::optional<ReceiptFile> file = look_up(site, request, petition);
    if (!file) throw Error(ErrorKind::not_found, "No signing sheet has this receipt code", SourceLocation{"form", 0, 0, "code"});
    Response response;
    response.content_type = "text/plain; charset=utf-8";
    response.body = format_receipt_file(*file);
    response.headers.emplace_back(
        "Content-Disposition",
        fmt::format("attachment; filename=\"recall-petition-{}-receipt-with-proof.txt\"", petition.petition.id));
    return no_store(std::move(response));
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

}  // namespace recall::http
