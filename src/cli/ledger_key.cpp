#include "cli/ledger_key.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::cli {

namespace {
namespace fs = std::filesystem;

bool is_postgres_url(const std::string& db) { return db.starts_with("postgresql://") || db.starts_with("postgres://"); }

SourceLocation at_file(const fs::path& path) { return SourceLocation{path.string(), 0, 0, "ledger key"}; }
}  // namespace

fs::path ledger_key_path(const CommandContext& context) {
  if (!context.ledger_key.empty()) return context.ledger_key;
  if (is_postgres_url(context.db)) return "recall-ledger.key";
  return context.db + ".ledger-key";
}

std::string default_ledger_key_name() {
  std::array<char, 256> host{};
  if (::gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  std::string name(host.data());
  for (char& c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '-' || c == '_';
    if (!plain) c = '-';
  }
  return name.empty() ? "recall" : name;
}

ledger::SignerKey create_ledger_key(const fs::path& path, const std::string& name) {
  const ledger::SignerKey key = ledger::generate_signer_key(name);  // a bad name fails before any file is made
  const std::string text = ledger::encode_signer_key(key) + "\n";
  // O_EXCL: never replace a key, even one created by another process a moment ago.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      throw Error(ErrorKind::conflict,
                  fmt::format("{} already exists; a deployment's key is never replaced (every checkpoint it signed "
                              "depends on it)", path.string()));
    }
    throw Error(ErrorKind::unavailable, fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)),
                at_file(path));
  }
  const ssize_t written = ::write(fd, text.data(), text.size());
  const bool closed = ::close(fd) == 0;
  if (written != static_cast<ssize_t>(text.size()) || !closed) {
    fs::remove(path);
    throw Error(ErrorKind::unavailable, fmt::format("cannot write {}", path.string()), at_file(path));
  }
  return key;
}

ledger::SignerKey read_ledger_key(const fs::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw Error(ErrorKind::not_found,
                fmt::format("{} is missing; create it with `recall keys init`", path.string()));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  try {
    return ledger::parse_signer_key(text);
  } catch (const Error& e) {
    throw Error(ErrorKind::invalid_input, fmt::format("not a ledger signer key: {}", e.message()),
                SourceLocation{path.string(), 1, 0, "ledger key"});
  }
}

ledger::SignerKey load_or_create_ledger_key(const CommandContext& context) {
  const fs::path path = ledger_key_path(context);
  if (context.ledger_key.empty() && !fs::exists(path)) {
    try {
      ledger::SignerKey key = create_ledger_key(path, default_ledger_key_name());
      std::cerr << fmt::format("recall: created the ledger key {} (name {}); keep it safe and private\n",
                               path.string(), key.name());
      return key;
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::conflict) throw;  // another process created it first: read theirs
    }
  }
  return read_ledger_key(path);
}

}  // namespace recall::cli
