#pragma once
// PostcodeStore over either backend.
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlPostcodeStore final : public PostcodeStore {
 public:
  explicit SqlPostcodeStore(Session& session) : session_(session) {}

  std::optional<std::string> find_postcode(const std::string& normalised) override;
  std::unordered_map<std::string, std::string> find_postcodes(std::span<const std::string> normalised) override;
  void upsert_postcodes(const std::vector<PostcodeRow>& rows) override;
  std::int64_t count_postcodes() override;

 private:
  Session& session_;
};

}  // namespace recall
