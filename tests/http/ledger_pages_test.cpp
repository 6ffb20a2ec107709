// The petition ledger on the web (issue 4), against a real server: the deployment's key at its
// well-known address; while sealed, every ledger answer and every receipt check the same for a petition
// nobody signed and one a hundred signed, and for a real receipt code and a random one; after the
// declaration, downloads that are exactly the published petition and pass `recall verify petition`,
// receipts from the clerk's page that verify with the proof the receipt check gives, and consistency
// proofs between the published checkpoints.
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include "core/ledger/checkpoint.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "core/ledger/signed_note.hpp"
#include "core/petition/receipt.hpp"
#include "core/register/register_entry.hpp"
#include "petition_world.hpp"
#include "public_form.hpp"
#include "verify/published_petition.hpp"
#include "verify/verify_petition.hpp"

namespace recall::http::testing {
namespace {

namespace fs = std::filesystem;

// The status, headers (without Date) and body, with the public forms' random tokens masked.
std::string described(const ClientResponse& response) {
  std::string out = std::to_string(response.status) + "\n";
  for (const auto& [name, value] : response.headers) {
    if (name != "date") out += name + ": " + value + "\n";
  }
  return without_sign_tokens(out + "\n" + response.body);
}

ledger::Checkpoint checkpoint_of(const std::string& signed_note) {
  return ledger::parse_checkpoint(ledger::parse_signed_note(signed_note).text);
}

// A code no signer was given (the nonce is random, so it matches no leaf).
std::string random_code() {
  ReceiptNonce nonce{};
  for (std::size_t i = 0; i < nonce.size(); ++i) nonce[i] = static_cast<std::uint8_t>(37 * i + 11);
  return receipt_code(nonce);
}

class LedgerPages : public ::testing::Test {
 protected:
  PetitionWorld world{utc("2019-03-06T10:00")};
  std::int64_t id = 0;
  std::vector<ElectorNotice> notices;

  void SetUp() override {
    id = world.open_peterborough(world.sign_in("officer"));
    notices = world.service().elector_notices(world.actor("officer"), id);
    ASSERT_GT(notices.size(), 100u);
  }

  std::string path(const std::string& rest = "") const { return "/petitions/" + std::to_string(id) + rest; }

  // The clerk marks notices [first, first + count) at their own places, the clock moving on ten
  // seconds every `per_checkpoint` marks so the log is signed as it grows. The receipt codes given.
  std::vector<std::string> mark(PetitionWorld& in, std::size_t first, std::size_t count, std::size_t per_checkpoint = 10) {
    in.set_time(utc("2019-03-19T10:00"));
    const Browser clerk = in.sign_in("clerk");
    std::vector<std::string> codes;
    for (std::size_t i = first; i < first + count && i < notices.size(); ++i) {
      if ((i - first) % per_checkpoint == 0) in.set_time(utc("2019-03-19T10:00") + static_cast<std::int64_t>(i) * 10);
      const ClientResponse answer =
          in.post(clerk, path("/places/" + std::to_string(notices[i].place.id) + "/clerk"),
                  "elector_number=" + form_value(notices[i].elector.entry.elector_number) + "&identity_evidence=passport", true);
      EXPECT_EQ(answer.status, 200) << answer.body;
      const nlohmann::json outcome = answer.json().at("outcome");
      if (outcome.at("outcome") != "signed") continue;
      EXPECT_EQ(outcome.at("has_receipt"), true);
      codes.push_back(outcome.at("receipt").at("code"));
    }
    return codes;
  }

  // After the close: the count, the Speaker told and the public notice, through the web.
  void declare(PetitionWorld& in) {
    in.set_time(utc("2019-05-02T10:00"));
    const Browser officer = in.sign_in("officer");
    for (const char* step : {"count", "speaker-notified", "declare"}) {
      const ClientResponse done = in.post(officer, path(std::string("/") + step), "", true);
      ASSERT_EQ(done.status, 200) << step << ": " << done.body;
    }
  }

  // POSTs a receipt check with the form token of a fresh GET of the JSON twin (the sealed page shows
  // no form to take it from), as a page or as an API client.
  static ClientResponse check_receipt(PetitionWorld& in, const std::string& target, const std::string& code, bool json) {
    const ClientResponse form = in.client().get("/api" + target);
    EXPECT_EQ(form.status, 200) << form.body;
    const std::string token = form.json().at("sign_token");
    if (json) {
      return in.client().post("/api" + target, "code=" + form_value(code), "application/x-www-form-urlencoded",
                              {{"Cookie", cookie_pair(form)}, {"X-CSRF-Token", token}});
    }
    return in.client().post(target, "code=" + form_value(code) + "&sign_token=" + token,
                            "application/x-www-form-urlencoded", {{"Cookie", cookie_pair(form)}, {"Accept", "text/html"}});
  }

  ClientResponse public_get(PetitionWorld& in, const std::string& target, bool json = false) {
    return in.get(Browser{}, target, json);
  }
};

TEST_F(LedgerPages, TheWellKnownKeyIsTheDeploymentsVerifierKey) {
  const ClientResponse key = public_get(world, "/.well-known/recall-key");
  ASSERT_EQ(key.status, 200) << key.body;
  EXPECT_EQ(key.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(key.body, ledger::encode_verifier_key(test_ledger_key().verifier()) + "\n");
  EXPECT_EQ(ledger::parse_verifier_key(key.body.substr(0, key.body.size() - 1)), test_ledger_key().verifier());

  PetitionWorld keyless(utc("2019-03-06T10:00"), false);
  EXPECT_EQ(keyless.get(Browser{}, "/.well-known/recall-key").status, 404);
  const ClientResponse problem = keyless.get(Browser{}, "/.well-known/recall-key", true);
  EXPECT_EQ(problem.status, 404);
  EXPECT_EQ(problem.header("content-type"), "application/problem+json");
}

TEST_F(LedgerPages, SealedAnswersAreTheSameWithAndWithoutSignaturesAndForAnyCode) {
  PetitionWorld quiet{utc("2019-03-06T10:00")};
  ASSERT_EQ(quiet.open_peterborough(quiet.sign_in("officer")), id);
  const std::vector<std::string> codes = mark(world, 0, 100);
  ASSERT_GE(codes.size(), 90u);
  quiet.set_time(utc("2019-03-19T10:00") + 1000);
  world.set_time(utc("2019-03-19T10:00") + 1000);
  ASSERT_FALSE(world.store().ledgers().list_checkpoints(id).empty()) << "the busy log has checkpoints to hide";

  const auto compare = [&](const std::string& when) {
    const std::vector<std::pair<std::string, int>> targets{
        {path("/ledger"), 200},
        {"/api" + path("/ledger"), 200},
        {path("/ledger/checkpoint"), 409},
        {path("/ledger/checkpoints/1"), 409},
        {path("/ledger/checkpoints/11"), 409},
        {path("/ledger/consistency?old=1&new=11"), 409},
        {"/api" + path("/ledger/consistency?old=0&new=1"), 409},
        {path("/export/petition.json"), 409},
        {path("/export/leaves.bin"), 409},
        {path("/export/checkpoint"), 409},
        {path("/export/key.pub"), 409},
        {path("/export/checkpoints/1"), 409},
        {path("/receipt"), 200},
        {"/api" + path("/receipt"), 200},
    };
    for (const auto& [target, status] : targets) {
      for (bool json : {false, true}) {
        const ClientResponse one = public_get(quiet, target, json);
        const ClientResponse two = public_get(world, target, json);
        EXPECT_EQ(one.status, status) << when << " " << target << "\n" << one.body.substr(0, 300);
        EXPECT_EQ(described(one), described(two)) << when << " " << target;
      }
    }
    const nlohmann::json ledger = public_get(world, "/api" + path("/ledger")).json();
    EXPECT_EQ(ledger.at("sealed"), true);
    EXPECT_EQ(ledger.at("origin"), "recall.test/petitions/" + std::to_string(id));
    EXPECT_FALSE(ledger.contains("tree_size"));
    EXPECT_FALSE(ledger.contains("checkpoint"));
    EXPECT_EQ(public_get(world, path("/ledger")).body.find("Leaves in the log"), std::string::npos);

    // A real receipt and a random code, in the world where it is real and in the one where nobody signed.
    for (bool json : {false, true}) {
      const std::string real = described(check_receipt(world, path("/receipt"), codes.front(), json));
      EXPECT_EQ(real, described(check_receipt(world, path("/receipt"), random_code(), json))) << when;
      EXPECT_EQ(real, described(check_receipt(quiet, path("/receipt"), codes.front(), json))) << when;
      EXPECT_EQ(real, described(check_receipt(quiet, path("/receipt"), "not a code", json))) << when;
      EXPECT_EQ(real.substr(0, 4), "409\n") << real;
    }
  };
  compare("while signing");

  // Counted but not yet declared: still sealed.
  for (PetitionWorld* in : {&quiet, &world}) {
    in->set_time(utc("2019-05-02T10:00"));
    const Browser officer = in->sign_in("officer");
    ASSERT_EQ(in->post(officer, path("/count"), "", true).status, 200);
  }
  compare("counted");
}

TEST_F(LedgerPages, DownloadsAfterTheDeclarationAreThePublishedPetitionAndVerify) {
  mark(world, 0, 35);
  declare(world);
  const PublishedPetition published = world.service().published_petition(id);
  ASSERT_FALSE(published.leaves.empty());
  ASSERT_FALSE(published.checkpoints.empty()) << "the log was signed as it grew";

  const nlohmann::json ledger = public_get(world, "/api" + path("/ledger")).json();
  EXPECT_EQ(ledger.at("sealed"), false);
  EXPECT_EQ(ledger.at("leaves_published"), true);
  EXPECT_EQ(ledger.at("tree_size"), published.leaves.size());
  EXPECT_EQ(ledger.at("checkpoint"), published.checkpoint);
  EXPECT_EQ(ledger.at("checkpoints").size(), published.checkpoints.size() + 1);
  const ClientResponse page = public_get(world, path("/ledger"));
  EXPECT_NE(page.body.find("Leaves in the log"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"" + path("/export/leaves.bin") + "\""), std::string::npos);

  std::map<std::string, std::string> expected{{"petition.json", published_petition_json(published)},
                                              {"leaves.bin", published_leaves_bytes(published)},
                                              {"checkpoint", published.checkpoint},
                                              {"key.pub", published.verifier_key + "\n"}};
  for (const std::string& note : published.checkpoints) {
    expected["checkpoints/" + std::to_string(checkpoint_of(note).size)] = note;
  }
  const fs::path folder = fs::temp_directory_path() / ("recall-ledger-pages-" + std::to_string(std::random_device{}()));
  fs::remove_all(folder);
  fs::create_directories(folder / "checkpoints");
  for (const auto& [name, bytes] : expected) {
    const ClientResponse file = public_get(world, path("/export/" + name));
    ASSERT_EQ(file.status, 200) << name << ": " << file.body;
    EXPECT_TRUE(file.body == bytes) << name << " differs from what `recall petition export` writes";
    EXPECT_EQ(file.header("cache-control"), "public, max-age=31536000, immutable") << name;
    const std::string etag = file.header("etag").value_or("");
    ASSERT_FALSE(etag.empty()) << name;
    const ClientResponse again = world.client().get(path("/export/" + name), {{"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304) << name;
    EXPECT_TRUE(again.body.empty()) << name;
    std::ofstream(folder / name, std::ios::binary) << file.body;
  }
  EXPECT_EQ(public_get(world, path("/export/leaves.bin")).header("content-type"), "application/octet-stream");
  EXPECT_EQ(public_get(world, path("/export/petition.json")).header("content-type"), "application/json");
  EXPECT_EQ(public_get(world, path("/export/nothing.txt")).status, 404);
  EXPECT_EQ(public_get(world, path("/export/checkpoints/99999")).status, 404);

  // The folder of downloads passes the offline check, against the key from the well-known address.
  std::string key = public_get(world, "/.well-known/recall-key").body;
  key.pop_back();
  const PetitionVerification verified = verify_published_petition(read_published_petition(folder), key);
  EXPECT_TRUE(verified.ok()) << (verified.problems.empty() ? "" : verified.problems.front().message);
  EXPECT_EQ(verified.tree_size, published.leaves.size());
  fs::remove_all(folder);

  // The ledger's own answers agree with the export.
  const ClientResponse latest = public_get(world, path("/ledger/checkpoint"));
  EXPECT_EQ(latest.status, 200);
  EXPECT_EQ(latest.body, published.checkpoint);
  for (const std::string& note : published.checkpoints) {
    EXPECT_EQ(public_get(world, path("/ledger/checkpoints/" + std::to_string(checkpoint_of(note).size))).body, note);
  }
}

TEST_F(LedgerPages, AClerksReceiptVerifiesAfterTheDeclarationWithTheDownloadedProof) {
  const std::vector<std::string> codes = mark(world, 0, 12, 4);
  ASSERT_GE(codes.size(), 10u);
  // The clerk's page shows the code large enough to copy, with the printable receipt.
  {
    world.set_time(utc("2019-03-19T11:00"));
    const Browser clerk = world.sign_in("clerk");
    std::size_t next = 12;
    while (next < notices.size() && (!notices[next].elector.entitled || notices[next].elector.entry.absent_vote != AbsentVote::none)) ++next;
    ASSERT_LT(next, notices.size());
    const ElectorNotice& elector = notices[next];
    const ClientResponse page = world.post(clerk, path("/places/" + std::to_string(elector.place.id) + "/clerk"),
                                           "elector_number=" + form_value(elector.elector.entry.elector_number) +
                                               "&identity_evidence=passport");
    ASSERT_EQ(page.status, 200);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(page.body, match, std::regex(R"(data-receipt-code>([0-9A-Z-]+)<)"))) << page.body;
    EXPECT_TRUE(parse_receipt_code(match[1].str()).has_value());
    EXPECT_NE(page.body.find("Receipt for the elector"), std::string::npos);
  }
  declare(world);
  const std::string code = codes.at(3);
  std::string key = public_get(world, "/.well-known/recall-key").body;
  key.pop_back();

  const ClientResponse checked = check_receipt(world, path("/receipt"), code, true);
  ASSERT_EQ(checked.status, 200) << checked.body;
  const nlohmann::json view = checked.json();
  EXPECT_EQ(view.at("found"), true);
  EXPECT_EQ(view.at("receipt").at("code"), code);
  EXPECT_EQ(view.at("receipt").at("event").at("accepted"), true);
  EXPECT_EQ(view.at("receipt").at("event").at("channel"), "in-person");
  EXPECT_EQ(view.at("receipt").at("verified"), true);
  EXPECT_LT(view.at("receipt").at("leaf_index").get<std::uint64_t>(), view.at("receipt").at("tree_size").get<std::uint64_t>());
  const ReceiptFile file = parse_receipt_file(view.at("receipt_file").get<std::string>());
  ASSERT_TRUE(file.proof.has_value());
  EXPECT_EQ(receipt_code(file.receipt.leaf.nonce), code);
  const ReceiptVerification offline = verify_receipt(file, ledger::parse_verifier_key(key));
  EXPECT_TRUE(offline.ok) << offline.message;
  EXPECT_EQ(offline.tree_size, world.service().published_petition(id).leaves.size());

  // The download is the same file; the code travels in the body, never the URL.
  const ClientResponse form = world.client().get(path("/receipt"), {{"Accept", "text/html"}});
  const ClientResponse download =
      world.client().post(path("/receipt.txt"), "code=" + form_value(code) + "&sign_token=" + token_in(form.body),
                          "application/x-www-form-urlencoded", {{"Cookie", cookie_pair(form)}});
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_EQ(download.body, view.at("receipt_file").get<std::string>());
  EXPECT_NE(download.header("content-disposition").value_or("").find("attachment"), std::string::npos);

  // Typed as people type it: lower case, no hyphens.
  std::string typed;
  for (char c : code) {
    if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const ClientResponse page = check_receipt(world, path("/receipt"), typed, false);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("This receipt is in the counted log"), std::string::npos);
  EXPECT_NE(page.body.find("Included at position " + std::to_string(view.at("receipt").at("position").get<long>())),
            std::string::npos);

  const ClientResponse unknown = check_receipt(world, path("/receipt"), random_code(), false);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("No sheet has this receipt code"), std::string::npos);
  EXPECT_EQ(check_receipt(world, path("/receipt"), random_code(), true).json().at("found"), false);

  const ClientResponse malformed = check_receipt(world, path("/receipt"), "hello", false);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(malformed.body.find("href=\"#code\""), std::string::npos);
  EXPECT_EQ(check_receipt(world, path("/receipt"), "hello", true).json().at("field"), "code");

  // Without the form's cookie token (a cross-site post) nothing is checked.
  EXPECT_EQ(world.client().post(path("/receipt"), "code=" + form_value(code)).status, 403);
}

TEST_F(LedgerPages, ConsistencyProofsBetweenPublishedCheckpointsVerify) {
  mark(world, 0, 30, 7);
  declare(world);
  const nlohmann::json ledger = public_get(world, "/api" + path("/ledger")).json();
  std::vector<std::pair<std::uint64_t, ledger::Hash>> sizes{{0, ledger::empty_root()}};
  for (const auto& listed : ledger.at("checkpoints")) {
    const std::string note = public_get(world, listed.at("href").get<std::string>()).body;
    const ledger::Checkpoint checkpoint = ledger::open_checkpoint(note, test_ledger_key().verifier());
    sizes.emplace_back(checkpoint.size, checkpoint.root);
  }
  ASSERT_GE(sizes.size(), 4u);
  for (std::size_t a = 0; a < sizes.size(); ++a) {
    for (std::size_t b = a; b < sizes.size(); ++b) {
      const auto& [old_size, old_root] = sizes[a];
      const auto& [new_size, new_root] = sizes[b];
      const ClientResponse answer = public_get(
          world, path("/ledger/consistency?old=" + std::to_string(old_size) + "&new=" + std::to_string(new_size)));
      ASSERT_EQ(answer.status, 200) << answer.body;
      const nlohmann::json json = answer.json();
      EXPECT_EQ(json.at("old_size"), old_size);
      EXPECT_EQ(json.at("new_size"), new_size);
      std::vector<ledger::Hash> proof;
      for (const auto& hash : json.at("proof")) {
        const std::vector<std::uint8_t> bytes = ledger::from_base64(hash.get<std::string>());
        ASSERT_EQ(bytes.size(), ledger::hash_size);
        ledger::Hash h{};
        std::copy(bytes.begin(), bytes.end(), h.begin());
        proof.push_back(h);
      }
      EXPECT_TRUE(ledger::verify_consistency(old_size, new_size, old_root, new_root, proof))
          << old_size << " -> " << new_size;
    }
  }
  const std::string last = std::to_string(sizes.back().first);
  const ClientResponse word = public_get(world, path("/ledger/consistency?old=x&new=" + last), true);
  EXPECT_EQ(word.status, 400);
  EXPECT_EQ(word.json().at("field"), "old");
  EXPECT_EQ(public_get(world, path("/ledger/consistency?old=2&new=1"), true).json().at("field"), "old_size");
  EXPECT_EQ(public_get(world, path("/ledger/consistency?old=1&new=" + last + "0"), true).json().at("field"), "new_size");
}

TEST_F(LedgerPages, ThePostalTeamIsGivenTheSheetsReceiptCode) {
  world.set_time(utc("2019-03-20T10:00"));
  const Browser postal = world.sign_in("postal");
  std::vector<const ElectorNotice*> postal_voters;
  for (const ElectorNotice& notice : notices) {
    if (notice.elector.entitled && notice.elector.entry.absent_vote == AbsentVote::postal) postal_voters.push_back(&notice);
  }
  ASSERT_GE(postal_voters.size(), 2u);
  const ElectorNotice& elector = *postal_voters[0];
  const ClientResponse recorded = world.post(postal, path("/postal/returns"),
                                             "elector_number=" + form_value(elector.elector.entry.elector_number) +
                                                 "&official_mark=yes&date_of_birth_matched=yes&signature_matched=yes"
                                                 "&received_on=2019-03-20",
                                             true);
  ASSERT_EQ(recorded.status, 200) << recorded.body;
  const nlohmann::json outcome = recorded.json().at("outcome");
  ASSERT_EQ(outcome.at("has_receipt"), true) << recorded.body;
  EXPECT_TRUE(parse_receipt_code(outcome.at("receipt").at("code").get<std::string>()).has_value());
  EXPECT_EQ(outcome.at("receipt").at("event").at("channel"), "postal");

  const ElectorNotice& another = *postal_voters[1];
  const ClientResponse page = world.post(postal, path("/postal/returns"),
                                         "elector_number=" + form_value(another.elector.entry.elector_number) +
                                             "&official_mark=yes&date_of_birth_matched=yes&received_on=2019-03-20");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Receipt code for the elector"), std::string::npos);
  EXPECT_NE(page.body.find("data-receipt-code"), std::string::npos);
}

TEST_F(LedgerPages, ReceiptChecksAreLimitedPerAddress) {
  for (int i = 0; i < WebAuth::receipt_checks_allowed; ++i) {
    ASSERT_EQ(check_receipt(world, path("/receipt"), random_code(), true).status, 409) << i;
  }
  const ClientResponse refused = check_receipt(world, path("/receipt"), random_code(), true);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.json().at("field"), "code");
  const ClientResponse page = check_receipt(world, path("/receipt"), random_code(), false);
  EXPECT_EQ(page.status, 429);
  EXPECT_NE(page.body.find("govuk-error-summary"), std::string::npos);
}

}  // namespace
}  // namespace recall::http::testing
