#pragma once
// Shared by the ledger pages (ledger_page.cpp, ledger_export.cpp, receipt_check_page.cpp, and the
// receipts on the signing pages): what a petition's ledger may show, the one answer every sealed
// ledger gives, a leaf described in words, and downloads that never change once published.
//
// Secrecy (ARCHITECTURE.md "The ledger"): while a ledger is sealed its size would be the running total,
// so a sealed ledger's every answer is built from what was fixed when the petition opened (and the
// public fact of a termination), never from the log.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/petition/ledger_leaf.hpp"
#include "core/petition/receipt.hpp"
#include "http/request.hpp"
#include "http/site.hpp"
#include "service/petition_service.hpp"

namespace recall::http {

// The public petition for the {id} path parameter; Error(not_found) when there is none.
PublicPetition ledger_petition(const Site& site, const Request& request);

// What was fixed when the petition opened: {"id", "constituency_name", "ons_code", "mp_name"}.
nlohmann::json petition_fixed_json(const Petition& petition);

// Why the ledger is sealed, in words: until the declaration, or for ever after a termination.
std::string sealed_reason(const Petition& petition);

// Error(conflict) with the same message for every sealed ledger, whatever is asked of it.
[[noreturn]] void throw_sealed(const Petition& petition);

// The signing event of a leaf in words: {"event", "event_display", "accepted", "channel",
// "channel_display", "rejection", "rejection_display", "day": {"iso", "display"}}.
nlohmann::json leaf_json(const LedgerLeaf& leaf);

// The receipt's code as printed ("7K3M-Q2HD-...").
std::string receipt_display(const Receipt& receipt);

// A receipt as the signing pages hand it over: {"code", "origin", "event": leaf_json, "check_href"}.
nlohmann::json signer_receipt_json(const Receipt& receipt);

// A download whose bytes never change once published (an exported file, a checkpoint of a given
// size): a strong ETag from the content, If-None-Match answered with 304, cached for a year.
Response immutable_download(const Request& request, std::string content_type, std::string body);

}  // namespace recall::http
