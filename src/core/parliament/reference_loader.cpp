#include "core/parliament/reference_loader.hpp"

#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "core/parliament/reference_parts.hpp"

namespace recall {

namespace {

const std::vector<std::string> files = {
    "party-spellings.csv",
    "hoc-ge2017-constituency-results.csv",
    "hoc-ge2019-results-by-constituency.csv",
    "ge2017-candidates.json",
    "ge2017-winners.csv",
    "by-elections-2017-parliament.csv",
    "party-changes-2017-parliament.csv",
    "party-at-dissolution-2019.csv",
    "constituencies-2010.hexjson",
    "example-postcodes.yml",
};

// SHA-256 over each file's name, length and bytes, and over the canonical party table, which is
// code but reaches the store as data.
std::string digest_of(const std::vector<SourceFile>& sources) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
    throw Error(ErrorKind::internal, "cannot start a SHA-256 digest");
  }
  auto feed = [&](std::string_view bytes) {
    if (EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1) {
      throw Error(ErrorKind::internal, "SHA-256 digest update failed");
    }
  };
  // The names hashed are those inside the data folder, so where the folder lives does not matter.
  for (std::size_t i = 0; i < sources.size(); ++i) {
    feed(fmt::format("{}\n{}\n", files[i], sources[i].text.size()));
    feed(sources[i].text);
  }
  for (const auto& party : canonical_parties()) {
    feed(fmt::format("party\n{}\n{}\n{}\n{}\n", party.code, party.name, party.colour, party.text_colour));
  }
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context.get(), hash, &length) != 1) throw Error(ErrorKind::internal, "SHA-256 digest failed");
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", hash[i]);
  return hex;
}

}  // namespace

const std::vector<std::string>& reference_data_files() { return files; }

ReferenceData load_reference_data(const std::filesystem::path& data_dir) {
  std::vector<SourceFile> sources;
  sources.reserve(files.size());
  for (const auto& name : files) sources.push_back(read_source_file(data_dir, name));
  auto source = [&](std::string_view name) -> const SourceFile& {
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i] == name) return sources[i];
    }
    throw Error(ErrorKind::internal, fmt::format("{} is not a reference data file", name));
  };

  std::istringstream spelling_stream(source("party-spellings.csv").text);
  const auto spellings = PartySpellings::read(spelling_stream, source("party-spellings.csv").name);

  ReferenceData data;
  data.parties = canonical_parties();
  data.constituencies = read_constituencies(source("hoc-ge2017-constituency-results.csv"),
                                            source("hoc-ge2019-results-by-constituency.csv"), spellings);
  data.members = read_members(MemberSources{source("ge2017-candidates.json"), source("ge2017-winners.csv"),
                                            source("by-elections-2017-parliament.csv"),
                                            source("party-changes-2017-parliament.csv"),
                                            source("party-at-dissolution-2019.csv"),
                                            source("hoc-ge2019-results-by-constituency.csv")},
                              data.constituencies, spellings);
  data.hexes = read_hexes(source("constituencies-2010.hexjson"), data.constituencies);
  data.postcodes = read_example_postcodes(source("example-postcodes.yml"), data.constituencies);
  data.source_digest = digest_of(sources);
  return data;
}

}  // namespace recall
