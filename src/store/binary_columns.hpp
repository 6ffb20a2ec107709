#pragma once
// How binary columns (BLOB on SQLite, bytea on PostgreSQL) travel through SqlConnection, whose values
// are only integers and text. SQLite binds the raw octets as text and CASTs them to a BLOB, which keeps
// every octet; PostgreSQL's text protocol cannot carry a NUL octet, so octets go as bytea's hex input
// form ("\x…") and come back through encode(…, 'hex'), whatever the server's bytea_output setting.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger/bytes.hpp"
#include "store/sql_connection.hpp"

namespace recall {

class BinaryColumns {
 public:
  explicit BinaryColumns(std::string_view backend);

  // The value to bind for octets written through param().
  [[nodiscard]] SqlValue value(ledger::ByteView octets) const;
  // The placeholder $n of a binary value in an INSERT's VALUES.
  [[nodiscard]] std::string param(int n) const;
  // The select-list expression that reads the binary column `name`.
  [[nodiscard]] std::string column(std::string_view name) const;
  // Reads a cell selected through column() into out; Error(internal) naming `what` unless it holds
  // exactly out.size() octets.
  void read(const SqlRow& row, std::size_t column, std::span<std::uint8_t> out, std::string_view what) const;
  // The same for a cell of any length.
  [[nodiscard]] std::vector<std::uint8_t> read_all(const SqlRow& row, std::size_t column) const;

  // Head and tail of a multi-row INSERT (store/batch_insert.hpp) into `table` whose last listed
  // column is binary: on SQLite the rows become a VALUES subquery so the last value can be CAST.
  struct InsertText {
    std::string head;
    std::string tail;
  };
  [[nodiscard]] InsertText insert_with_binary_last(std::string_view table, std::span<const std::string_view> columns) const;

 private:
  bool hex_ = false;  // PostgreSQL
};

}  // namespace recall
