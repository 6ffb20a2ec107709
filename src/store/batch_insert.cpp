#include "store/batch_insert.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <string>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

std::string statement_for(const InsertShape& shape, std::size_t rows) {
  std::string sql(shape.head);
  std::size_t parameter = 1;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < shape.columns; ++c) {
      if (c > 0) sql += ", ";
      sql += fmt::format("${}", parameter++);
    }
    sql += ")";
  }
  sql += shape.tail;
  return sql;
}

}  // namespace

std::vector<std::size_t> chunk_sizes(std::size_t count, std::size_t chunk) {
  chunk = std::max<std::size_t>(1, chunk);
  std::vector<std::size_t> sizes;
  while (count > 0) {
    std::size_t rows = std::min(chunk, count);
    if (rows < chunk) rows = std::bit_floor(rows);
    sizes.push_back(rows);
    count -= rows;
  }
  return sizes;
}

void insert_rows(SqlConnection& db, const InsertShape& shape, std::size_t count,
                 const std::function<void(std::size_t, SqlParams&)>& row) {
  std::map<std::size_t, std::string> statements;
  SqlParams params;
  std::size_t start = 0;
  for (const std::size_t rows : chunk_sizes(count, db.rows_per_insert())) {
    params.clear();
    for (std::size_t i = start; i < start + rows; ++i) {
      const std::size_t before = params.size();
      row(i, params);
      if (params.size() - before != shape.columns) {
        throw Error(ErrorKind::internal, fmt::format("row {} for `{}` has {} values, expected {}", i, shape.head,
                                                     params.size() - before, shape.columns));
      }
    }
    auto found = statements.find(rows);
    if (found == statements.end()) found = statements.emplace(rows, statement_for(shape, rows)).first;
    db.execute(found->second, params);
    start += rows;
  }
}

}  // namespace recall
