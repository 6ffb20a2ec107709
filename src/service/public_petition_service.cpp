// The public petition service's life and its hot path: start and stop, reading petitions and counts,
// signing and confirming through the intake sequencer.
#include "service/public_petition_service.hpp"

#include <future>
#include <utility>

#include "core/base/error.hpp"
#include "service/public_intake.hpp"
#include "service/public_petition_checks.hpp"
#include "service/public_tokens.hpp"

namespace recall {

namespace pp = public_petition;

std::string_view to_string(SignOutcome outcome) {
  switch (outcome) {
    case SignOutcome::pending:
      return "pending";
    case SignOutcome::closed:
      return "closed";
    case SignOutcome::not_found:
      return "not-found";
    case SignOutcome::unavailable:
      return "unavailable";
  }
  return "unavailable";
}

std::string_view to_string(ConfirmOutcome outcome) {
  switch (outcome) {
    case ConfirmOutcome::confirmed:
      return "confirmed";
    case ConfirmOutcome::unknown:
      return "unknown";
    case ConfirmOutcome::unavailable:
      return "unavailable";
  }
  return "unavailable";
}

PublicPetitionService::PublicPetitionService(Store& store, Store& intake_store, const Parliament& parliament,
                                             Clock clock, PublicPetitionConfig config, Store* signing_store)
    : store_(store), parliament_(parliament), clock_(std::move(clock)), config_(std::move(config)) {
  pp::check_rules(config_.rules);
  pp::check_limits(config_.rate_limits);
  if (config_.anonymise_after_months < 1) {
    throw Error(ErrorKind::invalid_input, "personal data is kept at least one month after close",
                SourceLocation{"", 0, 0, "anonymise_after_months"});
  }
  intake_ = std::make_unique<PublicIntake>(intake_store, parliament_, clock_, config_, signing_store);
}

PublicPetitionService::~PublicPetitionService() { stop(); }

void PublicPetitionService::start() {
  // Before memory is loaded, so a petition that closed while the server was down loads as closed.
  store_.public_petitions().close_due_petitions(clock_());
  intake_->start();
}

void PublicPetitionService::stop() {
  if (intake_) intake_->stop();
}

std::optional<PublicPetitionRecord> PublicPetitionService::find(std::int64_t id) {
  return store_.public_petitions().find_petition(id);
}

std::vector<PublicPetitionRecord> PublicPetitionService::list(pp::PublicPetitionState state,
                                                              const PetitionPage& page) {
  return store_.public_petitions().list_petitions(state, page);
}

void PublicPetitionService::sign(SignRequest request, std::function<void(SignOutcome)> done) {
  public_checks::CheckedSigner signer = public_checks::check_signer(request.form);
  IntakeSignature signature;
  signature.petition_id = request.petition_id;
  signature.name = std::move(signer.name);
  signature.email = std::move(signer.email);
  signature.postcode = std::move(signer.postcode);
  signature.ip = request.ip;
  signature.uk_resident = request.form.uk_resident;
  // A wrong sponsor link is an ordinary signature: refused while the petition waits for sponsors.
  signature.sponsor =
      !request.sponsor_token.empty() && find_by_sponsor_token(request.petition_id, request.sponsor_token).has_value();
  intake_->sign(std::move(signature), std::move(done));
}

void PublicPetitionService::confirm(std::string token, std::function<void(ConfirmResult)> done) {
  // Junk names no signature (ids start at 1) and goes the same way, so every answer takes a batch.
  intake_->confirm(read_confirm_link_token(token).value_or(ConfirmToken{}), std::move(done));
}

SignOutcome PublicPetitionService::sign_and_wait(SignRequest request) {
  auto answer = std::make_shared<std::promise<SignOutcome>>();
  std::future<SignOutcome> outcome = answer->get_future();
  sign(std::move(request), [answer](SignOutcome result) { answer->set_value(result); });
  return outcome.get();
}

ConfirmResult PublicPetitionService::confirm_and_wait(std::string token) {
  auto answer = std::make_shared<std::promise<ConfirmResult>>();
  std::future<ConfirmResult> result = answer->get_future();
  confirm(std::move(token), [answer](ConfirmResult outcome) { answer->set_value(outcome); });
  return result.get();
}

std::optional<PetitionCounts> PublicPetitionService::counts(std::int64_t petition_id) {
  return intake_->counts(petition_id);
}

std::optional<CountsStamp> PublicPetitionService::counts_stamp(std::int64_t petition_id) {
  return intake_->counts_stamp(petition_id);
}

const std::string& PublicPetitionService::change_origin() const { return intake_->origin(); }

std::pair<std::uint64_t, std::uint64_t> PublicPetitionService::batches_committed() const {
  return intake_->batches_committed();
}

}  // namespace recall
