#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/policy.hpp"
#include "core/rules/event.hpp"
#include "core/rules/policy_set.hpp"

namespace recall {
namespace {

namespace fs = std::filesystem;

const fs::path policy_dir = fs::path(RECALL_SOURCE_DIR) / "policies";

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs `body` and returns the Error it throws; fails the test if it throws nothing.
template <typename Body>
Error error_from(Body body) {
  try {
    body();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected an Error";
  return Error(ErrorKind::internal, "no error");
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("recall-rules-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path_ / name) << text; }

 private:
  fs::path path_;
};

TEST(PolicySet, LoadsTheRepositoryPolicies) {
  const auto set = PolicySet::load_directory(policy_dir);
  for (const char* id : {"bc-recall", "ca-state-legislator", "tw-recall", "uk-2015", "uk-change-of-party"}) {
    EXPECT_NE(set.find(id), nullptr) << id;
  }
  EXPECT_EQ(set.find("no-such-policy"), nullptr);
  const auto e = error_from([&] { (void)set.get("no-such-policy"); });
  EXPECT_EQ(e.kind(), ErrorKind::not_found);
  EXPECT_NE(e.message().find("uk-2015"), std::string::npos) << "lists the known ids";
}

TEST(PolicySet, Uk2015HasTheActsParameters) {
  const auto set = PolicySet::load_directory(policy_dir);
  const Policy& p = set.get("uk-2015");
  EXPECT_EQ(p.in_force, make_date(2016, 3, 4));
  ASSERT_TRUE(p.conditions.custodial_sentence);
  EXPECT_TRUE(p.conditions.custodial_sentence->suspended_sentence_counts);
  EXPECT_FALSE(p.conditions.custodial_sentence->remand_counts);
  EXPECT_FALSE(p.conditions.custodial_sentence->hospital_order_counts);
  EXPECT_TRUE(p.conditions.custodial_sentence->after_appeal_period);
  ASSERT_TRUE(p.conditions.suspension);
  EXPECT_EQ(p.conditions.suspension->minimum_sitting_days, 10);
  EXPECT_EQ(p.conditions.suspension->minimum_days, 14);
  EXPECT_TRUE(p.conditions.allowance_conviction);
  EXPECT_FALSE(p.conditions.party_change);
  EXPECT_FALSE(p.conditions.voter_application);
  ASSERT_TRUE(p.exclusions.general_election_within);
  EXPECT_EQ(p.exclusions.general_election_within->period.count, 6);
  EXPECT_EQ(p.exclusions.general_election_within->period.unit, SpanUnit::months);
  EXPECT_EQ(p.threshold.percent, 1000);
  EXPECT_EQ(p.threshold.comparison, ThresholdComparison::at_least);
  EXPECT_EQ(p.threshold.base, ThresholdBase::register_at_close);
  EXPECT_EQ(p.timetable.designated_working_day, 10);
  EXPECT_EQ(p.timetable.signing_period_days, 42);
  ASSERT_EQ(p.timetable.bank_holiday_extension.size(), 2U);
  EXPECT_TRUE(p.timetable.bank_holiday_extension[0].extends);
  EXPECT_FALSE(p.timetable.bank_holiday_extension[1].extends);
  EXPECT_EQ(p.signing.maximum_signing_places, 10);
  EXPECT_TRUE(p.signing.running_totals_sealed);
  EXPECT_FALSE(p.signing.online_signing);
  EXPECT_EQ(p.on_success, "by-election");
}

TEST(PolicySet, ChangeOfPartyAddsAFourthConditionAndOnlineSigning) {
  const auto set = PolicySet::load_directory(policy_dir);
  const Policy& p = set.get("uk-change-of-party");
  ASSERT_TRUE(p.conditions.party_change);
  EXPECT_TRUE(p.conditions.party_change->on_leaving_party);
  EXPECT_TRUE(p.conditions.party_change->on_resigning_whip);
  EXPECT_TRUE(p.conditions.party_change->on_joining_another);
  EXPECT_TRUE(p.signing.online_signing);
  EXPECT_EQ(condition_kinds(p).size(), 4U);
}

TEST(PolicySet, OtherJurisdictions) {
  const auto set = PolicySet::load_directory(policy_dir);
  const Policy& bc = set.get("bc-recall");
  EXPECT_EQ(bc.threshold.comparison, ThresholdComparison::more_than);
  EXPECT_EQ(bc.threshold.base, ThresholdBase::register_at_last_election);
  ASSERT_TRUE(bc.exclusions.too_soon_after_election);
  EXPECT_EQ(bc.exclusions.too_soon_after_election->period.count, 18);
  EXPECT_FALSE(bc.timetable.uses_working_days);
  EXPECT_EQ(bc.timetable.signing_period_days, 60);

  const Policy& ca = set.get("ca-state-legislator");
  ASSERT_TRUE(ca.sample_verification);
  EXPECT_EQ(ca.sample_verification->sample_percent, 300);
  EXPECT_EQ(ca.sample_verification->sample_minimum, 500);
  EXPECT_EQ(ca.sample_verification->certify_above, 11000);
  EXPECT_EQ(ca.sample_verification->full_count_from, 9000);
  EXPECT_FALSE(ca.signing.running_totals_sealed);
  EXPECT_EQ(ca.threshold.base, ThresholdBase::votes_at_last_election);

  const Policy& tw = set.get("tw-recall");
  ASSERT_TRUE(tw.proposal_threshold);
  EXPECT_EQ(tw.proposal_threshold->percent, 100);
  ASSERT_TRUE(tw.recall_vote);
  ASSERT_TRUE(tw.recall_vote->yes_threshold);
  EXPECT_EQ(tw.recall_vote->yes_threshold->percent, 2500);
}

TEST(PolicyYaml, TypoedKeyFailsWithFileLineColumnAndKey) {
  std::string text = read_file(policy_dir / "uk-2015.yaml");
  const auto at = text.find("  minimum_sitting_days: 10");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("  minimum_sitting_days").size(), "  minimum_siting_days");
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));

  const auto e = error_from([&] { (void)parse_policy(text, "policies/uk-2015.yaml"); });
  EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
  ASSERT_TRUE(e.where());
  EXPECT_EQ(e.where()->file, "policies/uk-2015.yaml");
  EXPECT_EQ(e.where()->line, line);
  EXPECT_EQ(e.where()->column, 5);
  EXPECT_EQ(e.where()->field, "conditions.suspension.minimum_siting_days");
  EXPECT_NE(std::string(e.what()).find(fmt::format("policies/uk-2015.yaml:{}:5", line)), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("unknown key"), std::string::npos);
}

TEST(PolicyYaml, TypoedTopLevelKeyIsUnknownNotMissing) {
  std::string text = read_file(policy_dir / "uk-2015.yaml");
  const auto at = text.find("\nthreshold:");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 11, "\nthresold:");
  const auto e = error_from([&] { (void)parse_policy(text, "p.yaml"); });
  ASSERT_TRUE(e.where());
  EXPECT_EQ(e.where()->field, "thresold");
  EXPECT_EQ(e.where()->column, 1);
}

TEST(PolicyYaml, BadValuesNameTheirKey) {
  const std::string base = read_file(policy_dir / "uk-2015.yaml");
  struct Case {
    std::string from, to, field, message;
  };
  const Case cases[] = {
      {"percent: 10", "percent: ten", "threshold.percent", "percentage"},
      {"percent: 10", "percent: 10.125", "threshold.percent", "two decimal places"},
      {"percent: 10", "percent: 120", "threshold.percent", "at most 100"},
      {"comparison: at-least", "comparison: atleast", "threshold.comparison", "unknown comparison"},
      {"in_force: 2016-03-04", "in_force: 4 March 2016", "in_force", "YYYY-MM-DD"},
      {"remand_counts: false", "remand_counts: no", "conditions.custodial-sentence.remand_counts", "true or false"},
      {"period: 6 months", "period: 6 fortnights", "exclusions.general_election_within.period", "unknown unit"},
      {"minimum_days: 14", "minimum_days: 0", "conditions.suspension.minimum_days", "at least 1"},
      {"  suspension:\n", "  suspensoin:\n", "conditions.suspensoin", "unknown key"},
      {"on_success: by-election", "on_success: election", "on_success", "unknown on_success"},
  };
  for (const auto& c : cases) {
    std::string text = base;
    const auto at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, c.from.size(), c.to);
    const auto e = error_from([&] { (void)parse_policy(text, "uk-2015.yaml"); });
    ASSERT_TRUE(e.where()) << c.to;
    EXPECT_EQ(e.where()->field, c.field) << c.to << ": " << e.what();
    EXPECT_GT(e.where()->line, 0) << c.to;
    EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << c.to << ": " << e.what();
  }
}

TEST(PolicyYaml, MissingRequiredKeyAndSyntaxErrors) {
  auto e = error_from([] { (void)parse_policy("id: x\ntitle: X\n", "x.yaml"); });
  EXPECT_NE(e.message().find("missing required key 'jurisdiction'"), std::string::npos) << e.what();

  e = error_from([] { (void)parse_policy("id: x\ntitle: [unclosed\n", "x.yaml"); });
  ASSERT_TRUE(e.where());
  EXPECT_EQ(e.where()->file, "x.yaml");
  EXPECT_GT(e.where()->line, 0);
  EXPECT_NE(e.message().find("YAML syntax error"), std::string::npos);

  e = error_from([] { (void)parse_policy("", "empty.yaml"); });
  EXPECT_NE(e.message().find("empty"), std::string::npos);

  e = error_from([] { (void)parse_policy("id: x\nid: y\n", "dup.yaml"); });
  EXPECT_NE(e.message().find("duplicate key 'id'"), std::string::npos);
  ASSERT_TRUE(e.where());
  EXPECT_EQ(e.where()->line, 2);
}

TEST(PolicySet, DuplicateIdsAndMismatchedFileNamesAreRejected) {
  TempDir dir;
  const std::string uk = read_file(policy_dir / "uk-2015.yaml");
  dir.write("uk-2015.yaml", uk);
  dir.write("other.yaml", uk);
  auto e = error_from([&] { (void)PolicySet::load_directory(dir.path()); });
  EXPECT_NE(e.message().find("does not match its file name"), std::string::npos) << e.what();
  ASSERT_TRUE(e.where());
  EXPECT_EQ(e.where()->line, 4) << "points at the id key";

  Policy a = parse_policy(uk, "a.yaml");
  Policy b = parse_policy(uk, "b.yaml");
  e = error_from([&] { PolicySet set({a, b}); });
  EXPECT_EQ(e.kind(), ErrorKind::conflict);
  EXPECT_NE(e.message().find("used twice"), std::string::npos);

  e = error_from([&] { (void)PolicySet::load_directory(dir.path() / "missing"); });
  EXPECT_EQ(e.kind(), ErrorKind::not_found);
}

TEST(ParliamentCalendarYaml, ErrorsNameFileLineColumnAndKey) {
  TempDir dir;
  dir.write("parliaments.yaml",
            "parliaments:\n"
            "  - parliament: 2017\n"
            "    general_election: 2017-06-08\n"
            "    last_possible_elecion: 2022-05-05\n");
  const auto path = dir.path() / "parliaments.yaml";
  const auto e = error_from([&] { (void)ParliamentCalendar::load(path); });
  ASSERT_TRUE(e.where());
  EXPECT_EQ(e.where()->file, path.string());
  EXPECT_EQ(e.where()->line, 4);
  EXPECT_EQ(e.where()->column, 5);
  EXPECT_EQ(e.where()->field, "parliaments[0].last_possible_elecion");

  dir.write("parliaments.yaml",
            "parliaments:\n"
            "  - parliament: 2017\n"
            "    general_election: 2017-06-08\n"
            "    last_possible_election: 2016-05-05\n"
            "    last_possible_source: x\n");
  const auto order = error_from([&] { (void)ParliamentCalendar::load(path); });
  ASSERT_TRUE(order.where());
  EXPECT_EQ(order.where()->field, "parliaments[0].last_possible_election");
  EXPECT_EQ(order.where()->line, 4);
}

TEST(PolicyNames, PercentagesAreExact) {
  EXPECT_EQ(parse_percent("10"), 1000);
  EXPECT_EQ(parse_percent("12.5"), 1250);
  EXPECT_EQ(parse_percent("0.25"), 25);
  EXPECT_EQ(parse_percent("110%"), 11000);
  EXPECT_EQ(format_percent(1250), "12.5");
  EXPECT_EQ(format_percent(25), "0.25");
  EXPECT_EQ(format_percent(1000), "10");
  EXPECT_THROW((void)parse_percent("1e1"), Error);
  EXPECT_THROW((void)parse_percent("-5"), Error);
  EXPECT_THROW((void)parse_percent("5."), Error);
  EXPECT_EQ(describe(Span{1, SpanUnit::months}), "1 month");
  EXPECT_EQ(describe(Span{30, SpanUnit::sitting_days}), "30 sitting days");
  EXPECT_EQ(parse_span_unit("sitting-day"), SpanUnit::sitting_days);
  EXPECT_THROW((void)parse_condition_kind("treason"), Error);
}

}  // namespace
}  // namespace recall
