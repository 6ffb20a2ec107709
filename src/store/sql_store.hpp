#pragma once
// A Store over one SqlConnection: migrates at construction, then serves every aggregate.
#include <memory>

#include "store/migration.hpp"
#include "store/session.hpp"
#include "store/sql_audit_store.hpp"
#include "store/sql_ledger_store.hpp"
#include "store/sql_one_time_code_store.hpp"
#include "store/sql_outbox_store.hpp"
#include "store/sql_petition_store.hpp"
#include "store/sql_postcode_store.hpp"
#include "store/sql_public_petition_store.hpp"
#include "store/sql_reference_store.hpp"
#include "store/sql_register_store.hpp"
#include "store/sql_session_store.hpp"
#include "store/sql_user_store.hpp"
#include "store/store.hpp"

namespace recall {

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<SqlConnection> connection, std::span<const Migration> migrations);

  std::string backend() const override { return backend_; }
  int schema_version() override;
  ReferenceStore& reference() override { return reference_; }
  PostcodeStore& postcodes() override { return postcodes_; }
  UserStore& users() override { return users_; }
  SessionStore& sessions() override { return sessions_; }
  AuditStore& audit() override { return audit_; }
  RegisterStore& registers() override { return registers_; }
  PetitionStore& petitions() override { return petitions_; }
  OutboxStore& outbox() override { return outbox_; }
  OneTimeCodeStore& one_time_codes() override { return one_time_codes_; }
  LedgerStore& ledgers() override { return ledgers_; }
  PublicPetitionStore& public_petitions() override { return public_petitions_; }
  void transaction(const std::function<void()>& work) override;

 private:
  std::string backend_;
  Session session_;
  SqlReferenceStore reference_;
  SqlPostcodeStore postcodes_;
  SqlUserStore users_;
  SqlSessionStore sessions_;
  SqlAuditStore audit_;
  SqlRegisterStore registers_;
  SqlPetitionStore petitions_;
  SqlOutboxStore outbox_;
  SqlOneTimeCodeStore one_time_codes_;
  SqlLedgerStore ledgers_;
  SqlPublicPetitionStore public_petitions_;
};

}  // namespace recall
