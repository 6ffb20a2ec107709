// GET /petitions/{id}/ledger (and its JSON twin): the petition's Merkle log as the public may see it.
// While sealed, the page names the log (its origin) and says why it is sealed, nothing else: no size,
// no checkpoint, no count of anything, so a petition nobody has signed and one thousands have signed
// answer byte for byte the same. Once published: the tree size and root, the latest signed checkpoint,
// the earlier checkpoints, and links to the downloads and the receipt check.
//
// Also the log's own plain answers for tools: the latest checkpoint, a checkpoint by size and a
// consistency proof between two published sizes. Sealed, each is the same 409 for every request.
#include <charconv>

#include <fmt/format.h>

#include "core/ledger/checkpoint.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/signed_note.hpp"
#include "http/page.hpp"
#include "http/problem.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/ledger_view.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

std::string ledger_path(std::int64_t id, std::string_view rest = "") { return fmt::format("/petitions/{}/ledger{}", id, rest); }

// A checkpoint's note read back (the store checked its root when it was kept; readers verify the
// signature themselves, with the published key).
ledger::Checkpoint checkpoint_of(const StoredCheckpoint& stored) {
  return ledger::parse_checkpoint(ledger::parse_signed_note(stored.signed_note).text);
}

nlohmann::json checkpoint_json(std::int64_t id, const StoredCheckpoint& stored) {
  return {{"tree_size", stored.tree_size},
          {"created_at", stored.created_at},
          {"href", ledger_path(id, fmt::format("/checkpoints/{}", stored.tree_size))}};
}

nlohmann::json downloads_json(std::int64_t id) {
  const auto file = [id](std::string_view name, std::string_view description) {
    return nlohmann::json{{"name", name}, {"href", fmt::format("/petitions/{}/export/{}", id, name)}, {"description", description}};
  };
  return nlohmann::json::array({file("petition.json", "The petition and the declared figures"),
                                file("leaves.bin", "Every leaf of the log, 72 octets each, in log order"),
                                file("checkpoint", "The final checkpoint, signed"),
                                file("key.pub", "The key that signs the checkpoints")});
}

nlohmann::json ledger_view(const Site& site, const PublicPetition& petition) {
  const Petition& p = petition.petition;
  const LedgerStatus status = site.petitions.ledger_status(p.id);
  nlohmann::json view{{"petition", petition_fixed_json(p)},
                      {"origin", status.origin},
                      {"sealed", status.sealed},
                      {"receipt_check", fmt::format("/petitions/{}/receipt", p.id)},
                      {"key_href", "/.well-known/recall-key"}};
  if (status.sealed) {
    view["sealed_reason"] = sealed_reason(p);
    return view;
  }
  view["has_checkpoint"] = status.checkpoint.has_value();
  if (status.checkpoint) {
    const ledger::Checkpoint opened = checkpoint_of(*status.checkpoint);
    view["tree_size"] = opened.size;
    view["root_base64"] = ledger::to_base64(opened.root);
    view["root_hex"] = ledger::hash_to_hex(opened.root);
    view["checkpoint"] = status.checkpoint->signed_note;
    view["checkpoint_created_at"] = status.checkpoint->created_at;
    view["checkpoint_href"] = ledger_path(p.id, "/checkpoint");
  }
  const std::vector<StoredCheckpoint> checkpoints = site.petitions.published_checkpoints(p.id);
  nlohmann::json list = nlohmann::json::array();
  for (const StoredCheckpoint& stored : checkpoints) list.push_back(checkpoint_json(p.id, stored));
  view["checkpoints"] = list;
  view["has_checkpoints"] = !list.empty();
  view["leaves_published"] = status.leaves_published;
  view["downloads"] = status.leaves_published ? downloads_json(p.id) : nlohmann::json::array();
  view["consistency_href"] = ledger_path(p.id, "/consistency?old=A&new=B");
  view["verifier_key"] = site.petitions.ledger_verifier_key().value_or("");
  return view;
}

// The ledger's status for a plain answer, refused alike for every request while sealed.
LedgerStatus published_status(const Site& site, const PublicPetition& petition) {
  LedgerStatus status = site.petitions.ledger_status(petition.petition.id);
  if (status.sealed) throw_sealed(petition.petition);
  return status;
}

std::uint64_t size_param(const Request& request, std::string_view name) {
  const std::string text = request.query.get(name).value_or("");
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw Error(ErrorKind::invalid_input, fmt::format("'{}' must be a tree size: a whole number, 0 or more", name),
                SourceLocation{"query", 0, 0, std::string(name)});
  }
  return value;
}

Response text_answer(std::string body, bool is_final) {
  Response response;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  // The latest checkpoint moves on while the log grows; after the declaration it is the final one.
  response.headers.emplace_back("Cache-Control", is_final ? "public, max-age=86400" : "no-cache");
  return response;
}

}  // namespace

Response ledger_page(const Site& site, const Request& request, const Visitor& visitor) {
  const PublicPetition petition = ledger_petition(site, request);
  nlohmann::json view = ledger_view(site, petition);
  add_visitor(view, visitor);
  return render(request, site.templates, "petition_ledger",
                PageMeta{"The petition's ledger: " + petition.petition.constituency_name}, view);
}

Response ledger_checkpoint(const Site& site, const Request& request) {
  try {
    const PublicPetition petition = ledger_petition(site, request);
    const LedgerStatus status = published_status(site, petition);
    if (!status.checkpoint) throw Error(ErrorKind::not_found, "The ledger has no signed checkpoint yet");
    return text_answer(status.checkpoint->signed_note, status.leaves_published);
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response ledger_checkpoint_at(const Site& site, const Request& request) {
  try {
    const PublicPetition petition = ledger_petition(site, request);
    published_status(site, petition);
    const std::string wanted = request.path_params.count("size") ? request.path_params.at("size") : "";
    for (const StoredCheckpoint& stored : site.petitions.published_checkpoints(petition.petition.id)) {
      if (std::to_string(stored.tree_size) == wanted) {
        return immutable_download(request, "text/plain; charset=utf-8", stored.signed_note);
      }
    }
    throw Error(ErrorKind::not_found, "The ledger has no checkpoint of that size");
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response ledger_consistency(const Site& site, const Request& request) {
  try {
    const PublicPetition petition = ledger_petition(site, request);
    published_status(site, petition);
    const std::uint64_t old_size = size_param(request, "old");
    const std::uint64_t new_size = size_param(request, "new");
    nlohmann::json proof = nlohmann::json::array();
    for (const ledger::Hash& hash : site.petitions.consistency_proof(petition.petition.id, old_size, new_size)) {
      proof.push_back(ledger::to_base64(hash));
    }
    Response response;
    response.content_type = "application/json";
    response.body = nlohmann::json{{"old_size", old_size}, {"new_size", new_size}, {"proof", proof}}.dump();
    // Both sizes are published checkpoints (the service refuses others), and a log never changes below them.
    response.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    return response;
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response well_known_key(const Site& site, const Request& /*request*/) {
  const std::optional<std::string> key = site.petitions.ledger_verifier_key();
  if (!key) throw Error(ErrorKind::not_found, "This server has no ledger key");
  Response response;
  response.content_type = "text/plain; charset=utf-8";
  response.body = *key + "\n";
  response.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return response;
}

}  // namespace recall::http
