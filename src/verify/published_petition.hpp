#pragma once
// A petition's published files after the close (issue 4, "public recount"): what `recall petition
// export` writes and `recall verify petition` reads. The folder holds
//   petition.json   format, petition id, log origin, constituency, policy and the declared figures
//   leaves.bin      every leaf in log order, 72 octets each (docs/ledger-format.md)
//   checkpoint      the final checkpoint as a C2SP signed note
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
  std::string verifier_key;     // encoded verifier key
};

// Writes the four files, replacing any there; the folder is created if missing. Files are written
// under temporary names and renamed, so a reader never sees half a folder's worth of a new export.
void write_published_petition(const std::filesystem::path& dir, const PublishedPetition& published);

// Reads the folder. Throws Error(invalid_input) naming the file (and line/column or field for
// petition.json, the octet offset for leaves.bin) for anything missing or malformed; Error(not_found)
// for a missing folder or file.
PublishedPetition read_published_petition(const std::filesystem::path& dir);

}  // namespace recall
