#pragma once
// UserStore over either backend.
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlUserStore final : public UserStore {
 public:
  explicit SqlUserStore(Session& session) : session_(session) {}

  std::int64_t add_user(const UserRecord& user) override;
  std::optional<UserRecord> find_user(std::int64_t id) override;
  std::optional<UserRecord> find_user_by_email(const std::string& email) override;
  std::vector<UserRecord> list_users() override;
  void set_password_hash(std::int64_t id, const std::string& password_hash) override;
  void set_disabled(std::int64_t id, bool disabled) override;

 private:
  Session& session_;
};

}  // namespace recall
