#include "cli/commands/verify_input.hpp"

#include <fstream>
#include <iostream>
#include <iterator>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/exit_codes.hpp"

namespace recall::cli {

std::string read_input_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::not_found, fmt::format("{} cannot be read", path), SourceLocation{path, 0, 0, std::string(what)});
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string read_key_file(const std::string& path) {
  std::string key = read_input_file(path, "key");
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r' || key.back() == ' ')) key.pop_back();
  return key;
}

ledger::VerifierKey trusted_verifier_key(const std::string& key_file, const std::optional<std::string>& folder_key) {
  if (key_file.empty() && !folder_key) {
    throw Error(ErrorKind::invalid_input,
                "a trusted verifier key is needed: --key FILE (the deployment's /.well-known/recall-key or `recall "
                "keys show`), or --published DIR for its key.pub",
                SourceLocation{"arguments", 0, 0, "--key"});
  }
  const std::string source = key_file.empty() ? std::string("key.pub") : key_file;
  try {
    return ledger::parse_verifier_key(key_file.empty() ? *folder_key : read_key_file(key_file));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::invalid_input) throw;
    throw Error(ErrorKind::invalid_input, fmt::format("not a verifier key: {}", e.message()),
                SourceLocation{source, 1, 0, "key"});
  }
}

void rethrow_in_file(const Error& error, const std::string& path) {
  SourceLocation where = error.where().value_or(SourceLocation{});
  where.file = path;
  throw Error(error.kind(), error.message(), where);
}

void verification_failed(const std::string& message, bool print) {
  if (print) std::cerr << "recall: verification failed: " << message << '\n';
  throw CLI::RuntimeError(verification_failed_exit_code);
}

}  // namespace recall::cli
