#pragma once
// The databases the contract suite runs every test against: a SQLite file, SQLite :memory:, and a
// fresh schema in the PostgreSQL named by RECALL_TEST_POSTGRES_URL.
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "store/store.hpp"

namespace recall::contract {

enum class Backend { sqlite_file, sqlite_memory, postgresql };
std::string backend_name(Backend backend);
inline void PrintTo(Backend backend, std::ostream* out) { *out << backend_name(backend); }  // for gtest messages

class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  [[nodiscard]] virtual std::string url() const = 0;
  // :memory: is private to its connection, so it can be neither reopened nor inspected from outside.
  [[nodiscard]] virtual bool shared() const = 0;
  // Bypasses the store, on a connection of its own: for inspecting and tampering.
  virtual void execute_raw(const std::string& sql) = 0;
  virtual std::optional<std::string> scalar_raw(const std::string& sql) = 0;  // first column of first row
};

// Returns nullptr, with `why` filled in, when the backend is not configured (PostgreSQL without
// RECALL_TEST_POSTGRES_URL).
std::unique_ptr<TestDatabase> make_test_database(Backend backend, std::string& why);

}  // namespace recall::contract
