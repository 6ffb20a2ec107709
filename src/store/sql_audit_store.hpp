#pragma once
// AuditStore over either backend. Append and read only: this class has no UPDATE or DELETE, and the
// migration's triggers refuse them from anyone else.
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlAuditStore final : public AuditStore {
 public:
  explicit SqlAuditStore(Session& session) : session_(session) {}

  std::int64_t append(const AuditEntry& entry) override;
  std::vector<AuditEntry> read_audit(std::int64_t after_id, std::int64_t limit) override;
  std::vector<AuditEntry> export_audit() override;

 private:
  Session& session_;
};

}  // namespace recall
