#pragma once
// RegisterStore over either backend.
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlRegisterStore final : public RegisterStore {
 public:
  explicit SqlRegisterStore(Session& session) : session_(session) {}

  std::int64_t import_register(const std::string& ons_code, const std::string& source, std::int64_t imported_at,
                               const std::function<bool(RegisterEntry&)>& next) override;
  std::optional<RegisterInfo> latest_register(const std::string& ons_code) override;
  std::vector<RegisterEntry> load_register(std::int64_t register_id) override;

 private:
  Session& session_;
};

}  // namespace recall
