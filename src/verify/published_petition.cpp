#include "verify/published_petition.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/signed_note.hpp"
#include "core/petition/declaration.hpp"

namespace recall {

namespace {
namespace fs = std::filesystem;
using nlohmann::json;

void write_file(const fs::path& path, std::string_view content) {
  const fs::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) throw Error(ErrorKind::unavailable, fmt::format("cannot write {}", temporary.string()));
  }
  fs::rename(temporary, path);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::not_found, fmt::format("{} is missing", path.string()));
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

[[noreturn]] void bad_file(const fs::path& path, std::string message, std::string field = {}, int line = 0,
                           int column = 0) {
  throw Error(ErrorKind::invalid_input, std::move(message),
              SourceLocation{path.string(), line, column, std::move(field)});
}

json declared_to_json(const DeclaredFigures& declared) {
  json by_reason = json::object();
  for (const auto& [reason, n] : declared.rejected_by_reason) by_reason[std::string(to_string(reason))] = n;
  return json{{"eligible", declared.eligible},
              {"valid_signatures", declared.valid_signatures},
              {"rejected", declared.rejected},
              {"rejected_by_reason", by_reason},
              {"percent", format_percent_tenths(declared.percent_tenths)},
              {"successful", declared.successful}};
}

template <class T>
T field_of(const json& object, const char* name, const fs::path& path, const std::string& prefix = {}) {
  const std::string field = prefix + name;
  if (!object.contains(name)) bad_file(path, fmt::format("'{}' is missing", field), field);
  try {
    return object.at(name).get<T>();
  } catch (const json::exception&) {
    bad_file(path, fmt::format("'{}' has the wrong type", field), field);
  }
}

long parse_percent_text(const std::string& text, const fs::path& path) {
  const auto dot = text.find('.');
  const bool shaped = dot != std::string::npos && dot > 0 && dot + 2 == text.size() &&
                      text.find_first_not_of("0123456789.") == std::string::npos;
  if (!shaped) bad_file(path, fmt::format("'declaration.percent' must look like \"27.6\", not \"{}\"", text), "declaration.percent");
  return std::stol(text.substr(0, dot)) * 10 + (text[dot + 1] - '0');
}

// The tree size a signed checkpoint states, which names its file in checkpoints/. Only the structure is
// read here; signatures are for the verifier.
std::uint64_t checkpoint_size(std::string_view note, const fs::path& path) {
  try {
    return ledger::parse_checkpoint(ledger::parse_signed_note(note).text).size;
  } catch (const Error& e) {
    const int line = e.where() ? e.where()->line : 0;
    bad_file(path, fmt::format("not a signed checkpoint: {}", e.message()), "checkpoint", line);
  }
}

bool is_size_name(const std::string& name) {
  return !name.empty() && name.size() <= 20 && name.find_first_not_of("0123456789") == std::string::npos &&
         (name.size() == 1 || name.front() != '0');
}

void write_checkpoints(const fs::path& dir, const std::vector<std::string>& notes) {
  const fs::path folder = dir / "checkpoints";
  if (notes.empty() && !fs::exists(folder)) return;
  fs::create_directories(folder);
  std::vector<std::string> names;
  for (const auto& note : notes) {
    names.push_back(std::to_string(checkpoint_size(note, folder)));
    write_file(folder / names.back(), note);
  }
  // A folder exported again keeps only this export's checkpoints.
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (is_size_name(name) && std::find(names.begin(), names.end(), name) == names.end()) fs::remove(entry.path());
  }
}

std::vector<std::string> read_checkpoints(const fs::path& dir) {
  const fs::path folder = dir / "checkpoints";
  if (!fs::is_directory(folder)) return {};
  std::vector<std::pair<std::uint64_t, std::string>> found;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (!is_size_name(name)) bad_file(entry.path(), "a file in checkpoints/ must be named by its tree size", "name");
    std::string note = read_file(entry.path());
    const std::uint64_t size = checkpoint_size(note, entry.path());
    if (std::to_string(size) != name) {
      bad_file(entry.path(), fmt::format("the checkpoint's tree size is {}, not its file name {}", size, name), "tree size", 2);
    }
    found.emplace_back(size, std::move(note));
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [size, note] : found) out.push_back(std::move(note));
  return out;
}

DeclaredFigures declared_from_json(const json& object, const fs::path& path) {
  DeclaredFigures out;
  const std::string prefix = "declaration.";
  out.eligible = field_of<long>(object, "eligible", path, prefix);
  out.valid_signatures = field_of<long>(object, "valid_signatures", path, prefix);
  out.rejected = field_of<long>(object, "rejected", path, prefix);
  out.percent_tenths = parse_percent_text(field_of<std::string>(object, "percent", path, prefix), path);
  out.successful = field_of<bool>(object, "successful", path, prefix);
  const auto by_reason = field_of<json>(object, "rejected_by_reason", path, prefix);
  if (!by_reason.is_object()) bad_file(path, "'declaration.rejected_by_reason' must be an object", prefix + "rejected_by_reason");
  for (const auto& [name, n] : by_reason.items()) {
    const auto reason = parse_rejection_reason(name);
    const std::string field = prefix + "rejected_by_reason." + name;
    if (!reason) bad_file(path, fmt::format("'{}' is not a rejection reason", name), field);
    if (!n.is_number_integer()) bad_file(path, fmt::format("'{}' must be a whole number", field), field);
    out.rejected_by_reason[*reason] = n.get<long>();
  }
  return out;
}
}  // namespace

std::string published_petition_json(const PublishedPetition& published) {
  const json petition{{"format", published_petition_format},
                      {"petition", published.petition_id},
                      {"origin", published.origin},
                      {"constituency", {{"ons_code", published.ons_code}, {"name", published.constituency}}},
                      {"policy", published.policy_id},
                      {"leaves", published.leaves.size()},
                      {"declaration", declared_to_json(published.declared)}};
  return petition.dump(2) + "\n";
}

std::string published_leaves_bytes(const PublishedPetition& published) {
  std::string leaves;
  leaves.reserve(published.leaves.size() * leaf_size);
  for (const auto& leaf : published.leaves) leaves.append(reinterpret_cast<const char*>(leaf.data()), leaf.size());
  return leaves;
}

void write_published_petition(const fs::path& dir, const PublishedPetition& published) {
  fs::create_directories(dir);
  write_file(dir / "leaves.bin", published_leaves_bytes(published));
  write_file(dir / "checkpoint", published.checkpoint);
  write_checkpoints(dir, published.checkpoints);
  write_file(dir / "key.pub", published.verifier_key + "\n");
  write_file(dir / "petition.json", published_petition_json(published));  // last: its presence marks a complete export
}

PublishedPetition read_published_petition(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw Error(ErrorKind::not_found, fmt::format("{} is not a folder", dir.string()));
  PublishedPetition out;
  const fs::path petition_path = dir / "petition.json";
  json petition;
  try {
    petition = json::parse(read_file(petition_path));
  } catch (const json::parse_error& e) {
    bad_file(petition_path, fmt::format("not JSON: {}", e.what()), {}, 0, static_cast<int>(e.byte));
  }
  if (!petition.is_object()) bad_file(petition_path, "must hold a JSON object");
  const auto format = field_of<std::string>(petition, "format", petition_path);
  if (format != published_petition_format) {
    bad_file(petition_path, fmt::format("format '{}' is not {}", format, published_petition_format), "format");
  }
  out.petition_id = field_of<std::uint64_t>(petition, "petition", petition_path);
  out.origin = field_of<std::string>(petition, "origin", petition_path);
  out.policy_id = field_of<std::string>(petition, "policy", petition_path);
  const auto constituency = field_of<json>(petition, "constituency", petition_path);
  if (constituency.is_object()) {
    out.ons_code = constituency.value("ons_code", "");
    out.constituency = constituency.value("name", "");
  }
  const auto declaration = field_of<json>(petition, "declaration", petition_path);
  if (!declaration.is_object()) bad_file(petition_path, "'declaration' must be an object", "declaration");
  out.declared = declared_from_json(declaration, petition_path);

  const fs::path leaves_path = dir / "leaves.bin";
  const std::string leaves = read_file(leaves_path);
  if (leaves.size() % leaf_size != 0) {
    bad_file(leaves_path, fmt::format("{} octets is not a whole number of {}-octet leaves", leaves.size(), leaf_size),
             "length", 0, static_cast<int>(leaves.size() - leaves.size() % leaf_size + 1));
  }
  out.leaves.resize(leaves.size() / leaf_size);
  for (std::size_t i = 0; i < out.leaves.size(); ++i) {
    std::copy_n(reinterpret_cast<const std::uint8_t*>(leaves.data()) + i * leaf_size, leaf_size, out.leaves[i].begin());
  }
  out.checkpoint = read_file(dir / "checkpoint");
  out.checkpoints = read_checkpoints(dir);
  out.verifier_key = read_file(dir / "key.pub");
  while (!out.verifier_key.empty() && (out.verifier_key.back() == '\n' || out.verifier_key.back() == '\r')) {
    out.verifier_key.pop_back();
  }
  return out;
}

}  // namespace recall
