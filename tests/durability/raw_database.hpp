#pragma once
// Reads a Recall database behind the server's back, on a connection of its own: a SQLite file or a
// PostgreSQL URL. The durability test checks what is on disk with it, so it must not go through the
// store the server itself uses (a bug there would hide in both places).
#include <memory>
#include <string>
#include <vector>

namespace recall::durability {

using Row = std::vector<std::string>;  // NULL reads as ""

class RawDatabase {
 public:
  virtual ~RawDatabase() = default;
  // Runs one statement (no parameters: the tests build only constant SQL and integers into it).
  virtual std::vector<Row> rows(const std::string& sql) = 0;
};

// "postgresql://…" or "postgres://…" opens libpq; anything else is a SQLite file path.
std::unique_ptr<RawDatabase> open_raw_database(const std::string& url);

}  // namespace recall::durability
