// SqlLedgerStore's checkpoints: signed notes kept per tree size, each checked against the stored log
// before it is kept, so the database never holds a checkpoint its own log contradicts.
#include <fmt/format.h>

#include <limits>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/proof_builder.hpp"
#include "core/ledger/signed_note.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_ledger_node_source.hpp"
#include "store/sql_ledger_queries.hpp"
#include "store/sql_ledger_store.hpp"

namespace recall {

namespace {

constexpr std::string_view checkpoint_columns = "tree_size, signed_note, created_at";

StoredCheckpoint read_checkpoint(const SqlRow& row) {
  return {static_cast<std::uint64_t>(row.integer(0)), row.text(1), row.text(2)};
}

SourceLocation checkpoint_field(std::string_view field) { return {"checkpoint", 0, 0, std::string(field)}; }

// The checkpoint the note's text states (its signature is not checked: see LedgerStore).
ledger::Checkpoint stated_checkpoint(const std::string& signed_note) {
  try {
    return ledger::parse_checkpoint(ledger::parse_signed_note(signed_note).text);
  } catch (const Error& error) {
    throw_invalid(fmt::format("the signed note is not a checkpoint: {}", error.message()),
                  checkpoint_field("signed_note"));
  }
}

}  // namespace

void SqlLedgerStore::add_checkpoint(std::int64_t petition_id, const StoredCheckpoint& checkpoint) {
  sql_fields::require_utc_timestamp(checkpoint.created_at, "checkpoint", "created_at");
  const ledger::Checkpoint stated = stated_checkpoint(checkpoint.signed_note);
  if (stated.size != checkpoint.tree_size) {
    throw_invalid(fmt::format("the signed note is a checkpoint of {} leaves, not {}", stated.size, checkpoint.tree_size),
                  checkpoint_field("tree_size"));
  }
  session_.transaction([&](SqlConnection& db) {
    require_petition(db, petition_id);
    const SqlLedgerNodeSource log(session_, binary_, petition_id, stored_ledger_size(db, petition_id));
    if (checkpoint.tree_size > log.size()) {
      throw_invalid(fmt::format("the ledger of petition {} has {} leaves, fewer than the checkpoint's {}", petition_id,
                                log.size(), checkpoint.tree_size),
                    checkpoint_field("tree_size"));
    }
    if (ledger::root_at(log, checkpoint.tree_size) != stated.root) {
      throw_invalid(fmt::format("the checkpoint's root is not the root of the stored ledger of petition {} at {} leaves",
                                petition_id, checkpoint.tree_size),
                    checkpoint_field("signed_note"));
    }
    // tree_size fits: it is at most the log size, itself a stored (signed 64-bit) index plus one.
    db.execute("INSERT INTO ledger_checkpoints (petition_id, tree_size, signed_note, created_at) VALUES ($1, $2, $3, $4)",
               {sql_int(petition_id), sql_int(static_cast<std::int64_t>(checkpoint.tree_size)),
                sql_text(checkpoint.signed_note), sql_text(checkpoint.created_at)});
  });
}

std::optional<StoredCheckpoint> SqlLedgerStore::latest_checkpoint(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) -> std::optional<StoredCheckpoint> {
    const SqlRows rows = db.query(fmt::format("SELECT {} FROM ledger_checkpoints WHERE petition_id = $1"
                                              " ORDER BY tree_size DESC LIMIT 1",
                                              checkpoint_columns),
                                  {sql_int(petition_id)});
    if (rows.empty()) return std::nullopt;
    return read_checkpoint(rows[0]);
  });
}

std::optional<StoredCheckpoint> SqlLedgerStore::checkpoint_at(std::int64_t petition_id, std::uint64_t tree_size) {
  if (tree_size > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
  return session_.with([&](SqlConnection& db) -> std::optional<StoredCheckpoint> {
    const SqlRows rows = db.query(
        fmt::format("SELECT {} FROM ledger_checkpoints WHERE petition_id = $1 AND tree_size = $2", checkpoint_columns),
        {sql_int(petition_id), sql_int(static_cast<std::int64_t>(tree_size))});
    if (rows.empty()) return std::nullopt;
    return read_checkpoint(rows[0]);
  });
}

std::vector<StoredCheckpoint> SqlLedgerStore::list_checkpoints(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    std::vector<StoredCheckpoint> out;
    for (const SqlRow& row :
         db.query(fmt::format("SELECT {} FROM ledger_checkpoints WHERE petition_id = $1 ORDER BY tree_size",
                              checkpoint_columns),
                  {sql_int(petition_id)})) {
      out.push_back(read_checkpoint(row));
    }
    return out;
  });
}

}  // namespace recall
