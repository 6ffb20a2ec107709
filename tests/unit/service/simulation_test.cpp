// simulate_petition: exact figures, every channel used, rejections spread over the reasons, the same
// petition for the same seed, nothing kept on failure, and errors naming the option.
#include "service/simulation.hpp"
#include "service_world.hpp"

namespace recall::testing {
namespace {

SimulationOptions small_run() {
  SimulationOptions options;
  options.ons_code = peterborough;
  options.policy_id = "uk-2015";
  options.notice = day("2019-03-05");
  options.electors = 3000;
  options.signatures = 400;
  options.rejected = 12;
  options.seed = 5;
  return options;
}

SimulationResult run(Store& store, const SimulationOptions& options) {
  return simulate_petition(store, SharedData::get().parliament, SharedData::get().policies, options);
}

std::string field_of(Store& store, const SimulationOptions& options) {
  try {
    run(store, options);
  } catch (const Error& e) {
    return e.where() ? e.where()->field : "(no field)";
  }
  return "(no error)";
}

TEST(Simulation, RecordsExactlyTheSignaturesAndRejectionsAskedFor) {
  auto store = open_store(":memory:");
  const SimulationResult result = run(*store, small_run());
  ASSERT_TRUE(result.declaration);
  const Declaration& d = *result.declaration;
  EXPECT_EQ(d.eligible, 3000);
  EXPECT_EQ(d.valid_signatures, 400);
  EXPECT_EQ(d.rejected, 12);
  EXPECT_EQ(d.percent_tenths, 133);  // 13.33%
  EXPECT_TRUE(d.successful);
  EXPECT_EQ(result.outcome, "successful");
  // 12 sheets over five reasons in turn: 3, 3, 2, 2, 2.
  EXPECT_EQ(d.rejected_by_reason.at(RejectionReason::want_of_official_mark), 3);
  EXPECT_EQ(d.rejected_by_reason.at(RejectionReason::unmarked_or_void_for_uncertainty), 3);
  EXPECT_EQ(d.rejected_by_reason.at(RejectionReason::identifiers_failed), 2);
  EXPECT_EQ(d.rejected_by_reason.at(RejectionReason::not_entitled), 2);
  EXPECT_EQ(d.rejected_by_reason.at(RejectionReason::received_late), 2);
  EXPECT_EQ(result.places, 1);
  // In person, by post and by proxy all took part.
  EXPECT_GT(result.valid_by_channel.at(SigningChannel::in_person), 0);
  EXPECT_GT(result.valid_by_channel.at(SigningChannel::postal), 0);
  const auto channel = [&](SigningChannel c) {
    const auto found = result.valid_by_channel.find(c);
    return found == result.valid_by_channel.end() ? 0L : found->second;
  };
  EXPECT_GT(channel(SigningChannel::proxy_in_person) + channel(SigningChannel::proxy_postal), 0);
  EXPECT_TRUE(result.petition.declared_at);
  EXPECT_EQ(store->petitions().list_by_elections().size(), 1U);
}

TEST(Simulation, TheSameSeedGivesTheSamePetition) {
  auto first = open_store(":memory:");
  auto second = open_store(":memory:");
  run(*first, small_run());
  run(*second, small_run());
  EXPECT_EQ(first->petitions().list_signatures(1), second->petitions().list_signatures(1));
  SimulationOptions other = small_run();
  other.seed = 6;
  auto third = open_store(":memory:");
  run(*third, other);
  EXPECT_NE(first->petitions().list_signatures(1), third->petitions().list_signatures(1));
}

TEST(Simulation, ErrorsNameTheOptionAndLeaveNothingBehind) {
  auto store = open_store(":memory:");
  SimulationOptions options = small_run();
  options.signatures = 3001;
  EXPECT_EQ(field_of(*store, options), "signatures");
  options = small_run();
  options.rejected = -1;
  EXPECT_EQ(field_of(*store, options), "rejected");
  options = small_run();
  options.ons_code = "E99999999";
  EXPECT_EQ(field_of(*store, options), "constituency");
  options = small_run();
  options.policy_id = "no-such-policy";
  EXPECT_EQ(field_of(*store, options), "policy");
  options = small_run();
  options.places = 11;
  EXPECT_EQ(field_of(*store, options), "places");
  EXPECT_TRUE(store->petitions().list_petitions().empty());
  EXPECT_FALSE(store->registers().latest_register(peterborough));
}

TEST(Simulation, AnEarlyEndHasNoCount) {
  auto store = open_store(":memory:");
  SimulationOptions options = small_run();
  options.terminated_on = day("2019-04-03");
  const SimulationResult result = run(*store, options);
  EXPECT_EQ(result.outcome, "terminated");
  EXPECT_FALSE(result.declaration);
  ASSERT_TRUE(result.petition.termination);
  EXPECT_EQ(result.petition.termination->on, day("2019-04-03"));
  EXPECT_EQ(std::ssize(store->petitions().list_signatures(1)), 412);
}

TEST(Simulation, NoticeFromTheDesignatedDay) {
  const Policy& policy = SharedData::get().policies.get("uk-2015");
  // Peterborough: notice Tue 5 March 2019, designated day Tue 19 March.
  EXPECT_EQ(notice_for_designated_day(policy, HolidayRegion::england_and_wales, day("2019-03-19")),
            day("2019-03-05"));
  EXPECT_THROW(notice_for_designated_day(policy, HolidayRegion::england_and_wales, day("2019-03-23")), Error);
}

}  // namespace
}  // namespace recall::testing
