#include "store/sql_outbox_store.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/batch_insert.hpp"
#include "store/sql_fields.hpp"

namespace recall {

namespace {

namespace sf = sql_fields;
constexpr std::string_view file = "outbox";
constexpr std::string_view columns =
    "id, to_address, subject, body, created_at, next_attempt_at, attempts, last_error, sent_at, "
    "public_petition_id";

OutboxMessage read_message(const SqlRow& row) {
  return {row.integer(0),
          row.text(1),
          row.text(2),
          row.text(3),
          row.text(4),
          row.integer(5),
          static_cast<int>(row.integer(6)),
          row.text(7),
          row.optional_text(8),
          sf::read_optional_int(row, 9)};
}

// Every check the database would make, first, so bad input names the field (and, in a batch, the
// message as the line) instead of a constraint.
void validate(const OutboxMessage& message, int line) {
  try {
    sf::require_text(message.to, file, "to");
    sf::require_utc_timestamp(message.created_at, file, "created_at");
    if (message.attempts < 0) {
      throw_invalid("attempts must not be negative", SourceLocation{std::string(file), 0, 0, "attempts"});
    }
    if (message.sent_at) sf::require_utc_timestamp(*message.sent_at, file, "sent_at");
    if (message.public_petition_id && *message.public_petition_id <= 0) {
      throw_invalid("public_petition_id must be positive",
                    SourceLocation{std::string(file), 0, 0, "public_petition_id"});
    }
  } catch (const Error& error) {
    if (line == 0 || !error.where()) throw;
    SourceLocation where = *error.where();
    where.line = line;
    throw Error(error.kind(), error.message(), where);
  }
}

constexpr std::string_view insert_head =
    "INSERT INTO outbox (to_address, subject, body, created_at, next_attempt_at, attempts, last_error,"
    " sent_at, public_petition_id) VALUES ";

void append_values(const OutboxMessage& message, SqlParams& out) {
  out.push_back(sql_text(message.to));
  out.push_back(sql_text(message.subject));
  out.push_back(sql_text(message.body));
  out.push_back(sql_text(message.created_at));
  out.push_back(sql_int(message.next_attempt_at));
  out.push_back(sql_int(message.attempts));
  out.push_back(sql_text(message.last_error));
  out.push_back(sf::optional_text(message.sent_at));
  out.push_back(sf::optional_int(message.public_petition_id));
}

void update_message(SqlConnection& db, std::string_view assignments, std::int64_t id, SqlParams values) {
  SqlParams params{sql_int(id)};
  params.insert(params.end(), std::make_move_iterator(values.begin()), std::make_move_iterator(values.end()));
  if (db.query(fmt::format("UPDATE outbox SET {} WHERE id = $1 RETURNING id", assignments), params).empty()) {
    throw_not_found(fmt::format("no outbox message with id {}", id));
  }
}

}  // namespace

std::int64_t SqlOutboxStore::enqueue(const OutboxMessage& message) {
  validate(message, 0);
  return session_.with([&](SqlConnection& db) {
    SqlParams params;
    append_values(message, params);
    return db
        .query(fmt::format("{}($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id", insert_head), params)
        .at(0)
        .integer(0);
  });
}

void SqlOutboxStore::enqueue_batch(std::span<const OutboxMessage> messages) {
  for (std::size_t i = 0; i < messages.size(); ++i) validate(messages[i], static_cast<int>(i + 1));
  if (messages.empty()) return;
  session_.transaction([&](SqlConnection& db) {
    insert_rows(db, {insert_head, 9, ""}, messages.size(),
                [&](std::size_t i, SqlParams& out) { append_values(messages[i], out); });
  });
}

std::vector<OutboxMessage> SqlOutboxStore::due(std::int64_t now, int limit) {
  if (limit <= 0) throw_invalid("limit must be positive", SourceLocation{std::string(file), 0, 0, "limit"});
  return session_.with([&](SqlConnection& db) {
    std::vector<OutboxMessage> out;
    // Oldest first (by id, the order enqueued), so a message retried with back-off keeps its place.
    for (const SqlRow& row :
         db.query(fmt::format("SELECT {} FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1"
                              " ORDER BY id LIMIT $2",
                              columns),
                  {sql_int(now), sql_int(limit)})) {
      out.push_back(read_message(row));
    }
    return out;
  });
}

void SqlOutboxStore::mark_sent(std::int64_t id, const std::string& sent_at) {
  sf::require_utc_timestamp(sent_at, file, "sent_at");
  session_.with([&](SqlConnection& db) { update_message(db, "sent_at = $2", id, {sql_text(sent_at)}); });
}

void SqlOutboxStore::mark_failed(std::int64_t id, const std::string& error, std::int64_t next_attempt_at) {
  session_.with([&](SqlConnection& db) {
    update_message(db, "attempts = attempts + 1, last_error = $2, next_attempt_at = $3", id,
                   {sql_text(error), sql_int(next_attempt_at)});
  });
}

std::vector<OutboxMessage> SqlOutboxStore::list_outbox() {
  return session_.with([&](SqlConnection& db) {
    std::vector<OutboxMessage> out;
    for (const SqlRow& row : db.query(fmt::format("SELECT {} FROM outbox ORDER BY id", columns), {})) {
      out.push_back(read_message(row));
    }
    return out;
  });
}

}  // namespace recall
