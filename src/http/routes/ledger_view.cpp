#include "http/routes/ledger_view.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/ledger/hash.hpp"
#include "http/routes/petition_view.hpp"
#include "http/static_files.hpp"

namespace recall::http {

namespace {

std::string_view event_display(const LedgerLeaf& leaf) {
  switch (leaf.event) {
    case LeafEvent::sheet_accepted: return "A signing sheet, accepted as a valid signature";
    case LeafEvent::sheet_rejected: return "A signing sheet, rejected";
    case LeafEvent::double_signing_attempt: return "An attempt to sign a second time, refused (s.12)";
    case LeafEvent::postal_sheet_issued: return "A postal signing sheet issued";
    case LeafEvent::termination: return "The termination of the petition (s.13)";
  }
  return "An unknown event";
}

std::string_view channel_display(SigningChannel channel) {
  switch (channel) {
    case SigningChannel::in_person: return "In person at a signing place";
    case SigningChannel::postal: return "By post";
    case SigningChannel::proxy_in_person: return "By proxy at a signing place";
    case SigningChannel::proxy_postal: return "By proxy, by post";
    case SigningChannel::online: return "Online";
  }
  return "Unknown";
}

}  // namespace

PublicPetition ledger_petition(const Site& site, const Request& request) {
  auto petition = site.petitions.public_petition(id_param(request, "id"));
  if (!petition) throw Error(ErrorKind::not_found, "There is no such petition");
  return std::move(*petition);
}

nlohmann::json petition_fixed_json(const Petition& petition) {
  return {{"id", petition.id},
          {"constituency_name", petition.constituency_name},
          {"ons_code", petition.ons_code},
          {"mp_name", petition.mp_name}};
}

std::string sealed_reason(const Petition& petition) {
  if (petition.termination) {
    return "The petition was terminated before the end of the signing period, so no count is made and the "
           "ledger stays sealed: its size would tell how many people had signed.";
  }
  return "The ledger is sealed until the petition officer declares the result. While the petition is open its size "
         "would be a running total of signatures, which the law keeps secret until the count. After the "
         "declaration every leaf and the final signed checkpoint are published here, so anyone can recount, and "
         "every signer can check their receipt.";
}

void throw_sealed(const Petition& petition) { throw Error(ErrorKind::conflict, sealed_reason(petition)); }

nlohmann::json leaf_json(const LedgerLeaf& leaf) {
  const bool accepted = leaf.event == LeafEvent::sheet_accepted;
  std::string event_text(event_display(leaf));
  if (leaf.rejection) event_text += ": " + std::string(describe(*leaf.rejection));
  return {{"event", std::string(to_string(leaf.event))},
          {"event_display", event_text},
          {"accepted", accepted},
          {"channel", leaf.channel ? nlohmann::json(std::string(to_string(*leaf.channel))) : nlohmann::json(nullptr)},
          {"channel_display", leaf.channel ? std::string(channel_display(*leaf.channel)) : std::string("None")},
          {"rejection", leaf.rejection ? nlohmann::json(std::string(to_string(*leaf.rejection))) : nlohmann::json(nullptr)},
          {"rejection_display", leaf.rejection ? std::string(describe(*leaf.rejection)) : std::string()},
          {"day", date_json(leaf.day)}};
}

std::string receipt_display(const Receipt& receipt) { return receipt_code(receipt.leaf.nonce); }

nlohmann::json signer_receipt_json(const Receipt& receipt) {
  return {{"code", receipt_display(receipt)},
          {"origin", receipt.origin},
          {"event", leaf_json(receipt.leaf)},
          {"check_href", fmt::format("/petitions/{}/receipt", receipt.leaf.petition_id)}};
}

Response immutable_download(const Request& request, std::string content_type, std::string body) {
  const ledger::Hash digest = ledger::sha256(ledger::as_bytes(body));
  const std::string etag = fmt::format("\"{}\"", ledger::hash_to_hex(digest).substr(0, 32));
  Response response;
  response.content_type = std::move(content_type);
  response.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  response.headers.emplace_back("ETag", etag);
  if (const auto wanted = request.header("if-none-match"); wanted && etag_matches(*wanted, etag)) {
    response.status = 304;
    return response;
  }
  response.body = std::move(body);
  return response;
}

}  // namespace recall::http
