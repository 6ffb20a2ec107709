// `recall public-petition` with the real binary on a SQLite file: moderation steps whose counts follow,
// a real `recall serve` following what the commands change, and the recount against a server whose
// database is changed behind its back with sqlite3 (the only drift a recount can find: a server's
// memory against the store; the store's GROUP BY and its rows read one by one are the same rows).
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/recall_process.hpp"
#include "durability/loopback_client.hpp"
#include "durability/server_process.hpp"
#include "support/eventually.hpp"

namespace recall::testing {
namespace {
namespace fs = std::filesystem;

constexpr int drift_exit = 7;  // as `recall verify` on a discrepancy

// The instant `days` from now, as --now takes it.
std::string days_from_now(int days) {
  const auto t = std::chrono::system_clock::now() + std::chrono::hours(24 * days);
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&seconds));
  return text;
}

// Runs SQL on the database file with the sqlite3 shell, as an operator would behind Recall's back.
void run_sql(const fs::path& db, const std::string& sql) {
  const fs::path script = db.parent_path() / "script.sql";
  std::ofstream(script) << ".timeout 10000\n" << sql << "\n";
  const std::string command = "sqlite3 " + shell_quote(db.string()) + " < " + shell_quote(script.string());
  ASSERT_EQ(std::system(command.c_str()), 0) << sql;
}

class PublicPetitionCli : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = fs::temp_directory_path() /
            ("recall-public-cli-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(work_);
    fs::create_directories(work_);
  }
  void TearDown() override { fs::remove_all(work_); }

  CommandRun run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db().string(), "public-petition"});
    return run_recall_in(work_, args);
  }
  fs::path db() const { return work_ / "recall.db"; }

  // A petition created and opened from the command line; returns its id.
  std::int64_t open_petition() {
    const CommandRun created =
        run({"create", "--action", "Call a by-election in Peterborough", "--background", "Because.",
             "--creator-name", "Jo Bloggs", "--creator-email", "jo@example.org", "--creator-postcode", "PE1 5ZE",
             "--creator-uk-resident", "--json"});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    const auto id = nlohmann::json::parse(created.out).at("id").get<std::int64_t>();
    const CommandRun published = run({"publish", std::to_string(id), "--force"});
    EXPECT_EQ(published.exit_code, 0) << published.err;
    return id;
  }

  // Confirmed signatures as the intake would have stored them: two in Peterborough, one in another
  // constituency, one whose postcode is not in the directory, one suspect (not counted), one pending.
  void add_signatures(std::int64_t id) {
    std::string sql =
        "INSERT INTO public_signatures (petition_id, name, email, canonical_email, postcode, ons_code, ip, "
        "email_domain, uk_resident, sponsor, state, standing, suspect_reason, created_at, confirmed_at) VALUES ";
    const auto row = [&](const std::string& email, const std::string& ons, const std::string& domain,
                         const std::string& state, const std::string& standing) {
      return "(" + std::to_string(id) + ", 'Signer', '" + email + "', '" + email + "', 'PE1 5ZE', " + ons +
             ", NULL, '" + domain + "', 1, 0, '" + state + "', '" + standing + "', " +
             (standing == "suspect" ? "'over-burst-limit'" : "NULL") + ", '2026-11-26T10:00:00Z', " +
             (state == "confirmed" ? "'2026-11-26T10:01:00Z'" : "NULL") + ")";
    };
    sql += row("a@example.org", "'E14000878'", "example.org", "confirmed", "counted") + ", ";
    sql += row("b@example.org", "'E14000878'", "example.org", "confirmed", "counted") + ", ";
    sql += row("c@example.net", "'E14000639'", "example.net", "confirmed", "counted") + ", ";
    sql += row("d@example.org", "NULL", "example.org", "confirmed", "counted") + ", ";
    sql += row("e@example.org", "'E14000639'", "example.org", "confirmed", "suspect") + ", ";
    sql += row("f@example.org", "'E14000639'", "example.org", "pending", "counted") + ";";
    run_sql(db(), sql);
  }

  fs::path work_;
};

TEST_F(PublicPetitionCli, ShowCountsOnlyConfirmedCountedSignaturesAndInvalidationMovesThem) {
  const std::int64_t id = open_petition();
  add_signatures(id);
  CommandRun shown = run({"show", std::to_string(id), "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  auto counts = nlohmann::json::parse(shown.out).at("counts");
  EXPECT_EQ(counts.at("signature_count"), 4);
  EXPECT_EQ(counts.at("unallocated"), 1);
  EXPECT_EQ(counts.at("signatures_by_constituency").size(), 2u);
  EXPECT_EQ(counts.at("signatures_by_constituency")[0].at("ons_code"), "E14000639");
  EXPECT_EQ(counts.at("signatures_by_constituency")[0].at("signature_count"), 1);
  EXPECT_EQ(counts.at("signatures_by_constituency")[1].at("name"), "Peterborough");
  EXPECT_EQ(counts.at("signatures_by_constituency")[1].at("signature_count"), 2);

  const CommandRun invalidated = run({"invalidate", std::to_string(id), "--domain", "example.net", "--json"});
  ASSERT_EQ(invalidated.exit_code, 0) << invalidated.err;
  const auto result = nlohmann::json::parse(invalidated.out);
  EXPECT_EQ(result.at("matched"), 1);
  EXPECT_EQ(result.at("uncounted"), 1);

  const CommandRun cleared = run({"clear-suspects", std::to_string(id), "--all", "--json"});
  ASSERT_EQ(cleared.exit_code, 0) << cleared.err;
  EXPECT_EQ(nlohmann::json::parse(cleared.out).at("now_counted"), 1);

  shown = run({"show", std::to_string(id), "--json"});
  counts = nlohmann::json::parse(shown.out).at("counts");
  EXPECT_EQ(counts.at("signature_count"), 4) << "one struck out, one suspect cleared";
  const CommandRun recounted = run({"recount", std::to_string(id)});
  EXPECT_EQ(recounted.exit_code, 0) << recounted.out << recounted.err;
  EXPECT_NE(recounted.out.find("No differences"), std::string::npos) << recounted.out;
}

TEST_F(PublicPetitionCli, ModeratorsRejectOrHideASponsoredPetition) {
  for (int i = 0; i < 2; ++i) {
    const CommandRun created =
        run({"create", "--action", "Petition " + std::to_string(i), "--background", "Because.", "--creator-name",
             "Jo Bloggs", "--creator-email", "jo@example.org", "--creator-postcode", "PE1 5ZE",
             "--creator-uk-resident"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
  }
  // Five confirmed sponsors are the web's path (tests/http); here the petitions are put in the queue.
  run_sql(db(), "UPDATE public_petitions SET state = 'sponsored', sponsor_count = 5, "
                "sponsored_at = '2026-11-26T10:00:00Z';");
  const CommandRun queue = run({"list", "--state", "sponsored"});
  EXPECT_NE(queue.out.find("    2  sponsored"), std::string::npos) << queue.out;

  const CommandRun rejected = run({"reject", "1", "--reason", "duplicate", "--note", "Same as petition 7"});
  ASSERT_EQ(rejected.exit_code, 0) << rejected.err;
  EXPECT_NE(rejected.out.find("Public petition 1 is rejected (duplicate)"), std::string::npos) << rejected.out;
  // A reason whose text must not be shown hides instead.
  const CommandRun libel = run({"reject", "2", "--reason", "libellous", "--json"});
  ASSERT_EQ(libel.exit_code, 0) << libel.err;
  EXPECT_EQ(nlohmann::json::parse(libel.out).at("state"), "hidden");

  const CommandRun shown = run({"show", "1"});
  EXPECT_NE(shown.out.find("Moderation   duplicate on"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("Same as petition 7"), std::string::npos) << shown.out;
  const CommandRun again = run({"reject", "1", "--reason", "duplicate"});
  EXPECT_EQ(again.exit_code, 4) << "a rejected petition cannot be rejected again: " << again.err;
}

TEST_F(PublicPetitionCli, RecountFindsAServersDriftConstituencyByConstituency) {
  const std::int64_t id = open_petition();
  add_signatures(id);
  // `recall serve` on a port of its own; throws with its log if it does not come up.
  const durability::ServerProcess server(RECALL_BINARY, db().string(), work_ / "serve.log");
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port());

  const CommandRun agreed = run({"recount", std::to_string(id), "--server", url});
  EXPECT_EQ(agreed.exit_code, 0) << agreed.out << agreed.err << durability::tail_of(work_ / "serve.log");
  EXPECT_NE(agreed.out.find("No differences: the 3 sources agree in every constituency."), std::string::npos)
      << agreed.out;

  // Behind the server's back: one Peterborough signature moved to the other constituency.
  run_sql(db(), "UPDATE public_signatures SET ons_code = 'E14000639' WHERE email = 'b@example.org';");
  const CommandRun drifted = run({"recount", std::to_string(id), "--server", url});
  EXPECT_EQ(drifted.exit_code, drift_exit) << drifted.out << drifted.err;
  EXPECT_NE(drifted.out.find("Differences (2 constituencies):"), std::string::npos) << drifted.out;
  EXPECT_NE(drifted.out.find("The server's memory differs from the store, which is the truth."), std::string::npos) << drifted.out;

  const CommandRun as_json = run({"recount", std::to_string(id), "--server", url, "--json"});
  EXPECT_EQ(as_json.exit_code, drift_exit) << as_json.err;
  const auto report = nlohmann::json::parse(as_json.out);
  EXPECT_EQ(report.at("drift"), true);
  EXPECT_EQ(report.at("totals").at("group_by"), 4);
  EXPECT_EQ(report.at("totals").at("server"), 4) << "the total agrees; the constituencies do not";
  ASSERT_EQ(report.at("differences").size(), 2u);
  EXPECT_EQ(report.at("differences")[0].at("ons_code"), "E14000639");
  EXPECT_EQ(report.at("differences")[0].at("group_by"), 2);
  EXPECT_EQ(report.at("differences")[0].at("rows"), 2);
  EXPECT_EQ(report.at("differences")[0].at("server"), 1);
  EXPECT_EQ(report.at("differences")[1].at("ons_code"), "E14000878");
  EXPECT_EQ(report.at("differences")[1].at("server"), 2);

  // --repair notes the petition in the change log; the server follows it and rebuilds its counts,
  // and the command waits for that.
  const CommandRun repaired = run({"recount", std::to_string(id), "--repair", "--server", url});
  EXPECT_EQ(repaired.exit_code, 0) << repaired.out << repaired.err << durability::tail_of(work_ / "serve.log");
  EXPECT_NE(repaired.out.find("The server had drifted (total 4) and has rebuilt its counts from the store since "
                              "the repair."),
            std::string::npos)
      << repaired.out;
  const CommandRun after = run({"recount", std::to_string(id), "--server", url});
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;

  const CommandRun unreachable = run({"recount", std::to_string(id), "--server", "http://127.0.0.1:1"});
  EXPECT_EQ(unreachable.exit_code, 6) << unreachable.err;
  EXPECT_NE(unreachable.err.find("cannot read http://127.0.0.1:1/public/petitions/"), std::string::npos)
      << unreachable.err;
}

TEST_F(PublicPetitionCli, ARunningServerFollowsWhatTheCommandsChange) {
  const std::int64_t id = open_petition();
  add_signatures(id);
  const std::int64_t second = open_petition();
  const durability::ServerProcess server(RECALL_BINARY, db().string(), work_ / "serve.log");
  const auto get = [&](std::int64_t petition, const std::string& document) {
    return durability::loopback_request(server.port(), "127.0.0.1", "GET",
                                        "/public/petitions/" + std::to_string(petition) + document);
  };
  const auto count = [&] {
    const auto answer = get(id, "/count.json");
    return answer.status == 200 ? nlohmann::json::parse(answer.body).at("signature_count").get<int>()
                                : -answer.status;
  };
  ASSERT_EQ(count(), 4);

  const CommandRun invalidated = run({"invalidate", std::to_string(id), "--domain", "example.net"});
  ASSERT_EQ(invalidated.exit_code, 0) << invalidated.err;
  EXPECT_TRUE(eventually([&] { return count() == 3; })) << count() << durability::tail_of(work_ / "serve.log");

  std::ofstream(work_ / "blocks.txt") << "domain *.spam.example\nip 203.0.113.0/24\n";
  const CommandRun imported = run({"block", "import", (work_ / "blocks.txt").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_TRUE(eventually([&] {
    return durability::tail_of(work_ / "serve.log").find("reloaded what another process changed: the block list") !=
           std::string::npos;
  })) << durability::tail_of(work_ / "serve.log");

  // Closed from the command line 190 days on: the server shows it closed, its counts still readable.
  const CommandRun closed = run({"close-due", "--now", days_from_now(190), "--json"});
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  EXPECT_TRUE(eventually([&] {
    const auto answer = get(second, ".json");
    return answer.status == 200 &&
           nlohmann::json::parse(answer.body).at("data").at("attributes").at("state") == "closed";
  })) << get(second, ".json").body;

  const CommandRun hidden = run({"hide", std::to_string(id), "--reason", "offensive"});
  ASSERT_EQ(hidden.exit_code, 0) << hidden.err;
  EXPECT_TRUE(eventually([&] { return count() < 0; })) << count();
  EXPECT_EQ(count(), -410) << "hidden: gone, not unknown";
}

TEST_F(PublicPetitionCli, ClosingAndAnonymisingFollowTheCalendar) {
  const std::int64_t id = open_petition();
  add_signatures(id);
  const CommandRun early = run({"close-due"});
  EXPECT_EQ(early.exit_code, 0) << early.err;
  EXPECT_NE(early.out.find("No open petition is past its closing time."), std::string::npos) << early.out;

  // Six months and a day from now it is closed; thirteen months on, past the six after the close,
  // its personal data goes and its counts stay.
  const auto in_days = days_from_now;
  const CommandRun closed = run({"close-due", "--now", in_days(190), "--json"});
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  EXPECT_EQ(nlohmann::json::parse(closed.out).at("closed"), nlohmann::json::array({id}));

  const CommandRun not_yet = run({"anonymise", "--now", in_days(200), "--json"});
  ASSERT_EQ(not_yet.exit_code, 0) << not_yet.err;
  EXPECT_EQ(nlohmann::json::parse(not_yet.out).at("petitions"), nlohmann::json::array());
  const CommandRun anonymised = run({"anonymise", "--now", in_days(400), "--json"});
  ASSERT_EQ(anonymised.exit_code, 0) << anonymised.err;
  const auto result = nlohmann::json::parse(anonymised.out);
  EXPECT_EQ(result.at("petitions"), nlohmann::json::array({id}));
  EXPECT_GE(result.at("pending_deleted").get<int>(), 2) << "the creator's and f@'s pending signatures";

  const CommandRun shown = run({"show", std::to_string(id), "--json"});
  const auto petition = nlohmann::json::parse(shown.out);
  EXPECT_EQ(petition.at("state"), "closed");
  EXPECT_FALSE(petition.at("anonymised_at").is_null());
  EXPECT_EQ(petition.at("counts").at("signature_count"), 4) << "counts survive anonymisation";
}

}  // namespace
}  // namespace recall::testing
