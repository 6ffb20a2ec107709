#include "store/sql_register_store.hpp"

#include <fmt/format.h>

#include <unordered_set>

#include "core/base/error.hpp"
#include "store/batch_insert.hpp"

namespace recall {

namespace {

// Records are buffered and written this many at a time, so a 100,000-line register needs neither
// 100,000 round trips (PostgreSQL) nor the whole file in memory twice.
constexpr std::size_t flush_every = 4096;

constexpr std::string_view record_columns =
    "change, cause, applied_on, effective_on, surname, forenames, address_1, address_2, address_3, postcode, "
    "date_of_birth, markers, absent_vote, proxy_name, proxy_address";
constexpr std::size_t record_column_count = 15;

struct Pending {
  std::int64_t ordinal = 0;
  RegisterEntry entry;
};

void append_record(const RegisterEntry& e, SqlParams& out) {
  out.emplace_back(std::string(to_string(e.change)));
  out.emplace_back(std::string(to_string(e.cause)));
  out.emplace_back(to_iso(e.applied_on));
  out.emplace_back(to_iso(e.effective_on));
  out.emplace_back(e.surname);
  out.emplace_back(e.forenames);
  out.emplace_back(e.address_1);
  out.emplace_back(e.address_2);
  out.emplace_back(e.address_3);
  out.emplace_back(e.postcode);
  out.emplace_back(e.date_of_birth ? SqlValue(to_iso(*e.date_of_birth)) : SqlValue(nullptr));
  out.emplace_back(to_code(e.markers));
  out.emplace_back(std::string(to_code(e.absent_vote)));
  out.emplace_back(e.proxy_name);
  out.emplace_back(e.proxy_address);
}

[[noreturn]] void corrupt(const std::string& what) {
  throw Error(ErrorKind::internal, fmt::format("register in the database: {}", what));
}

// Columns from `first` on are record_columns in order.
RegisterEntry read_record(const SqlRow& row, std::size_t first) {
  RegisterEntry e;
  const auto kind = parse_change_kind(row.text(first));
  const auto cause = parse_change_cause(row.text(first + 1));
  const auto markers = parse_markers(row.text(first + 11));
  const auto vote = parse_absent_vote(row.text(first + 12));
  const auto applied = try_parse_iso_date(row.text(first + 2));
  const auto effective = try_parse_iso_date(row.text(first + 3));
  if (!kind || !cause || !markers || !vote || !applied || !effective) corrupt("unreadable record");
  e.change = *kind;
  e.cause = *cause;
  e.applied_on = *applied;
  e.effective_on = *effective;
  e.surname = row.text(first + 4);
  e.forenames = row.text(first + 5);
  e.address_1 = row.text(first + 6);
  e.address_2 = row.text(first + 7);
  e.address_3 = row.text(first + 8);
  e.postcode = row.text(first + 9);
  if (const auto dob = row.optional_text(first + 10)) {
    const auto date = try_parse_iso_date(*dob);
    if (!date) corrupt("unreadable date of birth");
    e.date_of_birth = *date;
  }
  e.markers = *markers;
  e.absent_vote = *vote;
  e.proxy_name = row.text(first + 13);
  e.proxy_address = row.text(first + 14);
  return e;
}

class Importer {
 public:
  Importer(SqlConnection& db, std::int64_t register_id)
      : db_(db),
        register_id_(register_id),
        entries_sql_(fmt::format("INSERT INTO register_entries (register_id, elector_number, ordinal, {}) VALUES ",
                                 record_columns)),
        changes_sql_(fmt::format("INSERT INTO register_changes (register_id, elector_number, ordinal, {}) VALUES ",
                                 record_columns)) {}

  void add(const RegisterEntry& entry) {
    // An elector's first record is their entry; later ones are changes to it.
    auto& batch = seen_.insert(entry.elector_number).second ? entries_ : changes_;
    batch.push_back({++ordinal_, entry});
    if (entries_.size() + changes_.size() >= flush_every) flush();
  }

  void flush() {
    write(entries_sql_, entries_);  // first, so changes in this batch find their entries
    write(changes_sql_, changes_);
  }

 private:
  void write(const std::string& head, std::vector<Pending>& rows) {
    insert_rows(db_, {head, 3 + record_column_count, ""}, rows.size(), [&](std::size_t i, SqlParams& out) {
      out.emplace_back(register_id_);
      out.emplace_back(rows[i].entry.elector_number);
      out.emplace_back(rows[i].ordinal);
      append_record(rows[i].entry, out);
    });
    rows.clear();
  }

  SqlConnection& db_;
  std::int64_t register_id_;
  std::string entries_sql_;
  std::string changes_sql_;
  std::unordered_set<std::string> seen_;
  std::vector<Pending> entries_;
  std::vector<Pending> changes_;
  std::int64_t ordinal_ = 0;
};

}  // namespace

std::int64_t SqlRegisterStore::import_register(const std::string& ons_code, const std::string& source,
                                               std::int64_t imported_at,
                                               const std::function<bool(RegisterEntry&)>& next) {
  if (ons_code.empty()) throw Error(ErrorKind::invalid_input, "a register needs a constituency", SourceLocation{"register", 0, 0, "ons_code"});
  std::int64_t id = 0;
  session_.transaction([&](SqlConnection& db) {
    id = db.query("INSERT INTO registers (ons_code, imported_at, source) VALUES ($1, $2, $3) RETURNING id",
                  {sql_text(ons_code), sql_int(imported_at), sql_text(source)})
             .at(0)
             .integer(0);
    Importer importer(db, id);
    RegisterEntry entry;
    while (next(entry)) importer.add(entry);
    importer.flush();
  });
  return id;
}

std::optional<RegisterInfo> SqlRegisterStore::latest_register(const std::string& ons_code) {
  return session_.with([&](SqlConnection& db) -> std::optional<RegisterInfo> {
    auto rows = db.query(
        "SELECT r.id, r.ons_code, r.imported_at, r.source,"
        " (SELECT COUNT(*) FROM register_entries e WHERE e.register_id = r.id) +"
        " (SELECT COUNT(*) FROM register_changes c WHERE c.register_id = r.id)"
        " FROM registers r WHERE r.ons_code = $1 ORDER BY r.id DESC LIMIT 1",
        {sql_text(ons_code)});
    if (rows.empty()) return std::nullopt;
    return RegisterInfo{rows[0].integer(0), rows[0].text(1), rows[0].integer(2), rows[0].text(3), rows[0].integer(4)};
  });
}

std::vector<RegisterEntry> SqlRegisterStore::load_register(std::int64_t register_id) {
  return session_.with([&](SqlConnection& db) {
    if (db.query("SELECT id FROM registers WHERE id = $1", {sql_int(register_id)}).empty()) {
      throw_not_found(fmt::format("no register with id {}", register_id));
    }
    const std::string sql = fmt::format(
        "SELECT ordinal, elector_number, {0} FROM register_entries WHERE register_id = $1"
        " UNION ALL SELECT ordinal, elector_number, {0} FROM register_changes WHERE register_id = $1"
        " ORDER BY 1",
        record_columns);
    std::vector<RegisterEntry> out;
    for (const SqlRow& row : db.query(sql, {sql_int(register_id)})) {
      RegisterEntry e = read_record(row, 2);
      e.elector_number = row.text(1);
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace recall
