#pragma once
// PetitionStore over either backend. The methods are spread over sql_petition_store.cpp (the petition
// and its by-election), sql_signing_place_store.cpp (places and allocation) and
// sql_signature_store.cpp (postal issues, signing sheets and double-signing attempts).
#include "store/session.hpp"
#include "store/store.hpp"

namespace recall {

class SqlPetitionStore final : public PetitionStore {
 public:
  explicit SqlPetitionStore(Session& session) : session_(session) {}

  std::int64_t create_petition(const Petition& petition) override;
  std::optional<Petition> find_petition(std::int64_t id) override;
  std::vector<Petition> list_petitions() override;
  void set_termination(std::int64_t id, const Termination& termination) override;
  void set_count(std::int64_t id, const Declaration& count, const std::string& counted_at) override;
  void set_speaker_notified(std::int64_t id, const std::string& at) override;
  void set_declared(std::int64_t id, const std::string& at) override;

  std::int64_t add_place(const SigningPlace& place) override;
  void update_place(const SigningPlace& place) override;
  std::vector<SigningPlace> list_places(std::int64_t petition_id) override;
  void set_allocation(std::int64_t petition_id, const Allocation& allocation) override;
  Allocation load_allocation(std::int64_t petition_id) override;

  std::int64_t add_postal_issue(const PostalIssue& issue) override;
  std::vector<PostalIssue> list_postal_issues(std::int64_t petition_id) override;
  std::optional<PostalIssue> find_postal_issue(std::int64_t petition_id,
                                               const std::string& elector_number) override;

  std::int64_t add_signature(const SignatureSheet& sheet) override;
  std::optional<SignatureSheet> find_signature(std::int64_t petition_id,
                                               const std::string& elector_number) override;
  std::vector<SignatureSheet> list_signatures(std::int64_t petition_id) override;
  std::int64_t add_double_signing_attempt(const DoubleSigningAttempt& attempt) override;
  void add_double_signing_attempt_if_signed(const DoubleSigningAttempt& attempt) override;
  std::vector<DoubleSigningAttempt> list_double_signing_attempts(std::int64_t petition_id) override;

  std::int64_t add_by_election(const ByElection& by_election) override;
  std::vector<ByElection> list_by_elections() override;

 private:
  Session& session_;
};

}  // namespace recall
