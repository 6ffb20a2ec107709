#include "store/sql_audit_store.hpp"

#include <cctype>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace recall {

namespace {

constexpr std::string_view select_entries =
    "SELECT id, at, actor_user_id, actor_email, role, action, target, detail, remote_address FROM audit_log ";

[[noreturn]] void invalid_entry(std::string message, const char* field) {
  throw_invalid(std::move(message), SourceLocation{"audit", 0, 0, field});
}

// YYYY-MM-DDTHH:MM:SSZ, digits where digits belong.
bool is_utc_timestamp(const std::string& at) {
  constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
  if (at.size() != shape.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool ok =
        shape[i] == 'd' ? std::isdigit(static_cast<unsigned char>(at[i])) != 0 : at[i] == shape[i];
    if (!ok) return false;
  }
  return true;
}

void validate(const AuditEntry& entry) {
  if (!is_utc_timestamp(entry.at))
    invalid_entry(fmt::format("'{}' is not a UTC time YYYY-MM-DDTHH:MM:SSZ", entry.at), "at");
  if (entry.action.empty()) invalid_entry("an audit entry needs an action", "action");
  const auto detail = nlohmann::json::parse(entry.detail, nullptr, false);
  if (detail.is_discarded() || !detail.is_object())
    invalid_entry("audit detail must be a JSON object", "detail");
}

AuditEntry read_entry(const SqlRow& row) {
  AuditEntry entry;
  entry.id = row.integer(0);
  entry.at = row.text(1);
  if (!row.is_null(2)) entry.actor_user_id = row.integer(2);
  entry.actor_email = row.text(3);
  entry.role = row.text(4);
  entry.action = row.text(5);
  entry.target = row.text(6);
  entry.detail = row.text(7);
  entry.remote_address = row.text(8);
  return entry;
}

}  // namespace

std::int64_t SqlAuditStore::append(const AuditEntry& entry) {
  validate(entry);
  return session_.with([&](SqlConnection& db) {
    const SqlValue actor = entry.actor_user_id ? sql_int(*entry.actor_user_id) : SqlValue{nullptr};
    return db
        .query(
            "INSERT INTO audit_log (at, actor_user_id, actor_email, role, action, target, detail, "
            "remote_address) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            {sql_text(entry.at), actor, sql_text(entry.actor_email), sql_text(entry.role),
             sql_text(entry.action), sql_text(entry.target), sql_text(entry.detail),
             sql_text(entry.remote_address)})
        .at(0)
        .integer(0);
  });
}

std::vector<AuditEntry> SqlAuditStore::read_audit(std::int64_t after_id, std::int64_t limit) {
  if (limit < 1) invalid_entry("read at least one audit entry", "limit");
  return session_.with([&](SqlConnection& db) {
    std::vector<AuditEntry> entries;
    for (const SqlRow& row : db.query(fmt::format("{}WHERE id > $1 ORDER BY id LIMIT $2", select_entries),
                                      {sql_int(after_id), sql_int(limit)})) {
      entries.push_back(read_entry(row));
    }
    return entries;
  });
}

std::vector<AuditEntry> SqlAuditStore::export_audit() {
  return read_audit(0, std::numeric_limits<std::int64_t>::max());
}

}  // namespace recall
