#pragma once
// OutboxStore over either backend.
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlOutboxStore final : public OutboxStore {
 public:
  explicit SqlOutboxStore(Session& session) : session_(session) {}

  std::int64_t enqueue(const OutboxMessage& message) override;
  void enqueue_batch(std::span<const OutboxMessage> messages) override;
  std::vector<OutboxMessage> due(std::int64_t now, int limit) override;
  void mark_sent(std::int64_t id, const std::string& sent_at) override;
  void mark_failed(std::int64_t id, const std::string& error, std::int64_t next_attempt_at) override;
  std::vector<OutboxMessage> list_outbox() override;

 private:
  Session& session_;
};

}  // namespace recall
