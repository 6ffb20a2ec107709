// Moderators' steps on public petitions: each checks the moderate_public_petitions permission, runs
// on the intake's writer as one transaction with its audit entry, and moves counts after COMMIT.
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "service/petition_steps.hpp"
#include "service/public_intake.hpp"
#include "service/public_petition_checks.hpp"
#include "service/public_petition_service.hpp"

namespace recall {

namespace pp = public_petition;
using public_checks::require_moderator;
using public_checks::target_of;

namespace {

PublicPetitionRecord load(Store& store, std::int64_t id) {
  auto record = store.public_petitions().find_petition(id);
  if (!record) throw_not_found(fmt::format("no public petition {}", id));
  return std::move(*record);
}

nlohmann::json criteria_json(const pp::InvalidationForm& form) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"ip", &form.ip},
                                   {"domain", &form.domain},
                                   {"postcode", &form.postcode},
                                   {"from", &form.from},
                                   {"to", &form.to}}) {
    if (!value->empty()) out[key] = *value;
  }
  return out;
}

}  // namespace

std::vector<PublicPetitionRecord> PublicPetitionService::moderation_queue(const Actor& actor, int limit) {
  require_moderator(actor);
  return store_.public_petitions().moderation_queue(limit);
}

void PublicPetitionService::publish(std::int64_t id, const Actor& actor) {
  decide(id, actor, "public-petition.publish", [&](pp::PublicPetition& petition, std::int64_t now) {
    pp::publish(petition, config_.rules, now);
    return nlohmann::json{{"closes_at", format_utc_timestamp(*petition.closes_at)}};
  });
}

void PublicPetitionService::reject(std::int64_t id, pp::ModerationReason reason, const std::string& note,
                                   const Actor& actor) {
  decide(id, actor, "public-petition.reject", [&](pp::PublicPetition& petition, std::int64_t now) {
    pp::reject(petition, reason, note, now);  // hides instead when the reason means the text must go
    return nlohmann::json{{"reason", pp::to_string(reason)}, {"state", pp::to_string(petition.state)},
                          {"note", petition.moderation ? petition.moderation->note : ""}};
  });
}

void PublicPetitionService::hide(std::int64_t id, pp::ModerationReason reason, const std::string& note,
                                 const Actor& actor) {
  decide(id, actor, "public-petition.hide", [&](pp::PublicPetition& petition, std::int64_t now) {
    const pp::PublicPetitionState was = petition.state;
    pp::hide(petition, reason, note, now);
    return nlohmann::json{{"reason", pp::to_string(reason)}, {"was", pp::to_string(was)},
                          {"note", petition.moderation ? petition.moderation->note : ""}};
  });
}

void PublicPetitionService::decide(std::int64_t id, const Actor& actor, std::string_view action,
                                   const Decision& decision) {
  require_moderator(actor);
  intake_->run([&](Store& store) {
    const std::int64_t now = clock_();
    pp::PublicPetition petition = load(store, id).petition;
    const pp::PublicPetitionState was = petition.state;
    const nlohmann::json detail = decision(petition, now);
    store.public_petitions().save_state(petition, was, actor.user_id);  // compare-and-set on `was`
    petition_steps::audit(store, actor, now, std::string(action), target_of(id), detail);
    IntakeEffects effects;
    effects.petitions.push_back(std::move(petition));
    return effects;
  });
}

InvalidationResult PublicPetitionService::invalidate(std::int64_t id, const pp::InvalidationForm& form,
                                                     const Actor& actor) {
  require_moderator(actor);
  const pp::InvalidationCriteria criteria = pp::parse_invalidation_criteria(form);
  InvalidationResult result;
  intake_->run([&](Store& store) {
    const std::int64_t now = clock_();
    load(store, id);
    result = store.public_petitions().invalidate(id, criteria, now, actor.user_id);
    petition_steps::audit(store, actor, now, "public-petition.invalidate", target_of(id),
                          {{"invalidation_id", result.invalidation_id},
                           {"matched", result.matched},
                           {"uncounted", result.changes.size()},
                           {"criteria", criteria_json(form)}});
    IntakeEffects effects;
    for (const pp::CountChange& change : result.changes) effects.count_changes.emplace_back(id, change);
    return effects;
  });
  return result;
}

std::int64_t PublicPetitionService::clear_suspects(std::int64_t id, const std::vector<std::int64_t>& signature_ids,
                                                   const Actor& actor) {
  require_moderator(actor);
  std::int64_t now_counting = 0;
  intake_->run([&](Store& store) {
    const std::int64_t now = clock_();
    load(store, id);
    auto& petitions = store.public_petitions();
    const std::vector<pp::CountChange> changes =
        signature_ids.empty() ? petitions.clear_all_suspects(id) : petitions.clear_suspects(id, signature_ids);
    now_counting = static_cast<std::int64_t>(changes.size());
    nlohmann::json detail{{"now_counting", now_counting}};
    if (signature_ids.empty()) {
      detail["all"] = true;
    } else {
      detail["signature_ids"] = signature_ids;
    }
    petition_steps::audit(store, actor, now, "public-petition.clear-suspects", target_of(id), detail);
    IntakeEffects effects;
    for (const pp::CountChange& change : changes) effects.count_changes.emplace_back(id, change);
    return effects;
  });
  return now_counting;
}

std::int64_t PublicPetitionService::add_block(pp::BlockKind kind, const std::string& value, const std::string& note,
                                              const Actor& actor) {
  require_moderator(actor);
  const std::string cleaned_note = pp::clean_text_field(note, "note", false);
  std::int64_t block_id = 0;
  intake_->run([&](Store& store) {
    const std::int64_t now = clock_();
    auto& petitions = store.public_petitions();
    block_id = petitions.add_block(PublicBlock{0, kind, value, now, actor.user_id, cleaned_note});
    IntakeEffects effects;
    effects.blocks = petitions.list_blocks();
    std::string stored = value;
    for (const PublicBlock& block : *effects.blocks) {
      if (block.id == block_id) stored = block.value;
    }
    petition_steps::audit(store, actor, now, "public-petition.block.add", fmt::format("public-block/{}", block_id),
                          {{"kind", pp::to_string(kind)}, {"value", stored}, {"note", cleaned_note}});
    return effects;
  });
  return block_id;
}

BlockImport PublicPetitionService::import_blocks(const std::vector<pp::BlockEntry>& entries, const std::string& note,
                                                 const std::string& file, const Actor& actor) {
  require_moderator(actor);
  const std::string cleaned_note = pp::clean_text_field(note, "note", false);
  BlockImport result;
  intake_->run([&](Store& store) {
    result = {};
    const std::int64_t now = clock_();
    auto& petitions = store.public_petitions();
    std::set<std::pair<pp::BlockKind, std::string>> present;
    for (const PublicBlock& block : petitions.list_blocks()) present.emplace(block.kind, block.value);
    for (const pp::BlockEntry& entry : entries) {
      if (!present.emplace(entry.kind, entry.value).second) {
        ++result.already_blocked;
        continue;
      }
      std::int64_t id = 0;
      try {
        id = petitions.add_block(PublicBlock{0, entry.kind, entry.value, now, actor.user_id, cleaned_note});
      } catch (const Error& error) {  // the file's line, for a value the store still refuses
        throw Error(error.kind(), error.message(),
                    SourceLocation{file, entry.line, 0, std::string(pp::to_string(entry.kind))});
      }
      petition_steps::audit(store, actor, now, "public-petition.block.add", fmt::format("public-block/{}", id),
                            {{"kind", pp::to_string(entry.kind)}, {"value", entry.value}, {"note", cleaned_note},
                             {"file", file}, {"line", entry.line}});
      ++result.added;
    }
    IntakeEffects effects;
    if (result.added > 0) effects.blocks = petitions.list_blocks();  // memory, and the change log for others
    return effects;
  });
  return result;
}

bool PublicPetitionService::remove_block(std::int64_t block_id, const Actor& actor) {
  require_moderator(actor);
  bool removed = false;
  intake_->run([&](Store& store) {
    const std::int64_t now = clock_();
    auto& petitions = store.public_petitions();
    IntakeEffects effects;
    removed = petitions.remove_block(block_id);
    if (!removed) return effects;
    effects.blocks = petitions.list_blocks();
    petition_steps::audit(store, actor, now, "public-petition.block.remove", fmt::format("public-block/{}", block_id),
                          nlohmann::json::object());
    return effects;
  });
  return removed;
}

std::vector<PublicBlock> PublicPetitionService::blocks(const Actor& actor) {
  require_moderator(actor);
  return store_.public_petitions().list_blocks();
}

std::vector<InvalidationRecord> PublicPetitionService::invalidations(std::int64_t id, const Actor& actor) {
  require_moderator(actor);
  return store_.public_petitions().list_invalidations(id);
}

}  // namespace recall
