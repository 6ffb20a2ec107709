#pragma once
// Conversions shared by the public petition store's files: instants <-> "YYYY-MM-DDTHH:MM:SSZ" text,
// token hashes and IP sort keys <-> binary columns, the petition and signature rows, and the chunking
// of long IN (…) lists and multi-row statements.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/batch_insert.hpp"
#include "store/binary_columns.hpp"
#include "store/public_petition_store.hpp"
#include "store/sql_connection.hpp"

namespace recall::public_rows {

// The instants the text columns hold (1970 to 9999, four-digit years), so text order is time order.
constexpr std::int64_t first_instant = 0;               // 1970-01-01T00:00:00Z
constexpr std::int64_t last_instant = 253'402'300'799;  // 9999-12-31T23:59:59Z

// Error(invalid_input) naming `file` and `field` for an instant outside first_instant..last_instant.
void check_instant(std::int64_t at, std::string_view file, std::string_view field, int line = 0);
SqlValue instant(std::int64_t at);  // checked by the caller
SqlValue optional_instant(const std::optional<std::int64_t>& at);
std::int64_t read_instant(const SqlRow& row, std::size_t column, std::string_view what);
std::optional<std::int64_t> read_optional_instant(const SqlRow& row, std::size_t column,
                                                  std::string_view what);

// The address a stored sort key stands for (IPv4-mapped keys are IPv4, as the parser makes them).
public_petition::IpAddress ip_from_sort_key(const std::array<std::uint8_t, 16>& key);

// Appends `value` to `params` and returns its placeholder ("$7").
std::string bind(SqlParams& params, SqlValue value);
// "$3, $4, …" for a list of ids (an IN list), appended to params.
std::string id_list(std::span<const std::int64_t> ids, SqlParams& params);
// The same for octets, as the backend takes a binary value (CAST on SQLite).
std::string bind_binary(SqlParams& params, const BinaryColumns& binary, ledger::ByteView octets);

using recall::chunk_sizes;  // store/batch_insert.hpp

// public_petitions: the select list, and a row of it (thresholds are loaded apart).
extern const std::string_view petition_columns;
PublicPetitionRecord read_petition(const SqlRow& row);
// The petition's thresholds in rising order.
std::vector<public_petition::ThresholdMark> load_thresholds(SqlConnection& db, std::int64_t petition_id);
// Every petition the query returns (petition_columns first), thresholds included.
std::vector<PublicPetitionRecord> load_petitions(SqlConnection& db, std::string_view sql,
                                                 const SqlParams& params);

// public_signatures: the select list (binary columns read through `binary`), and a row of it.
std::string signature_columns(const BinaryColumns& binary);
PublicSignatureRecord read_signature(const SqlRow& row, const BinaryColumns& binary);

std::optional<public_petition::BlockKind> parse_block_kind(std::string_view text);

}  // namespace recall::public_rows
