#include "store/sql_store.hpp"

namespace recall {

SqlStore::SqlStore(std::unique_ptr<SqlConnection> connection, std::span<const Migration> migrations)
    : backend_(connection->backend()),
      session_(std::move(connection)),
      reference_(session_),
      postcodes_(session_),
      users_(session_),
      sessions_(session_),
      audit_(session_),
      registers_(session_),
      petitions_(session_),
      outbox_(session_),
      one_time_codes_(session_),
      ledgers_(session_, backend_),
      public_petitions_(session_, backend_) {
  session_.with([&](SqlConnection& db) { apply_migrations(db, migrations); });
}

int SqlStore::schema_version() {
  return session_.with([](SqlConnection& db) { return applied_schema_version(db); });
}

void SqlStore::transaction(const std::function<void()>& work) {
  session_.transaction([&](SqlConnection&) { work(); });
}

}  // namespace recall
