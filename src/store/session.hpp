#pragma once
// Owns one connection and makes it safe to share between the server's threads.
//
// Choice: one connection behind a recursive mutex, held for a whole transaction. SQLite allows one
// writer anyway (WAL lets readers run beside it, but the reference and postcode lookups are served
// from memory or are single-row), and PostgreSQL deployments scale out by running more stateless
// processes. A thread inside transaction() keeps the lock until it commits, so its statements
// never interleave with another thread's and nested calls on the same thread join it.
#include <functional>
#include <memory>
#include <mutex>

#include "store/sql_connection.hpp"

namespace recall {

class Session {
 public:
  explicit Session(std::unique_ptr<SqlConnection> connection) : db_(std::move(connection)) {}

  // Runs `work` holding the connection: inside this thread's transaction if it has one, otherwise
  // each statement commits on its own.
  template <class Work>
  decltype(auto) with(Work&& work) {
    std::lock_guard lock(mutex_);
    return work(*db_);
  }

  // Commits if `work` returns, rolls back and rethrows if it throws. A nested call joins the outer
  // transaction; if the nested work throws, the whole transaction is rolled back even if the outer
  // work catches the exception (the outer commit then throws Error(conflict)).
  void transaction(const std::function<void(SqlConnection&)>& work);

 private:
  std::recursive_mutex mutex_;
  std::unique_ptr<SqlConnection> db_;
  int depth_ = 0;
  bool rollback_only_ = false;
};

}  // namespace recall
