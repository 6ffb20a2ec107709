#include "store/sql_connection.hpp"

namespace recall {

SqlResults SqlConnection::query_all(std::span<const SqlStatement> statements) {
  SqlResults results;
  results.rows.reserve(statements.size());
  for (const SqlStatement& statement : statements) {
    try {
      results.rows.push_back(query(statement.sql, statement.params));
    } catch (...) {
      results.failure = std::current_exception();
      break;
    }
  }
  return results;
}

}  // namespace recall
