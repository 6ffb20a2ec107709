// Creating a public petition (with its creator's pending signature) and finding it by its sponsor link.
#include <span>

#include "core/auth/token.hpp"
#include "core/public_petition/petition_target.hpp"
#include "core/public_petition/petition_text.hpp"
#include "service/email_public_petition.hpp"
#include "service/public_intake.hpp"
#include "service/public_petition_checks.hpp"
#include "service/public_petition_service.hpp"
#include "service/public_tokens.hpp"

namespace recall {

namespace pp = public_petition;

CreatedPetition PublicPetitionService::create(const NewPetitionForm& form, const pp::IpAddress& ip) {
  const pp::PetitionText text = pp::validate_petition_text({form.action, form.background, form.details});
  const pp::PetitionTarget target = pp::resolve_petition_target(form.member_id, form.ons_code, parliament_);
  const public_checks::CheckedSigner creator = public_checks::check_signer(form.creator);
  const std::optional<std::string> ons_code = store_.postcodes().find_postcode(creator.postcode);
  const IssuedToken sponsor_token = issue_link_token();
  const ConfirmSecret confirm_secret = issue_confirm_secret();

  CreatedPetition created;
  created.sponsor_token = sponsor_token.token;
  // On the writer: the creator's fingerprint and screening are its, and the petition enters memory
  // in the same step that stores it.
  intake_->run([&](Store& store) {
    const std::int64_t now = clock_();
    pp::PublicPetition petition = pp::create_public_petition(text, target, config_.rules, now);
    auto& petitions = store.public_petitions();
    petition.id = petitions.create_petition(petition, sponsor_token.hash);
    const NewPublicSignature signature{petition.id,      creator.name, creator.email,  creator.postcode,
                                       ons_code,         ip,           true,           false,
                                       intake_->screen(ip, creator.email), confirm_secret.hash, now};
    const std::int64_t signature_id = *petitions.add_signatures(std::span(&signature, 1)).at(0).id;
    petitions.set_creator_signature(petition.id, signature_id);
    const OutboxMessage email = public_confirmation_email(
        {petition.id, petition.text.action, creator.email.address, confirm_link_token(signature_id, confirm_secret),
         ConfirmationKind::creator,
         config_.site_url, sponsor_token.token},
        now);
    store.outbox().enqueue_batch(std::span(&email, 1));
    created.id = petition.id;
    IntakeEffects effects;
    effects.fingerprints.emplace_back(petition.id, creator.email.canonical);
    effects.petitions.push_back(std::move(petition));
    return effects;
  });
  return created;
}

std::optional<PublicPetitionRecord> PublicPetitionService::find_by_sponsor_token(std::int64_t id,
                                                                                const std::string& token) {
  if (!looks_like_token(token)) return std::nullopt;
  auto record = store_.public_petitions().find_petition_by_sponsor_token(hash_link_token(token));
  if (!record || record->petition.id != id) return std::nullopt;
  return record;
}

}  // namespace recall
