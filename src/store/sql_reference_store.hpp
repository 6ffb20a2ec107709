#pragma once
// ReferenceStore over either backend: the same $N SQL runs on SQLite and PostgreSQL.
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlReferenceStore final : public ReferenceStore {
 public:
  explicit SqlReferenceStore(Session& session) : session_(session) {}

  bool replace_reference_data(const ReferenceData& data, bool force) override;
  std::optional<ReferenceData> load_reference_data() override;
  std::optional<std::string> loaded_digest() override;

 private:
  Session& session_;
};

// Rejects data the schema could not hold faithfully (duplicate keys, a member with no party, no
// digest) with Error(invalid_input) naming the record and field.
void validate_reference_data(const ReferenceData& data);

}  // namespace recall
