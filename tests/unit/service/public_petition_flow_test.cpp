// The public petition service end to end on a real database (SQLite file and PostgreSQL): creating,
// sponsoring to moderation, publishing, signing and confirming, duplicates, suspects, the block list,
// bulk invalidation, thresholds, recount and repair, closing and anonymisation, and permissions.
#include <fmt/format.h>

#include "unit/service/public_world.hpp"

namespace recall::testing {

namespace {

namespace pp = public_petition;

TEST_P(PublicWorld, CreatingSponsoringAndPublishingOpensThePetitionWithItsSupporters) {
  NewPetitionForm form;
  form.action = "Call a by-election in Peterborough";
  form.background = "Our MP was convicted and has not resigned.";
  form.creator = signer("creator@example.com");
  const CreatedPetition created = service_->create(form, address(1));
  ASSERT_GT(created.id, 0);
  EXPECT_EQ(service_->find(created.id)->petition.state, pp::PublicPetitionState::collecting_sponsors);
  EXPECT_FALSE(service_->counts(created.id)) << "no counts before the petition is public";
  const OutboxMessage creator_email = outbox().back();
  EXPECT_EQ(creator_email.subject, "Please confirm your signature");
  EXPECT_EQ(creator_email.public_petition_id, created.id);
  EXPECT_NE(creator_email.body.find("You created the petition \"Call a by-election in Peterborough\""),
            std::string::npos);
  EXPECT_NE(creator_email.body.find(fmt::format("http://recall.test/public/petitions/{}/sponsor/{}", created.id,
                                                created.sponsor_token)),
            std::string::npos);
  const ConfirmResult creator_confirmed = confirm_latest("creator@example.com");
  EXPECT_EQ(creator_confirmed.outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(creator_confirmed.petition_id, created.id);
  EXPECT_EQ(confirm_latest("creator@example.com").outcome, ConfirmOutcome::unknown) << "a link confirms once";

  EXPECT_EQ(sign(created.id, "someone@example.com", address(5)), SignOutcome::closed)
      << "without the sponsor link a petition collecting sponsors takes no signatures";
  EXPECT_EQ(sign(created.id, "someone@example.com", address(5), "not-the-token"), SignOutcome::closed);
  EXPECT_EQ(sign(created.id, "sponsor1@example.com", address(11), created.sponsor_token), SignOutcome::pending);
  EXPECT_NE(outbox().back().body.find("You agreed to sponsor"), std::string::npos);
  EXPECT_EQ(service_->find(created.id)->petition.sponsor_count, 0) << "a sponsor counts once confirmed";
  EXPECT_EQ(confirm_latest("sponsor1@example.com").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(service_->find(created.id)->petition.sponsor_count, 1);
  EXPECT_EQ(sign(created.id, "sponsor2@example.com", address(12), created.sponsor_token), SignOutcome::pending);
  now_ += 3600;
  EXPECT_EQ(confirm_latest("sponsor2@example.com").outcome, ConfirmOutcome::confirmed);
  const PublicPetitionRecord sponsored = *service_->find(created.id);
  EXPECT_EQ(sponsored.petition.state, pp::PublicPetitionState::sponsored);
  EXPECT_EQ(sponsored.petition.sponsored_at, now_.load());
  ASSERT_EQ(service_->moderation_queue(moderator_actor()).size(), 1u);

  service_->publish(created.id, moderator_actor());
  EXPECT_EQ(service_->find(created.id)->petition.state, pp::PublicPetitionState::open);
  EXPECT_EQ(total(created.id), 3) << "the creator and both sponsors";
  const auto audit = check_store_->audit().export_audit();
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.back().action, "public-petition.publish");
  EXPECT_EQ(audit.back().target, fmt::format("public-petition/{}", created.id));
  EXPECT_EQ(audit.back().role, "moderator");
}

TEST_P(PublicWorld, SigningAndConfirmingMovesTheCountsByConstituencyAndNation) {
  const std::int64_t petition = open_petition();
  const std::uint64_t generation = service_->counts(petition)->generation;
  EXPECT_EQ(sign(petition, "alice@example.com", address(30)), SignOutcome::pending);
  EXPECT_EQ(sign(petition, "bob@example.com", address(31), "", unknown_postcode), SignOutcome::pending);
  EXPECT_EQ(total(petition), 3) << "pending signatures do not count";
  now_ += 10;
  EXPECT_EQ(confirm_latest("alice@example.com").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(confirm_latest("bob@example.com").outcome, ConfirmOutcome::confirmed);
  const PetitionCounts counts = *service_->counts(petition);
  EXPECT_EQ(counts.snapshot.total, 5);
  EXPECT_EQ(counts.snapshot.unallocated, 1);
  EXPECT_EQ(counts.snapshot.nation(Nation::england), 4);
  EXPECT_EQ(counts.updated_at, now_.load());
  EXPECT_EQ(counts.generation, generation);
  EXPECT_EQ(memory_counts(petition), check_store_->public_petitions().count_by_constituency(petition));
  EXPECT_EQ(service_->confirm_and_wait("no-such-token").outcome, ConfirmOutcome::unknown);
  EXPECT_EQ(sign(petition + 100, "carol@example.com", address(32)), SignOutcome::not_found);
}

TEST_P(PublicWorld, BadInputNamesTheFieldAndNeverReachesTheQueue) {
  const std::int64_t petition = open_petition();
  const auto field_of = [&](SignerForm form) -> std::string {
    try {
      service_->sign_and_wait(SignRequest{petition, std::move(form), address(40), ""});
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
      return error.where() ? error.where()->field : "";
    }
    return "(accepted)";
  };
  EXPECT_EQ(field_of({"", "a@example.com", peterborough_postcode, true}), "name");
  EXPECT_EQ(field_of({"A Person", "not-an-email", peterborough_postcode, true}), "email");
  EXPECT_EQ(field_of({"A Person", "a@example.com", "nowhere", true}), "postcode");
  EXPECT_EQ(field_of({"A Person", "a@example.com", peterborough_postcode, false}), "uk_resident");
}

TEST_P(PublicWorld, OneSignaturePerCanonicalEmailAndTheSameAnswerEitherWay) {
  const std::int64_t petition = open_petition();
  auto& petitions = check_store_->public_petitions();
  const std::int64_t before = petitions.count_signatures(petition);
  EXPECT_EQ(sign(petition, "Jo.Bloggs+petition@GoogleMail.com", address(50)), SignOutcome::pending);
  const std::size_t emails = outbox().size();
  EXPECT_EQ(sign(petition, "jobloggs@gmail.com", address(51)), SignOutcome::pending);
  EXPECT_EQ(sign(petition, "j.o.b.l.o.g.g.s+again@gmail.com", address(52)), SignOutcome::pending);
  EXPECT_EQ(petitions.count_signatures(petition), before + 1);
  EXPECT_EQ(outbox().size(), emails) << "no second email within a minute";
  // A minute later a repeat re-sends the email, with a new link; the old one no longer works.
  const std::string first = *latest_token("Jo.Bloggs+petition@GoogleMail.com");
  now_ += 61;
  EXPECT_EQ(sign(petition, "jobloggs@gmail.com", address(53)), SignOutcome::pending);
  EXPECT_EQ(outbox().size(), emails + 1);
  const std::string second = *latest_token("Jo.Bloggs+petition@GoogleMail.com");
  EXPECT_NE(first, second);
  EXPECT_EQ(service_->confirm_and_wait(first).outcome, ConfirmOutcome::unknown);
  EXPECT_EQ(service_->confirm_and_wait(second).outcome, ConfirmOutcome::confirmed);
  now_ += 120;
  EXPECT_EQ(sign(petition, "jobloggs@gmail.com", address(54)), SignOutcome::pending);
  EXPECT_EQ(outbox().size(), emails + 1) << "confirmed: nothing to re-send";
  EXPECT_EQ(total(petition), 4);
}

TEST_P(PublicWorld, SignaturesOverTheRateLimitAreSuspectUntilCleared) {
  const std::int64_t petition = open_petition();
  const pp::IpAddress shared = address(60);
  for (int i = 0; i < 7; ++i) {
    const std::string email = fmt::format("flood{}@example.com", i);
    EXPECT_EQ(sign(petition, email, shared), SignOutcome::pending);
    EXPECT_EQ(confirm_latest(email).outcome, ConfirmOutcome::confirmed);
  }
  EXPECT_EQ(total(petition), 3 + 5) << "the burst limit is 5 per 10 seconds";
  const auto suspect = check_store_->public_petitions().find_signature_by_email(petition, "flood6@example.com");
  ASSERT_TRUE(suspect);
  EXPECT_EQ(suspect->screening.standing, pp::SignatureStanding::suspect);
  EXPECT_EQ(service_->clear_suspects(petition, {suspect->id}, moderator_actor()), 1);
  EXPECT_EQ(total(petition), 9);
  EXPECT_EQ(service_->clear_suspects(petition, {}, moderator_actor()), 1);
  EXPECT_EQ(total(petition), 10);
  EXPECT_EQ(memory_counts(petition), check_store_->public_petitions().count_by_constituency(petition));
}

TEST_P(PublicWorld, TheBlockListMarksSignersSuspect) {
  const std::int64_t petition = open_petition();
  const std::int64_t block = service_->add_block(pp::BlockKind::domain, "*.spam.example", "a flood", moderator_actor());
  service_->add_block(pp::BlockKind::ip, "203.0.113.0/24", "", moderator_actor());
  EXPECT_EQ(service_->blocks(moderator_actor()).size(), 2u);
  EXPECT_EQ(sign(petition, "a@mail.spam.example", address(70)), SignOutcome::pending);
  EXPECT_EQ(sign(petition, "b@example.com", pp::parse_ip_address("203.0.113.9")), SignOutcome::pending);
  EXPECT_EQ(confirm_latest("a@mail.spam.example").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(confirm_latest("b@example.com").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(total(petition), 3);
  EXPECT_TRUE(service_->remove_block(block, moderator_actor()));
  EXPECT_FALSE(service_->remove_block(block, moderator_actor()));
  EXPECT_EQ(sign(petition, "c@mail.spam.example", address(71)), SignOutcome::pending);
  EXPECT_EQ(confirm_latest("c@mail.spam.example").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(total(petition), 4);
  try {
    service_->add_block(pp::BlockKind::ip, "10.1.0.0/8", "", moderator_actor());
    FAIL() << "a range with host bits was taken";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(error.where()->field, "value");
  }
}

TEST_P(PublicWorld, ABlockFileIsImportedAsOneStepAndWhatIsBlockedAlreadyIsSkipped) {
  const std::int64_t petition = open_petition();
  service_->add_block(pp::BlockKind::ip, "203.0.113.0/24", "", moderator_actor());
  const auto entries = pp::parse_block_entries("ip 203.0.113.0/24\ndomain *.spam.example\nemail Spammer@Example.COM\n",
                                               "flood.txt");
  const std::size_t audited_before = check_store_->audit().export_audit().size();
  const BlockImport imported = service_->import_blocks(entries, "the flood", "flood.txt", moderator_actor());
  EXPECT_EQ(imported.added, 2);
  EXPECT_EQ(imported.already_blocked, 1);
  EXPECT_EQ(service_->blocks(moderator_actor()).size(), 3u);
  const auto audit = check_store_->audit().export_audit();
  ASSERT_EQ(audit.size(), audited_before + 2);
  EXPECT_EQ(audit.back().action, "public-petition.block.add");
  EXPECT_NE(audit.back().detail.find("flood.txt"), std::string::npos) << audit.back().detail;

  // The writer's memory follows at once: both new entries mark signers suspect.
  EXPECT_EQ(sign(petition, "x@mail.spam.example", address(80)), SignOutcome::pending);
  EXPECT_EQ(sign(petition, "spammer@example.com", address(81)), SignOutcome::pending);
  EXPECT_EQ(confirm_latest("x@mail.spam.example").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(confirm_latest("spammer@example.com").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(total(petition), 3);

  const BlockImport again = service_->import_blocks(entries, "the flood", "flood.txt", moderator_actor());
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.already_blocked, 3);
  EXPECT_THROW(service_->import_blocks(entries, "", "flood.txt", Actor{}), Error) << "not a moderator";
}

TEST_P(PublicWorld, BulkInvalidationTakesCountsDownAndTheyStayEqualToTheStore) {
  const std::int64_t petition = open_petition();
  now_ += 100;
  const std::int64_t window_start = now_.load();
  for (int i = 0; i < 4; ++i) {
    const std::string email = fmt::format("net{}@throwaway.example", i);
    sign(petition, email, pp::parse_ip_address(fmt::format("192.0.2.{}", i + 1)));
    confirm_latest(email);
  }
  now_ += 100;
  sign(petition, "elsewhere@example.com", address(80), "", unknown_postcode);
  confirm_latest("elsewhere@example.com");
  EXPECT_EQ(total(petition), 8);
  auto& petitions = check_store_->public_petitions();

  pp::InvalidationForm by_ip;
  by_ip.ip = "192.0.2.0/30";  // .1 to .3
  EXPECT_EQ(service_->invalidate(petition, by_ip, moderator_actor()).matched, 3);
  EXPECT_EQ(total(petition), 5);
  pp::InvalidationForm by_domain;
  by_domain.domain = "throwaway.example";
  EXPECT_EQ(service_->invalidate(petition, by_domain, moderator_actor()).matched, 1);
  EXPECT_EQ(total(petition), 4);
  pp::InvalidationForm by_postcode;
  by_postcode.postcode = "sw1a2aa";
  EXPECT_EQ(service_->invalidate(petition, by_postcode, moderator_actor()).matched, 1);
  EXPECT_EQ(total(petition), 3);
  pp::InvalidationForm by_window;
  by_window.from = format_utc_timestamp(window_start);
  by_window.to = format_utc_timestamp(window_start + 50);
  EXPECT_EQ(service_->invalidate(petition, by_window, moderator_actor()).matched, 0) << "already struck out";
  EXPECT_EQ(memory_counts(petition), petitions.count_by_constituency(petition));
  EXPECT_EQ(service_->invalidations(petition, moderator_actor()).size(), 4u);
  pp::InvalidationForm nothing;
  EXPECT_THROW(service_->invalidate(petition, nothing, moderator_actor()), Error);
}

TEST_P(PublicWorld, ThresholdsRecordWhenTheyWereFirstReached) {
  const std::int64_t petition = open_petition();  // 3 counted: the first threshold (3) when published
  for (int i = 0; i < 2; ++i) {
    now_ += 60;
    const std::string email = fmt::format("t{}@example.com", i);
    sign(petition, email, address(90 + i));
    confirm_latest(email);
  }
  const PublicPetitionRecord record = *check_store_->public_petitions().find_petition(petition);
  ASSERT_EQ(record.petition.thresholds.size(), 2u);
  EXPECT_EQ(record.petition.thresholds[1].signatures, 5);
  EXPECT_EQ(record.petition.thresholds[1].reached_at, now_.load());
}

TEST_P(PublicWorld, RecountFindsARowAddedBehindTheServicesBackAndRepairs) {
  const std::int64_t petition = open_petition();
  const RecountReport clean = service_->recount(petition, false, moderator_actor());
  EXPECT_FALSE(clean.drift);
  EXPECT_EQ(clean.in_memory, clean.grouped);
  database_->execute_raw(fmt::format(
      "INSERT INTO public_signatures (petition_id, name, email, canonical_email, postcode, ons_code, email_domain,"
      " uk_resident, sponsor, state, standing, created_at, confirmed_at) VALUES ({}, 'Behind', 'behind@example.com',"
      " 'behind@example.com', 'PE1 1AA', 'E14000878', 'example.com', 1, 0, 'confirmed', 'counted',"
      " '2019-03-20T10:00:00Z', '2019-03-20T10:00:00Z')",
      petition));
  const RecountReport drifted = service_->recount(petition, false, moderator_actor());
  EXPECT_TRUE(drifted.drift);
  EXPECT_FALSE(drifted.repaired);
  EXPECT_EQ(drifted.grouped, drifted.scanned);
  EXPECT_NE(drifted.in_memory, drifted.grouped);
  EXPECT_EQ(total(petition), 3);
  const RecountReport repaired = service_->recount(petition, true, moderator_actor());
  EXPECT_TRUE(repaired.repaired);
  EXPECT_EQ(total(petition), 4);
  EXPECT_FALSE(service_->recount(petition, false, moderator_actor()).drift);
  EXPECT_EQ(check_store_->audit().export_audit().back().action, "public-petition.recount");
}

TEST_P(PublicWorld, ClosingThenAnonymisingKeepsCountsAndRemovesPersonalDataAndUnsentEmail) {
  const std::int64_t petition = open_petition();
  sign(petition, "pending@example.com", address(100));  // never confirmed: deleted with its email
  sign(petition, "kept@example.com", address(101));
  confirm_latest("kept@example.com");
  const auto before = memory_counts(petition);
  const std::int64_t closes_at = *service_->find(petition)->petition.closes_at;
  now_ = closes_at;
  EXPECT_EQ(service_->close_due(), std::vector<std::int64_t>{petition});
  EXPECT_EQ(sign(petition, "late@example.com", address(102)), SignOutcome::closed);
  EXPECT_EQ(service_->counts(petition)->snapshot.total, 4) << "a closed petition's counts stay readable";
  EXPECT_TRUE(service_->anonymise_due().petition_ids.empty()) << "not six months yet";
  now_ = closes_at + 185 * 86400;
  const AnonymisationResult result = service_->anonymise_due();
  EXPECT_EQ(result.petition_ids, std::vector<std::int64_t>{petition});
  EXPECT_EQ(result.pending_deleted, 1);
  EXPECT_GE(result.unsent_emails_deleted, 1);
  for (const OutboxMessage& message : outbox()) {
    EXPECT_NE(message.public_petition_id, petition) << "every email of the petition was unsent";
  }
  for (const auto& row : check_store_->public_petitions().list_signatures(petition, 0, 1000)) {
    EXPECT_FALSE(row.name || row.email || row.canonical_email || row.postcode || row.ip) << row.id;
  }
  EXPECT_EQ(memory_counts(petition), before);
  EXPECT_EQ(check_store_->public_petitions().count_by_constituency(petition), before);
}

TEST_P(PublicWorld, ModerationNeedsTheModeratorsPermissionAndHidingStopsSigning) {
  const std::int64_t petition = open_petition();
  Actor campaigner;
  campaigner.email = "campaigner@example.org";
  campaigner.role = Role::campaigner;
  const auto kind = [](const std::function<void()>& step) {
    try {
      step();
    } catch (const Error& error) {
      return error.kind();
    }
    return ErrorKind::internal;
  };
  EXPECT_EQ(kind([&] { service_->hide(petition, pp::ModerationReason::offensive, "", Actor::public_user()); }),
            ErrorKind::unauthenticated);
  EXPECT_EQ(kind([&] { service_->hide(petition, pp::ModerationReason::offensive, "", campaigner); }),
            ErrorKind::forbidden);
  EXPECT_EQ(kind([&] { service_->publish(petition, moderator_actor()); }), ErrorKind::conflict);
  EXPECT_EQ(kind([&] { service_->publish(petition + 50, moderator_actor()); }), ErrorKind::not_found);
  service_->hide(petition, pp::ModerationReason::libellous, "Court order", moderator_actor());
  EXPECT_EQ(service_->find(petition)->petition.state, pp::PublicPetitionState::hidden);
  EXPECT_FALSE(service_->counts(petition));
  EXPECT_NE(sign(petition, "after@example.com", address(110)), SignOutcome::pending);
}

TEST_P(PublicWorld, ARestartRebuildsDuplicatesAndCountsFromTheStore) {
  const std::int64_t petition = open_petition();
  sign(petition, "before@example.com", address(120));
  confirm_latest("before@example.com");
  sign(petition, "waiting@example.com", address(122));  // never confirmed
  const auto before = memory_counts(petition);
  const std::int64_t rows = check_store_->public_petitions().count_signatures(petition);
  service_.reset();
  start_service();
  EXPECT_EQ(memory_counts(petition), before);
  EXPECT_EQ(sign(petition, "before@example.com", address(121)), SignOutcome::pending);
  EXPECT_EQ(check_store_->public_petitions().count_signatures(petition), rows);
  // Only a duplicate check rebuilt in memory knows a repeat: the database's unique index alone would
  // answer the same "pending" but re-send nothing.
  const std::size_t emails = outbox().size();
  now_ += 61;
  EXPECT_EQ(sign(petition, "waiting@example.com", address(123)), SignOutcome::pending);
  EXPECT_EQ(outbox().size(), emails + 1) << "the pending signer's email is re-sent";
  EXPECT_EQ(check_store_->public_petitions().count_signatures(petition), rows);
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, PublicWorld, public_backends(), public_backend_name);

}  // namespace recall::testing
