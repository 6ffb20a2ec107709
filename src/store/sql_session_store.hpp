#pragma once
// SessionStore over either backend.
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlSessionStore final : public SessionStore {
 public:
  explicit SqlSessionStore(Session& session) : session_(session) {}

  void create_session(const SessionRecord& session) override;
  std::optional<SessionRecord> find_session(const std::string& token_hash) override;
  void touch_session(const std::string& token_hash, std::int64_t last_seen_at) override;
  bool revoke_session(const std::string& token_hash) override;
  std::int64_t revoke_user_sessions(std::int64_t user_id) override;
  std::int64_t delete_expired_sessions(std::int64_t now, std::int64_t idle_seconds) override;

 private:
  Session& session_;
};

}  // namespace recall
