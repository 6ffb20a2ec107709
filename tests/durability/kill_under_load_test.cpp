// Issue 5 item 5: `kill -9` at any moment loses no acknowledged signature or confirmation, and the
// counts after a restart equal the confirmed signatures.
//
// Each round: the real `recall serve` runs against the same database (it accumulates across rounds);
// signer threads post signatures with unique emails, confirmer threads confirm through the JSON twin
// with tokens read from the queued confirmation emails as the server commits them; at a random moment the
// server is killed with SIGKILL; then it is started again and the test checks, against the database read on a
// connection of its own, that every signature answered 202 is stored, every confirmation answered
// "confirmed" is confirmed, and that count.json equals the GROUP BY of the confirmed, counted rows.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "cli/recall_process.hpp"
#include "durability/loopback_client.hpp"
#include "durability/raw_database.hpp"
#include "durability/server_process.hpp"

namespace recall::durability {
namespace {

namespace fs = std::filesystem;

constexpr int signer_threads = 12;
constexpr int confirmer_threads = 4;
// Signer thread 0 posts from one address, so past the burst limit its signatures are stored as suspect
// (not counted); the others post each signature from an address of its own, so theirs count.
constexpr const char* crowded_address = "127.9.9.9";

// A fresh loopback address for every signature in the whole test binary.
std::atomic<unsigned> next_address{1000};

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value == nullptr || *value == '\0' ? fallback : std::atoi(value);
}

// One postcode per constituency, from the reference data the server loads (ONS code: postcode).
std::vector<std::string> directory_postcodes() {
  std::ifstream in(fs::path(RECALL_SOURCE_DIR) / "data" / "example-postcodes.yml");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    const auto colon = line.find(": ");
    if (colon != std::string::npos && line.rfind("---", 0) != 0) out.push_back(line.substr(colon + 2));
  }
  return out;
}

// What the server acknowledged, from every client thread, across all rounds.
class Acknowledged {
 public:
  void signed_up(const std::string& email) {
    const std::lock_guard lock(mutex_);
    signatures_.insert(email);
  }
  void confirmed(const std::string& email) {
    const std::lock_guard lock(mutex_);
    confirmations_.insert(email);
  }
  void unexpected(const std::string& what) {
    const std::lock_guard lock(mutex_);
    if (unexpected_.size() < 20) unexpected_.push_back(what);
    ++unexpected_count_;
  }
  std::set<std::string> signatures() const {
    const std::lock_guard lock(mutex_);
    return signatures_;
  }
  std::set<std::string> confirmations() const {
    const std::lock_guard lock(mutex_);
    return confirmations_;
  }
  std::vector<std::string> unexpected_answers() const {
    const std::lock_guard lock(mutex_);
    return unexpected_;
  }
  std::size_t unexpected_count() const {
    const std::lock_guard lock(mutex_);
    return unexpected_count_;
  }

 private:
  mutable std::mutex mutex_;
  std::set<std::string> signatures_;
  std::set<std::string> confirmations_;
  std::vector<std::string> unexpected_;
  std::size_t unexpected_count_ = 0;
};

struct PendingToken {
  std::string token;
  std::string email;
};

// Confirmation tokens for the confirmers, read from the confirmation emails the server queues as it
// commits signatures (public_confirmation_mail, migration 0014: written in the signing transaction,
// so a token there belongs to a durable signature; the server runs without SMTP, so nothing takes
// the rows away). Two in three are confirmed; the rest stay pending, as many real signatures do.
class TokenFeed {
 public:
  TokenFeed(std::string db_url, std::int64_t petition_id)
      : db_url_(std::move(db_url)), petition_id_(petition_id) {}

  // Reads the rows queued since the last call. Each link is 32 bytes (the signature's id, 8 bytes
  // big-endian, then the secret), and the token in the email is those bytes in URL-safe base64.
  void poll() {
    if (!db_) db_ = open_raw_database(db_url_);
    const bool postgres = db_url_.starts_with("postgres");
    const auto rows =
        db_->rows(std::string("SELECT id, ") + (postgres ? "encode(links, 'hex')" : "hex(links)") +
                  " FROM public_confirmation_mail WHERE id > " + std::to_string(last_id_) + " ORDER BY id");
    std::vector<std::pair<std::int64_t, std::string>> links;  // signature id, token
    for (const auto& row : rows) {
      last_id_ = std::stoll(row[0]);
      const std::string& hex = row[1];
      for (std::size_t at = 0; at + 64 <= hex.size(); at += 64) {
        std::array<unsigned char, 32> bytes{};
        for (std::size_t i = 0; i < bytes.size(); ++i)
          bytes[i] = static_cast<unsigned char>(std::stoi(hex.substr(at + 2 * i, 2), nullptr, 16));
        std::int64_t id = 0;
        for (std::size_t i = 0; i < 8; ++i) id = (id << 8) | bytes[i];
        std::string token(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                          '\0');
        sodium_bin2base64(token.data(), token.size(), bytes.data(), bytes.size(),
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        token.resize(token.find('\0'));
        links.emplace_back(id, std::move(token));
      }
    }
    if (links.empty()) return;
    std::string ids;
    for (const auto& [id, token] : links) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    std::map<std::int64_t, std::string> email_of;
    for (const auto& row : db_->rows("SELECT id, email FROM public_signatures WHERE petition_id = " +
                                     std::to_string(petition_id_) + " AND id IN (" + ids + ")")) {
      email_of[std::stoll(row[0])] = row[1];
    }
    const std::lock_guard lock(mutex_);
    for (auto& [id, token] : links) {
      const auto email = email_of.find(id);
      if (email == email_of.end() || std::hash<std::string>{}(email->second) % 3 == 0) continue;
      queue_.push_back({std::move(token), email->second});
    }
  }

  std::optional<PendingToken> next() {
    const std::lock_guard lock(mutex_);
    if (queue_.empty()) return std::nullopt;
    PendingToken out = queue_.front();
    queue_.pop_front();
    return out;
  }

 private:
  std::string db_url_;
  std::int64_t petition_id_;
  std::unique_ptr<RawDatabase> db_;
  std::int64_t last_id_ = 0;
  std::mutex mutex_;
  std::deque<PendingToken> queue_;
};

std::string status_in(const LoopbackAnswer& response) {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object() || !body.contains("status") || !body["status"].is_string()) return {};
  return body["status"].get<std::string>();
}

// The load of one round: runs until `stop`, recording what the server acknowledged.
class Load {
 public:
  Load(unsigned short port, std::int64_t petition_id, int round, const std::vector<std::string>& postcodes,
       Acknowledged& acknowledged, TokenFeed& tokens)
      : port_(port),
        petition_id_(petition_id),
        round_(round),
        postcodes_(postcodes),
        acknowledged_(acknowledged),
        tokens_(tokens) {}

  void start() {
    for (int t = 0; t < signer_threads; ++t) threads_.emplace_back([this, t] { sign_loop(t); });
    for (int t = 0; t < confirmer_threads; ++t) threads_.emplace_back([this] { confirm_loop(); });
    threads_.emplace_back([this] { feed_loop(); });
  }

  void finish() {
    stop_ = true;
    for (auto& thread : threads_) thread.join();
    threads_.clear();
  }

  [[nodiscard]] int signs_in_flight() const { return signs_in_flight_; }
  [[nodiscard]] int confirms_in_flight() const { return confirms_in_flight_; }
  [[nodiscard]] int signs_acknowledged() const { return signs_acknowledged_; }
  [[nodiscard]] int confirms_acknowledged() const { return confirms_acknowledged_; }

 private:
  void sign_loop(int thread) {
    std::mt19937 random(static_cast<unsigned>(round_ * 1000 + thread));
    const std::string path = "/api/public/petitions/" + std::to_string(petition_id_) + "/signatures";
    for (int n = 0; !stop_; ++n) {
      const std::string email = "k" + std::to_string(round_) + "-" + std::to_string(thread) + "-" +
                                std::to_string(n) + "@example.org";
      const nlohmann::json form{{"name", "Signer " + std::to_string(n)},
                                {"email", email},
                                {"postcode", postcodes_[random() % postcodes_.size()]},
                                {"uk_resident", true}};
      const std::string source = thread == 0 ? crowded_address : loopback_address(next_address++);
      LoopbackAnswer response;
      ++signs_in_flight_;
      try {
        response = loopback_request(port_, source, "POST", path, form.dump());
      } catch (const std::exception&) {
        --signs_in_flight_;  // the server is gone: nothing was acknowledged
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      --signs_in_flight_;
      if (response.status == 202 && status_in(response) == "pending") {
        acknowledged_.signed_up(email);
        ++signs_acknowledged_;
      } else if (response.status == 503) {
        if (!response.retry_after) acknowledged_.unexpected("503 without Retry-After on sign");
      } else {
        acknowledged_.unexpected("sign " + std::to_string(response.status) + ": " +
                                 response.body.substr(0, 200));
      }
    }
  }

  void confirm_loop() {
    while (!stop_) {
      const auto pending = tokens_.next();
      if (!pending) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      LoopbackAnswer response;
      ++confirms_in_flight_;
      try {
        response = loopback_request(port_, "127.0.0.1", "POST",
                                    "/api/public/petitions/confirm/" + pending->token, "{}");
      } catch (const std::exception&) {
        --confirms_in_flight_;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      --confirms_in_flight_;
      if (response.status / 100 == 2 && status_in(response) == "confirmed") {
        acknowledged_.confirmed(pending->email);
        ++confirms_acknowledged_;
      } else if (response.status != 503 && response.status != 404) {
        // 404: the token was used by a request whose answer the kill swallowed; 503: not committed.
        acknowledged_.unexpected("confirm " + std::to_string(response.status) + ": " +
                                 response.body.substr(0, 200));
      }
    }
  }

  void feed_loop() {
    while (!stop_) {
      try {
        tokens_.poll();
      } catch (const std::exception& e) {
        acknowledged_.unexpected(std::string("reading the outbox: ") + e.what());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  unsigned short port_;
  std::int64_t petition_id_;
  int round_;
  const std::vector<std::string>& postcodes_;
  Acknowledged& acknowledged_;
  TokenFeed& tokens_;
  std::atomic<bool> stop_{false};
  std::atomic<int> signs_in_flight_{0};
  std::atomic<int> confirms_in_flight_{0};
  std::atomic<int> signs_acknowledged_{0};
  std::atomic<int> confirms_acknowledged_{0};
  std::vector<std::thread> threads_;
};

// Every acknowledged signature and confirmation is in the database, and count.json equals the
// GROUP BY of confirmed, counted signatures.
void expect_consistent(RawDatabase& db, unsigned short port, std::int64_t petition_id,
                       const Acknowledged& acknowledged, int round) {
  SCOPED_TRACE("after round " + std::to_string(round));
  const std::string petition = std::to_string(petition_id);
  std::map<std::string, std::string> state_of;
  for (const auto& row :
       db.rows("SELECT email, state FROM public_signatures WHERE petition_id = " + petition)) {
    state_of[row[0]] = row[1];
  }
  std::size_t lost = 0;
  std::string examples;
  for (const auto& email : acknowledged.signatures()) {
    if (state_of.count(email) == 0 && ++lost <= 5) examples += " " + email;
  }
  EXPECT_EQ(lost, 0U) << "acknowledged signatures missing from public_signatures, e.g." << examples;
  std::size_t unconfirmed = 0;
  examples.clear();
  for (const auto& email : acknowledged.confirmations()) {
    if (state_of[email] != "confirmed" && ++unconfirmed <= 5)
      examples += " " + email + " (" + state_of[email] + ")";
  }
  EXPECT_EQ(unconfirmed, 0U) << "acknowledged confirmations not confirmed in the store, e.g." << examples;

  std::int64_t grouped_total = 0;
  std::map<std::string, std::int64_t> grouped;
  for (const auto& row : db.rows(
           "SELECT COALESCE(ons_code, ''), count(*) FROM public_signatures WHERE petition_id = " + petition +
           " AND state = 'confirmed' AND standing = 'counted' GROUP BY ons_code")) {
    grouped_total += std::stoll(row[1]);
    if (!row[0].empty()) grouped[row[0]] = std::stoll(row[1]);
  }

  const auto response =
      loopback_request(port, "127.0.0.1", "GET", "/public/petitions/" + petition + "/count.json");
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 500);
  const auto counts = nlohmann::json::parse(response.body, nullptr, false);
  ASSERT_TRUE(counts.is_object()) << response.body.substr(0, 500);
  EXPECT_EQ(counts.value("signature_count", std::int64_t{-1}), grouped_total);
  std::map<std::string, std::int64_t> served;
  for (const auto& entry : counts.value("signatures_by_constituency", nlohmann::json::array())) {
    served[entry.at("ons_code").get<std::string>()] = entry.at("signature_count").get<std::int64_t>();
  }
  EXPECT_EQ(served, grouped) << "count.json's signatures_by_constituency differs from the GROUP BY";
  std::cout << "  after restart: " << state_of.size() << " signatures stored, " << grouped_total
            << " counted, in " << grouped.size() << " constituencies; count.json agrees\n";
}

class KillUnderLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = fs::temp_directory_path() / ("recall-kill-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(work_);
    fs::create_directories(work_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(work_);  // kept on failure: the server logs are in it
  }

  testing::CommandRun recall(const std::vector<std::string>& args, const std::string& input = "") {
    std::vector<std::string> all{"--db", db_};
    all.insert(all.end(), args.begin(), args.end());
    return testing::run_recall_in(work_, all, input);
  }

  // A petition open for signatures, made with the command line as an operator would script it.
  std::int64_t open_petition() {
    auto created =
        recall({"public-petition", "create", "--action", "Call a by-election in Peterborough", "--background",
                "The MP was convicted.", "--creator-name", "Kill Test Creator", "--creator-email",
                "creator@example.org", "--creator-postcode", "PE1 5ZE", "--creator-uk-resident", "--json"});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    // The JSON object is the output's last part (a log line may come first).
    const auto brace = created.out.find("\n{");
    const auto json = nlohmann::json::parse(
        brace == std::string::npos ? created.out : created.out.substr(brace + 1), nullptr, false);
    if (!json.is_object() || !json.contains("id")) {
      ADD_FAILURE() << "public-petition create --json printed no id: " << created.out << created.err;
      return 0;
    }
    const auto id = json["id"].get<std::int64_t>();
    auto published = recall({"public-petition", "publish", std::to_string(id), "--force"});
    EXPECT_EQ(published.exit_code, 0) << published.out << published.err;
    return id;
  }

  // Rounds of load and kill -9, then a polite stop; every round checked after the restart.
  void run_rounds(int rounds) {
    const auto postcodes = directory_postcodes();
    ASSERT_FALSE(postcodes.empty());
    {
      // The first start creates the schema and loads the reference data the CLI needs.
      ServerProcess first(RECALL_BINARY, db_, work_ / "server-0.log");
      first.stop();
    }
    const std::int64_t petition_id = open_petition();
    ASSERT_GT(petition_id, 0);

    const unsigned seed = std::random_device{}();
    std::mt19937 random(seed);
    RecordProperty("seed", static_cast<int>(seed));
    std::uniform_int_distribution<int> kill_after_ms(200, 1500);
    Acknowledged acknowledged;
    TokenFeed tokens(db_, petition_id);
    auto db = open_raw_database(db_);
    int rounds_killing_signs = 0;
    int rounds_killing_confirms = 0;

    auto server = std::make_unique<ServerProcess>(RECALL_BINARY, db_, work_ / "server-1.log");
    for (int round = 1; round <= rounds; ++round) {
      Load load(server->port(), petition_id, round, postcodes, acknowledged, tokens);
      load.start();
      std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(random)));
      rounds_killing_signs += load.signs_in_flight() > 0 ? 1 : 0;
      rounds_killing_confirms += load.confirms_in_flight() > 0 ? 1 : 0;
      server->kill_hard();
      load.finish();
      std::cout << "round " << round << ": " << load.signs_acknowledged() << " signatures and "
                << load.confirms_acknowledged() << " confirmations acknowledged before kill -9\n";

      server.reset();
      server = std::make_unique<ServerProcess>(RECALL_BINARY, db_,
                                               work_ / ("server-" + std::to_string(round + 1) + ".log"));
      expect_consistent(*db, server->port(), petition_id, acknowledged, round);
      if (HasFailure()) {
        ADD_FAILURE() << "seed " << seed << "; log of the killed server:\n"
                      << tail_of(work_ / ("server-" + std::to_string(round) + ".log"));
        return;
      }
    }
    EXPECT_EQ(WEXITSTATUS(server->stop()), 0);

    const auto unexpected = acknowledged.unexpected_answers();
    EXPECT_EQ(acknowledged.unexpected_count(), 0U)
        << "unexpected answers, e.g. " << (unexpected.empty() ? "" : unexpected.front());
    EXPECT_GT(acknowledged.signatures().size(), 0U)
        << "no signature was ever acknowledged: the load did nothing";
    EXPECT_GT(acknowledged.confirmations().size(), 0U) << "no confirmation was ever acknowledged";
    EXPECT_GT(rounds_killing_signs, 0) << "the kill never caught a signature in flight";
    std::cout << acknowledged.signatures().size() << " signatures and " << acknowledged.confirmations().size()
              << " confirmations acknowledged over " << rounds << " rounds; a signature was in flight at "
              << rounds_killing_signs << " kills, a confirmation at " << rounds_killing_confirms << " (seed "
              << seed << ")\n";
  }

  fs::path work_;
  std::string db_;
};

TEST_F(KillUnderLoad, SqliteFileLosesNothingAcknowledged) {
  db_ = (work_ / "recall.db").string();
  run_rounds(env_int("RECALL_KILL_ROUNDS", 20));
}

// The same against PostgreSQL, fewer rounds: the PostgreSQL cluster of the test run, a schema of its own.
TEST_F(KillUnderLoad, PostgresLosesNothingAcknowledged) {
  const char* base = std::getenv("RECALL_TEST_POSTGRES_URL");
  if (base == nullptr || *base == '\0') {
    GTEST_SKIP() << "RECALL_TEST_POSTGRES_URL is not set; export "
                    "RECALL_TEST_POSTGRES_URL=$(scripts/pg-test-cluster.sh start)";
  }
  const std::string schema = "recall_kill_" + std::to_string(::getpid());
  auto admin = open_raw_database(base);
  admin->rows("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  admin->rows("CREATE SCHEMA " + schema);
  db_ = std::string(base) + (std::string(base).find('?') == std::string::npos ? "?" : "&") +
        "options=-csearch_path%3D" + schema;
  run_rounds(env_int("RECALL_KILL_ROUNDS_POSTGRES", 5));
  admin->rows("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
}

}  // namespace
}  // namespace recall::durability
