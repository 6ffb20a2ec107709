// GET /petitions/{id}/export/{petition.json, leaves.bin, checkpoint, key.pub, checkpoints/{size}}: the
// public recount over HTTP. The bytes are exactly those `recall petition export` writes
// (verify/published_petition.hpp), so a folder of these downloads passes `recall verify petition`.
// Declared petitions only (409 otherwise, the same for every petition not yet declared); once
// declared the files never change, so they carry a strong ETag and may be cached for a year.
#include <map>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "core/ledger/checkpoint.hpp"
#include "core/ledger/signed_note.hpp"
#include "http/problem.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/ledger_view.hpp"
#include "http/routes/online_sign_view.hpp"
#include "verify/published_petition.hpp"

namespace recall::http {

namespace {

struct ExportFile {
  std::string content_type;
  std::string body;
};
using ExportFiles = std::map<std::string, ExportFile, std::less<>>;  // by name in the folder

ExportFiles files_of(const PublishedPetition& published) {
  ExportFiles files;
  files["petition.json"] = {"application/json", published_petition_json(published)};
  files["leaves.bin"] = {"application/octet-stream", published_leaves_bytes(published)};
  files["checkpoint"] = {"text/plain; charset=utf-8", published.checkpoint};
  files["key.pub"] = {"text/plain; charset=utf-8", published.verifier_key + "\n"};
  for (const std::string& note : published.checkpoints) {
    const ledger::Checkpoint checkpoint = ledger::parse_checkpoint(ledger::parse_signed_note(note).text);
    files[fmt::format("checkpoints/{}", checkpoint.size)] = {"text/plain; charset=utf-8", note};
  }
  return files;
}

// Building an export reads every leaf, and a declared petition's export never changes: the last few
// are kept, each under its final checkpoint (which fixes every byte: the leaves by their root, and
// the rest by the declaration the count froze).
class ExportCache {
 public:
  std::shared_ptr<const ExportFiles> find(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto found = items_.find(key);
    return found == items_.end() ? nullptr : found->second;
  }
  void keep(const std::string& key, std::shared_ptr<const ExportFiles> files) {
    const std::lock_guard lock(mutex_);
    if (items_.size() >= kept) items_.erase(items_.begin());
    items_[key] = std::move(files);
  }

 private:
  static constexpr std::size_t kept = 8;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const ExportFiles>> items_;
};

ExportCache& cache() {
  static ExportCache instance;
  return instance;
}

std::shared_ptr<const ExportFiles> export_of(const Site& site, const PublicPetition& petition) {
  const std::int64_t id = petition.petition.id;
  const LedgerStatus status = site.petitions.ledger_status(id);
  if (status.sealed) throw_sealed(petition.petition);
  if (!status.leaves_published || !status.checkpoint) {
    throw Error(ErrorKind::conflict,
                "The ledger's leaves can be downloaded once the result is declared and the final checkpoint is signed");
  }
  const std::string key = fmt::format("{}\n{}", id, status.checkpoint->signed_note);
  if (auto cached = cache().find(key)) return cached;
  auto files = std::make_shared<const ExportFiles>(files_of(site.petitions.published_petition(id)));
  cache().keep(key, files);
  return files;
}

Response download(const Site& site, const Request& request, const std::string& name) {
  try {
    const PublicPetition petition = ledger_petition(site, request);
    const std::shared_ptr<const ExportFiles> files = export_of(site, petition);
    const auto found = files->find(name);
    if (found == files->end()) throw Error(ErrorKind::not_found, fmt::format("The export has no file {}", name));
    return immutable_download(request, found->second.content_type, found->second.body);
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

}  // namespace

Response ledger_export_file(const Site& site, const Request& request) {
  const auto name = request.path_params.find("file");
  return download(site, request, name == request.path_params.end() ? std::string() : name->second);
}

Response ledger_export_checkpoint(const Site& site, const Request& request) {
  const auto size = request.path_params.find("size");
  return download(site, request, "checkpoints/" + (size == request.path_params.end() ? std::string() : size->second));
}

}  // namespace recall::http
