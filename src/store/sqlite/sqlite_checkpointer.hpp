#pragma once
// Copies a busy SQLite database's write-ahead log back into the database file on a thread of its own,
// so the connection that writes does not stop to do it.
//
// SQLite's automatic checkpoint runs inside the COMMIT that takes the log past 1,000 pages: that
// transaction's writer then reads the log, writes the database file and waits for two fsyncs. Under a
// surge of signatures that was one stall every few dozen batches, on the one thread every signature
// waits for. Here the writing connection's commit hook only wakes this thread, which checkpoints
// PASSIVE (never blocking the writer) on a connection of its own. While writing goes on the log cannot
// start again from the top (its newest pages are not copied yet), so past a hard limit the writer
// checkpoints itself as before, copying only what this thread has not.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace recall {

class SqliteCheckpointer {
 public:
  // Log pages not yet copied that wake the thread, and log pages past which the writer checkpoints
  // itself.
  static constexpr int wake_at_pages = 1'000;
  static constexpr int writer_checkpoints_at_pages = 8'000;

  explicit SqliteCheckpointer(std::string path);
  ~SqliteCheckpointer();  // finishes a checkpoint in progress, then stops the thread
  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // Installs the commit hook on `db` (a connection to `path` in WAL mode) in place of SQLite's
  // automatic checkpoint. The checkpointer must outlive the connection's use.
  void watch(sqlite3* db);

  // How many checkpoints the thread has run (for tests).
  [[nodiscard]] long checkpoints_run() const;

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int pages);
  void request(int pages);  // wakes the thread when `pages` holds enough not yet copied
  void run();

  std::string path_;
  mutable std::mutex mutex_;
  std::condition_variable wanted_;
  bool requested_ = false;
  bool stopping_ = false;
  int copied_ = 0;  // log pages the last checkpoint had copied
  long runs_ = 0;
  std::thread thread_;  // started at the first request: most connections never need one
};

}  // namespace recall
