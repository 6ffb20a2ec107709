#pragma once
// PublicPetitionStore over either backend. The methods are spread over sql_public_petition_store.cpp
// (petitions and thresholds), sql_public_signature_insert.cpp (signatures going in, with their
// links), sql_public_signature_store.cpp (confirmation, look-ups and counts),
// sql_public_moderation_store.cpp (suspects, bulk invalidation, block list, anonymisation) and
// sql_public_confirmation_mail.cpp (confirmation emails queued by signing batches).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "store/binary_columns.hpp"
#include "store/public_petition_store.hpp"
#include "store/session.hpp"

namespace recall {

class SqlPublicPetitionStore final : public PublicPetitionStore {
 public:
  SqlPublicPetitionStore(Session& session, const std::string& backend)
      : session_(session), binary_(backend) {}

  std::int64_t create_petition(const public_petition::PublicPetition& petition,
                               const TokenHash& sponsor_token_hash) override;
  std::optional<PublicPetitionRecord> find_petition(std::int64_t id) override;
  std::optional<PublicPetitionRecord> find_petition_by_sponsor_token(
      const TokenHash& sponsor_token_hash) override;
  std::vector<PublicPetitionRecord> list_petitions(public_petition::PublicPetitionState state,
                                                   const PetitionPage& page) override;
  std::vector<PublicPetitionRecord> moderation_queue(int limit) override;
  void save_state(const public_petition::PublicPetition& petition,
                  public_petition::PublicPetitionState expected,
                  std::optional<std::int64_t> moderated_by) override;
  int add_sponsor(std::int64_t petition_id) override;
  void set_creator_signature(std::int64_t petition_id, std::int64_t signature_id) override;
  std::int64_t mark_threshold_reached(std::int64_t petition_id, std::int64_t signatures,
                                      std::int64_t at) override;
  std::vector<std::int64_t> close_due_petitions(std::int64_t now) override;

  std::vector<SignatureInsert> add_signatures(std::span<const NewPublicSignature> signatures) override;
  std::vector<SignatureInsert> add_signatures_and_links(std::span<const NewPublicSignature> signatures,
                                                        std::span<const ConfirmLinkSecret> secrets,
                                                        std::int64_t queued_at) override;
  std::vector<std::optional<ConfirmedSignature>> confirm_signatures(std::span<const ConfirmToken> tokens,
                                                                    std::int64_t at) override;
  std::optional<PublicSignatureRecord> find_signature(std::int64_t id) override;
  std::optional<PublicSignatureRecord> find_signature_by_email(std::int64_t petition_id,
                                                               const std::string& canonical_email) override;
  std::vector<SignatureEmail> canonical_emails(std::int64_t petition_id, std::int64_t after_id,
                                               int limit) override;
  std::int64_t count_signatures(std::int64_t petition_id) override;
  std::vector<PublicSignatureRecord> list_signatures(std::int64_t petition_id, std::int64_t after_id,
                                                     int limit) override;
  bool replace_confirm_token(std::int64_t signature_id, const TokenHash& confirm_token_hash) override;
  std::vector<public_petition::ConstituencyCount> count_by_constituency(std::int64_t petition_id) override;

  std::vector<public_petition::CountChange> clear_suspects(std::int64_t petition_id,
                                                           std::span<const std::int64_t> ids) override;
  std::vector<public_petition::CountChange> clear_all_suspects(std::int64_t petition_id) override;
  InvalidationResult invalidate(std::int64_t petition_id,
                                const public_petition::InvalidationCriteria& criteria, std::int64_t at,
                                std::optional<std::int64_t> by) override;
  std::vector<InvalidationRecord> list_invalidations(std::int64_t petition_id) override;
  std::int64_t add_block(const PublicBlock& block) override;
  bool remove_block(std::int64_t id) override;
  std::vector<PublicBlock> list_blocks() override;
  void queue_confirmations(std::span<const QueuedConfirmation> confirmations, std::int64_t at) override;
  std::vector<ConfirmationToWrite> take_queued_confirmations(int max_rows) override;
  std::int64_t queued_confirmation_rows() override;
  AnonymisationResult anonymise_closed_before(std::int64_t cutoff, std::int64_t now) override;
  void hold_change_log() override;
  void record_changes(const std::string& origin, std::span<const std::int64_t> petition_ids, bool blocks,
                      std::int64_t at) override;
  std::vector<PublicChange> changes_after(std::int64_t after, int limit) override;
  std::int64_t last_change() override;

 private:
  // add_signatures with links queued (queued_at set) or without.
  std::vector<SignatureInsert> insert_signatures(std::span<const NewPublicSignature> signatures,
                                                 std::span<const ConfirmLinkSecret> secrets,
                                                 std::optional<std::int64_t> queued_at);
  void insert_on_sqlite(SqlConnection& db, std::span<const NewPublicSignature> signatures,
                        std::span<const ConfirmLinkSecret> secrets, std::optional<std::int64_t> queued_at,
                        std::map<std::pair<std::int64_t, std::string>, std::int64_t>& inserted);
  void insert_on_postgres(SqlConnection& db, std::span<const NewPublicSignature> signatures,
                          std::span<const ConfirmLinkSecret> secrets, std::optional<std::int64_t> queued_at,
                          std::map<std::pair<std::int64_t, std::string>, std::int64_t>& inserted);

  Session& session_;
  BinaryColumns binary_;
};

}  // namespace recall
