#pragma once
// A petition's published files after the close (issue 4, "public recount"): what `recall petition
// export` writes and `recall verify petition` reads. The folder holds
//   petition.json   format, petition id, log origin, constituency, policy and the declared figures
//   leaves.bin      every leaf in log order, 72 octets each (docs/ledger-format.md)
//   checkpoint      the final checkpoint as a C2SP signed note
//   checkpoints/N   the earlier checkpoints, one file per tree size N (optional)
//   key.pub         the deployment's verifier key ("name+hash+base64"), also served at /.well-known/recall-key
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/petition/ledger_leaf.hpp"
#include "core/petition/recount.hpp"

namespace recall {

inline constexpr std::string_view published_petition_format = "recall-petition-export/1";

struct PublishedPetition {
  std::uint64_t petition_id = 0;
  std::string origin;           // the log's origin line, e.g. "recall.example.org/petitions/7"
  std::string ons_code;
  std::string constituency;
  std::string policy_id;
  DeclaredFigures declared;
  std::vector<std::array<std::uint8_t, leaf_size>> leaves;
  std::string checkpoint;       // signed note text
  // Every earlier checkpoint signed while the log grew (sealed until now), smallest first, as signed
  // notes: written as checkpoints/<tree size>, for `recall verify consistency`. May be empty.
  std::vector<std::string> checkpoints;
  std::string verifier_key;     // encoded verifier key
};

// Writes the four files and checkpoints/ (when there are earlier checkpoints, or the folder held some),
// replacing any there; the folder is created if missing. Files are written
// under temporary names and renamed, so a reader never sees half a folder's worth of a new export.
void write_published_petition(const std::filesystem::path& dir, const PublishedPetition& published);

// The bytes of petition.json and leaves.bin exactly as write_published_petition writes them, for the
// server's downloads of the same files (key.pub is the verifier key and a newline; the checkpoints
// are their notes verbatim).
std::string published_petition_json(const PublishedPetition& published);
std::string published_leaves_bytes(const PublishedPetition& published);

// Reads the folder. Throws Error(invalid_input) naming the file (and line/column or field for
// petition.json, the octet offset for leaves.bin) for anything missing or malformed, including a file in
// checkpoints/ that is not a checkpoint of the tree size it is named by; Error(not_found) for a missing
// folder or file. checkpoints/ itself is optional.
PublishedPetition read_published_petition(const std::filesystem::path& dir);

}  // namespace recall
