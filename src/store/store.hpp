#pragma once
// Storage: one interface per aggregate, implemented for SQLite (embedded default) and PostgreSQL.
// The contract suite in tests/contract runs every implementation through the same tests.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/parliament/model.hpp"
#include "core/parliament/postcode_row.hpp"
#include "core/register/register_entry.hpp"
#include "store/ledger_store.hpp"
#include "store/petition_store.hpp"
#include "store/public_petition_store.hpp"

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
  // Many at once, in a few statements (the intake sequencer looks up a whole batch): the ONS code of
  // each normalised postcode found; those not in the directory are absent from the map.
  virtual std::unordered_map<std::string, std::string> find_postcodes(std::span<const std::string> normalised) = 0;
  // Adds or replaces rows; callers send batches (tens of thousands) inside begin/commit of the
  // import so a failed import leaves nothing behind.
  virtual void upsert_postcodes(const std::vector<PostcodeRow>& rows) = 0;
  virtual std::int64_t count_postcodes() = 0;
};

// An account. Role and duty are the wire names of core/auth/role.hpp ("petition-officer", "staff",
// "observer", "campaigner", "moderator"; duty "" unless staff); the store keeps them as text so it needs no auth code.
struct UserRecord {
  std::int64_t id = 0;  // assigned by the database
  std::string email;    // as typed; unique ignoring case
  std::string role;
  std::string duty;
  std::string password_hash;  // argon2id string from core/auth/password.hpp
  std::int64_t created_at = 0;  // Unix seconds, UTC
  bool disabled = false;

  bool operator==(const UserRecord&) const = default;
};

class UserStore {
 public:
  virtual ~UserStore() = default;
  // Returns the new id (user.id is ignored). Error(conflict) when the email is taken in any case.
  virtual std::int64_t add_user(const UserRecord& user) = 0;
  virtual std::optional<UserRecord> find_user(std::int64_t id) = 0;
  virtual std::optional<UserRecord> find_user_by_email(const std::string& email) = 0;  // ignoring case
  virtual std::vector<UserRecord> list_users() = 0;  // in id order
  // Error(not_found) for an unknown id.
  virtual void set_password_hash(std::int64_t id, const std::string& password_hash) = 0;
  virtual void set_disabled(std::int64_t id, bool disabled) = 0;
};

// A signed-in session, found by the SHA-256 of its cookie token (core/auth/token.hpp).
struct SessionRecord {
  std::string token_hash;  // 64 lowercase hex characters
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;    // Unix seconds, UTC
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;    // the absolute limit
  std::string csrf_token;

  bool operator==(const SessionRecord&) const = default;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  virtual void create_session(const SessionRecord& session) = 0;  // Error(conflict) on a reused hash
  // The row as stored, live or not: whether it is still live is core/auth/session_policy.hpp's call.
  virtual std::optional<SessionRecord> find_session(const std::string& token_hash) = 0;
  virtual void touch_session(const std::string& token_hash, std::int64_t last_seen_at) = 0;
  virtual bool revoke_session(const std::string& token_hash) = 0;  // false if there was none
  virtual std::int64_t revoke_user_sessions(std::int64_t user_id) = 0;  // how many went
  // Removes sessions past their absolute expiry or idle since before now - idle_seconds.
  virtual std::int64_t delete_expired_sessions(std::int64_t now, std::int64_t idle_seconds) = 0;
};

// One line of the audit log. Append-only: there is no way to change or remove an entry.
struct AuditEntry {
  std::int64_t id = 0;  // assigned by the database, increasing
  std::string at;       // "YYYY-MM-DDTHH:MM:SSZ", UTC
  std::optional<std::int64_t> actor_user_id;  // none for the command line or the system itself
  std::string actor_email;
  std::string role;
  std::string action;   // e.g. "user.add"
  std::string target;   // what it was done to, e.g. the new user's email
  std::string detail = "{}";  // a JSON object
  std::string remote_address;

  bool operator==(const AuditEntry&) const = default;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  // Returns the new entry's id (entry.id is ignored). Error(invalid_input) naming the field for a
  // malformed time, an empty action or detail that is not a JSON object.
  virtual std::int64_t append(const AuditEntry& entry) = 0;
  // Entries with id > after_id, oldest first, at most `limit`.
  virtual std::vector<AuditEntry> read_audit(std::int64_t after_id, std::int64_t limit) = 0;
  virtual std::vector<AuditEntry> export_audit() = 0;  // the whole log, oldest first
};

// One imported electoral register (core/register); a constituency may have several, the latest in use.
struct RegisterInfo {
  std::int64_t id = 0;  // assigned by the database, increasing
  std::string ons_code;
  std::int64_t imported_at = 0;  // Unix seconds, UTC
  std::string source;            // where it came from, e.g. the file name
  std::int64_t records = 0;      // records of every kind (additions, deletions, corrections)

  bool operator==(const RegisterInfo&) const = default;
};

class RegisterStore {
 public:
  virtual ~RegisterStore() = default;
  // Imports a register in one transaction, calling `next` for each record until it returns false;
  // if `next` or the database throws, nothing is kept. Returns the new register's id.
  virtual std::int64_t import_register(const std::string& ons_code, const std::string& source, std::int64_t imported_at,
                                       const std::function<bool(RegisterEntry&)>& next) = 0;
  virtual std::optional<RegisterInfo> latest_register(const std::string& ons_code) = 0;
  // Every record, in the order imported. Error(not_found) for an unknown id.
  virtual std::vector<RegisterEntry> load_register(std::int64_t register_id) = 0;
};

// A store is the set of aggregates over one database connection (or pool).
class Store {
 public:
  virtual ~Store() = default;
  virtual std::string backend() const = 0;  // "sqlite" | "postgresql"
  virtual int schema_version() = 0;         // highest migration applied
  virtual ReferenceStore& reference() = 0;
  virtual PostcodeStore& postcodes() = 0;
  virtual UserStore& users() = 0;
  virtual SessionStore& sessions() = 0;
  virtual AuditStore& audit() = 0;
  virtual RegisterStore& registers() = 0;
  virtual PetitionStore& petitions() = 0;
  virtual OutboxStore& outbox() = 0;
  virtual OneTimeCodeStore& one_time_codes() = 0;
  virtual LedgerStore& ledgers() = 0;
  virtual PublicPetitionStore& public_petitions() = 0;
  // Runs `work` in one transaction: commits if it returns, rolls back if it throws.
  virtual void transaction(const std::function<void()>& work) = 0;
};

// "postgresql://…" or "postgres://…" opens PostgreSQL; anything else is a SQLite file path
// (":memory:" for a private in-memory database). Applies pending migrations before returning.
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace recall
