#pragma once
// Storage: one interface per aggregate, implemented for SQLite (embedded default) and PostgreSQL.
// The contract suite in tests/contract runs every implementation through the same tests.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/parliament/model.hpp"
#include "core/parliament/postcode_row.hpp"

namespace recall {

// PostcodeRow (a postcode and its constituency) lives in core/parliament/postcode_row.hpp, so the
// postcode directory reader can produce it without depending on the store.

class ReferenceStore {
 public:
  virtual ~ReferenceStore() = default;
  // Replaces all reference data in one transaction. Returns false (and changes nothing) when
  // data.source_digest equals the digest already loaded, unless `force`.
  virtual bool replace_reference_data(const ReferenceData& data, bool force) = 0;
  // Exactly what was last saved, in the same order; nullopt before the first load. `postcodes`
  // holds only the reference data's example postcodes (the full directory, millions of rows, is
  // in PostcodeStore; the examples are upserted there too).
  virtual std::optional<ReferenceData> load_reference_data() = 0;
  virtual std::optional<std::string> loaded_digest() = 0;
};

class PostcodeStore {
 public:
  virtual ~PostcodeStore() = default;
  virtual std::optional<std::string> find_postcode(const std::string& normalised) = 0;
  // Adds or replaces rows; callers send batches (tens of thousands) inside begin/commit of the
  // import so a failed import leaves nothing behind.
  virtual void upsert_postcodes(const std::vector<PostcodeRow>& rows) = 0;
  virtual std::int64_t count_postcodes() = 0;
};

// A store is the set of aggregates over one database connection (or pool).
class Store {
 public:
  virtual ~Store() = default;
  virtual std::string backend() const = 0;  // "sqlite" | "postgresql"
  virtual int schema_version() = 0;         // highest migration applied
  virtual ReferenceStore& reference() = 0;
  virtual PostcodeStore& postcodes() = 0;
  // Runs `work` in one transaction: commits if it returns, rolls back if it throws.
  virtual void transaction(const std::function<void()>& work) = 0;
};

// "postgresql://…" or "postgres://…" opens PostgreSQL; anything else is a SQLite file path
// (":memory:" for a private in-memory database). Applies pending migrations before returning.
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace recall
