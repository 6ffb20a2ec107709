// GET /petitions/{id}/sign/receipt (and its JSON twin) and /petitions/{id}/sign/receipt.txt: the
// receipt after signing online, to print or download. It is read from the browser that signed (the
// receipt cookie), never looked up: the server has no page that tells anyone whether someone signed.
// The download is the receipt file (core/petition/receipt.hpp) without a proof.
#include <algorithm>

#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "core/petition/local_time.hpp"
#include "http/problem.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/petition_view.hpp"
#include "http/page.hpp"
#include "core/petition/receipt.hpp"

namespace recall::http {

namespace {

std::int64_t unix_seconds_of(const std::string& timestamp) {
  // "YYYY-MM-DDTHH:MM:SSZ", already checked by receipt_from.
  const Date day = parse_iso_date(timestamp.substr(0, 10), "signed_at");
  const auto part = [&](std::size_t at) { return std::stoi(timestamp.substr(at, 2)); };
  return std::chrono::sys_seconds{day}.time_since_epoch().count() + part(11) * 3600 + part(14) * 60 + part(17);
}

struct ReceiptFacts {
  PublicPetition petition;
  StoredReceipt receipt;
  LocalDateTime signed_local;
};

ReceiptFacts receipt_facts(const Site& site, const Request& request) {
  PublicPetition petition = online_petition(site, request);
  auto receipt = receipt_from(request, petition.petition.id);
  if (!receipt) {
    throw_not_found(
        "There is no receipt in this browser. A receipt is shown once, in the browser you signed with, and sent to "
        "the email address you gave.");
  }
  const LocalDateTime local = uk_local_time(unix_seconds_of(receipt->signed_at));
  return {std::move(petition), std::move(*receipt), local};
}

std::string signed_display(const LocalDateTime& local) {
  return fmt::format("{} at {}", to_long_form(local.date), format_clock_time(local.minutes));
}

}  // namespace

Response online_sign_receipt_page(const Site& site, const Request& request) {
  try {
    const ReceiptFacts facts = receipt_facts(site, request);
    nlohmann::json view = online_sign_base_view(facts.petition);
    const std::string display = receipt_code(facts.receipt.leaf.nonce);
    std::string code = display;
    std::erase(code, '-');
    view["receipt"] = {{"code", code},
                       {"display", display},
                       {"check_href", fmt::format("/petitions/{}/receipt", facts.petition.petition.id)},
                       {"signed_at", facts.receipt.signed_at},
                       {"signed_on", to_iso(facts.signed_local.date)},
                       {"signed_display", signed_display(facts.signed_local)},
                       {"download", fmt::format("/petitions/{}/sign/receipt.txt", facts.petition.petition.id)}};
    return no_store(render(request, site.templates, "online_sign_receipt", PageMeta{"You have signed the petition", 200},
                           view));
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response online_sign_receipt_download(const Site& site, const Request& request) {
  try {
    const ReceiptFacts facts = receipt_facts(site, request);
    const std::int64_t id = facts.petition.petition.id;
    // The receipt file without a proof: the log is sealed while signing; the receipt check adds the
    // proof after the declaration.
    const ReceiptFile file{Receipt{site.petitions.ledger_status(id).origin, facts.receipt.leaf}, std::nullopt};
    Response response;
    response.content_type = "text/plain; charset=utf-8";
    response.body = format_receipt_file(file);
    response.headers.emplace_back("Content-Disposition",
                                  fmt::format("attachment; filename=\"recall-petition-{}-receipt.txt\"", id));
    return no_store(std::move(response));
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

}  // namespace recall::http
