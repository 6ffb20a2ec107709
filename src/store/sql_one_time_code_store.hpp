#pragma once
// OneTimeCodeStore over either backend.
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlOneTimeCodeStore final : public OneTimeCodeStore {
 public:
  explicit SqlOneTimeCodeStore(Session& session) : session_(session) {}

  void put_code(const OneTimeCode& code) override;
  std::optional<OneTimeCode> find_code(std::int64_t petition_id, const std::string& elector_number) override;
  // Error(not_found) when there is no code: the caller found one first, so none is a race lost.
  void record_failed_attempt(std::int64_t petition_id, const std::string& elector_number) override;
  // Removing a code that is already gone does nothing: a used code may be deleted twice.
  void delete_code(std::int64_t petition_id, const std::string& elector_number) override;

 private:
  Session& session_;
};

}  // namespace recall
