// Public petitions through the web on a real server: create, sponsor, moderate, sign, confirm with
// the link from the email in the outbox, then the JSON documents in e-petitions' shape, ETag and
// 304, the CSV, hidden petitions, refused input and the moderators' gate.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "public_form.hpp"
#include "public_petition_world.hpp"

namespace recall::http::testing {
namespace {

const std::int64_t start = utc("2019-03-01T10:00");

std::set<std::string> keys(const nlohmann::json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.items()) out.insert(key);
  return out;
}

class PublicPetitionFlow : public ::testing::Test {
 protected:
  PublicWorld world{start};
};

TEST_F(PublicPetitionFlow, CreateSponsorModerateSignConfirmAndCount) {
  const std::int64_t id = world.open_petition("Call a by-election in Peterborough");
  const std::string page = "/public/petitions/" + std::to_string(id);
  ASSERT_EQ(world.service().find(id)->petition.state, public_petition::PublicPetitionState::open);
  const std::int64_t before = world.service().counts(id)->snapshot.total;

  const ClientResponse shown = world.client().get(page);
  EXPECT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Call a by-election in Peterborough"), std::string::npos);
  EXPECT_NE(shown.body.find("data-count-url=\"" + page + "/count.json\""), std::string::npos);
  EXPECT_NE(shown.body.find("data-ons=\"E14000878\""), std::string::npos);  // the hexmap

  // A signature in Scotland: "check your email", and the same page when the email signs again.
  const ClientResponse signed_up = world.submit_public_form(page, page + "/signatures",
                                                            signer_fields("Ann Voter", "ann@example.com", scottish_postcode));
  EXPECT_EQ(signed_up.status, 200);
  EXPECT_NE(signed_up.body.find("Check your email"), std::string::npos);
  const ClientResponse again = world.submit_public_form(page, page + "/signatures",
                                                        signer_fields("Ann Voter", "ann@example.com", scottish_postcode));
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(without_sign_tokens(again.body), without_sign_tokens(signed_up.body));
  EXPECT_EQ(world.service().counts(id)->snapshot.total, before);  // pending until confirmed

  // The confirmation link shows a button (GET confirms nothing); pressing it confirms.
  const auto link = world.confirmation_path("ann@example.com");
  ASSERT_TRUE(link.has_value());
  EXPECT_NE(world.client().get(*link).body.find("Confirm my signature"), std::string::npos);
  EXPECT_EQ(world.service().counts(id)->snapshot.total, before);
  const ClientResponse confirmed = world.confirm("ann@example.com");
  EXPECT_EQ(confirmed.status, 200);
  EXPECT_NE(confirmed.body.find("Thank you, your signature is confirmed"), std::string::npos);
  EXPECT_EQ(world.service().counts(id)->snapshot.total, before + 1);
  // The link is used up.
  const ClientResponse reused = world.submit_public_form(*link, *link, "");
  EXPECT_EQ(reused.status, 404);
  EXPECT_NE(reused.body.find("not valid any more"), std::string::npos);

  // count.json: e-petitions' names, the figures the service holds.
  const ClientResponse count = world.client().get(page + "/count.json");
  ASSERT_EQ(count.status, 200);
  const nlohmann::json c = count.json();
  EXPECT_EQ(keys(c), (std::set<std::string>{"signature_count", "updated_at", "signatures_by_constituency", "signatures_by_nation"}));
  EXPECT_EQ(c["signature_count"], before + 1);
  bool scotland_seen = false;
  for (const auto& row : c["signatures_by_constituency"]) {
    EXPECT_EQ(keys(row), (std::set<std::string>{"name", "ons_code", "mp", "signature_count"}));
    if (row["ons_code"] == world.scottish_ons_code()) {
      scotland_seen = true;
      EXPECT_EQ(row["signature_count"], 1);
      EXPECT_TRUE(row["mp"].is_null() || row["mp"].get<std::string>().ends_with(" MP"));
    }
  }
  EXPECT_TRUE(scotland_seen);
  ASSERT_EQ(c["signatures_by_nation"].size(), 4U);
  EXPECT_EQ(c["signatures_by_nation"][1]["code"], "scotland");
  EXPECT_EQ(c["signatures_by_nation"][1]["signature_count"], 1);

  // The petition document, at both paths.
  for (const std::string& path : {page + ".json", "/petitions/" + std::to_string(id) + ".json"}) {
    const ClientResponse doc = world.client().get(path);
    ASSERT_EQ(doc.status, 200) << path;
    const nlohmann::json d = doc.json();
    EXPECT_EQ(d["links"]["self"], "http://recall.test/public/petitions/" + std::to_string(id) + ".json");
    EXPECT_EQ(d["data"]["type"], "petition");
    EXPECT_EQ(d["data"]["id"], id);
    const nlohmann::json& a = d["data"]["attributes"];
    for (const char* key : {"action", "background", "additional_details", "state", "signature_count", "created_at",
                            "opened_at", "closed_at", "rejected_at", "rejection", "moderation_threshold_reached_at",
                            "response_threshold_reached_at", "debate_threshold_reached_at",
                            "signatures_by_constituency", "signatures_by_nation", "target"}) {
      EXPECT_TRUE(a.contains(key)) << key;
    }
    EXPECT_EQ(a["action"], "Call a by-election in Peterborough");
    EXPECT_EQ(a["state"], "open");
    EXPECT_EQ(a["signature_count"], before + 1);
    EXPECT_TRUE(a["closed_at"].is_null());
    EXPECT_TRUE(a["moderation_threshold_reached_at"].is_string());
    EXPECT_EQ(a["target"]["ons_code"], "E14000878");
  }
  EXPECT_EQ(world.client().get("/petitions/" + std::to_string(id) + "/count.json").json(), c);
}

TEST_F(PublicPetitionFlow, CountJsonCachingHeadersAnd304) {
  const std::int64_t id = world.open_petition("Call a by-election now");
  const std::string url = "/public/petitions/" + std::to_string(id) + "/count.json";
  const ClientResponse first = world.client().get(url);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.header("cache-control"), "public, max-age=5");
  const std::string etag = first.header("etag").value_or("");
  EXPECT_TRUE(etag.starts_with("\"" + std::to_string(id) + "-")) << etag;
  EXPECT_TRUE(first.header("last-modified").value_or("").ends_with(" GMT"));
  const ClientResponse not_modified = world.client().get(url, {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(not_modified.header("etag"), etag);

  // A new confirmed signature changes the ETag.
  const std::string page = "/public/petitions/" + std::to_string(id);
  world.submit_public_form(page, page + "/signatures", signer_fields("Bo", "bo@example.com", peterborough_postcode));
  world.confirm("bo@example.com");
  const ClientResponse changed = world.client().get(url, {{"If-None-Match", etag}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.header("etag"), etag);
}

TEST_F(PublicPetitionFlow, CsvHasEveryConstituency) {
  const std::int64_t id = world.open_petition("Call a by-election soon");
  const ClientResponse csv = world.client().get("/public/petitions/" + std::to_string(id) + "/signatures-by-constituency.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  std::size_t lines = 0;
  for (std::size_t at = csv.body.find("\r\n"); at != std::string::npos; at = csv.body.find("\r\n", at + 2)) ++lines;
  EXPECT_EQ(lines, 651U);  // header + 650
  EXPECT_TRUE(csv.body.starts_with("ons_code,name,mp,signature_count\r\n"));
  EXPECT_NE(csv.body.find("\r\nE14000878,Peterborough,"), std::string::npos);
}

TEST_F(PublicPetitionFlow, HiddenPetitionIsGoneAndUnknownIsNotFound) {
  const std::int64_t id = world.open_petition("Call a by-election here");
  // Read (and so cached) while public: hiding must still show at once.
  EXPECT_EQ(world.client().get("/public/petitions/" + std::to_string(id) + "/count.json").status, 200);
  const Browser moderator = world.sign_in("moderator");
  const ClientResponse hidden = world.client().post(
      "/moderation/petitions/" + std::to_string(id) + "/hide",
      "reason=libellous&note=&csrf_token=" + form_value(moderator.csrf), "application/x-www-form-urlencoded",
      moderator.headers());
  EXPECT_EQ(hidden.status, 303) << hidden.body.substr(0, 500);
  const std::string page = "/public/petitions/" + std::to_string(id);
  EXPECT_EQ(world.client().get(page).status, 410);
  EXPECT_EQ(world.client().get(page + ".json").status, 410);
  EXPECT_EQ(world.client().get(page + "/count.json").status, 410);
  EXPECT_EQ(world.client().get(page).body.find("Call a by-election here"), std::string::npos);
  EXPECT_EQ(world.client().get("/public/petitions/99999").status, 404);
  EXPECT_EQ(world.client().get("/public/petitions/99999/count.json").status, 404);
}

TEST_F(PublicPetitionFlow, DocumentsFollowPublicationAndRejection) {
  // Waiting for moderation: not public, even once asked for.
  const std::int64_t waiting = world.sponsored_petition("Call a by-election after moderation");
  const std::string waiting_url = "/petitions/" + std::to_string(waiting) + ".json";
  EXPECT_EQ(world.client().get(waiting_url).status, 404);
  EXPECT_EQ(world.moderate(waiting, "publish").status, 303);
  const ClientResponse published = world.client().get(waiting_url);
  ASSERT_EQ(published.status, 200);
  EXPECT_EQ(published.json()["data"]["attributes"]["state"], "open");

  // Rejected: the text and the reason stay public (e-petitions' "rejected" state), with no count.
  const std::int64_t refused = world.sponsored_petition("Call a by-election somewhere else");
  EXPECT_EQ(world.moderate(refused, "reject", "reason=duplicate&note=" + form_value("See the open one")).status, 303);
  const std::string page = "/public/petitions/" + std::to_string(refused);
  EXPECT_EQ(world.client().get(page).status, 200);
  const ClientResponse doc = world.client().get(page + ".json");
  ASSERT_EQ(doc.status, 200) << doc.body;
  const nlohmann::json a = doc.json()["data"]["attributes"];
  EXPECT_EQ(a["state"], "rejected");
  EXPECT_EQ(a["action"], "Call a by-election somewhere else");
  EXPECT_EQ(a["rejection"], (nlohmann::json{{"code", "duplicate"}, {"details", "See the open one"}}));
  EXPECT_TRUE(a["rejected_at"].is_string());
  EXPECT_EQ(a["signature_count"], 0);
  const ClientResponse count = world.client().get(page + "/count.json");
  ASSERT_EQ(count.status, 200);
  EXPECT_EQ(count.json()["signature_count"], 0);
  // The list links to it.
  const nlohmann::json list = world.client().get("/public/petitions.json?state=rejected").json();
  ASSERT_EQ(list["data"].size(), 1U);
  EXPECT_EQ(list["data"][0]["links"]["self"], "http://recall.test" + page + ".json");
  EXPECT_EQ(list["data"][0]["attributes"]["rejection"]["code"], "duplicate");
}

TEST_F(PublicPetitionFlow, AccessLogLeavesOutConfirmationTokens) {
  const std::int64_t id = world.open_petition("Call a by-election, logged");
  auto previous = spdlog::default_logger();
  std::ostringstream lines;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines);
  sink->set_pattern("%v");
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("public-log-test", sink));
  // A failed confirmation is logged; the token in its path is not.
  const std::string token(43, 'A');
  const std::string link = "/public/petitions/" + std::to_string(id) + "/confirm/" + token;
  EXPECT_EQ(world.submit_public_form(link, link, "").status, 404);
  std::string text;
  for (int i = 0; i < 200 && text.find("/confirm/") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    spdlog::default_logger()->flush();
    text = lines.str();
  }
  spdlog::set_default_logger(previous);
  EXPECT_NE(text.find("POST /public/petitions/" + std::to_string(id) + "/confirm/<token> 404"), std::string::npos) << text;
  EXPECT_EQ(text.find(token), std::string::npos) << text;
}

TEST_F(PublicPetitionFlow, RefusedInputNamesTheField) {
  const std::int64_t id = world.open_petition("Call a by-election again");
  const std::string page = "/public/petitions/" + std::to_string(id);
  const ClientResponse refused = world.submit_public_form(page, page + "/signatures",
                                                          signer_fields("Cy", "not-an-email", peterborough_postcode));
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("id=\"email-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"Cy\""), std::string::npos);  // filled in again

  const ClientResponse api = world.client().post("/api/public/petitions/" + std::to_string(id) + "/signatures",
                                                 R"({"name":"Cy","email":"cy@example.com","postcode":"PE1 1HG"})",
                                                 "application/json");
  EXPECT_EQ(api.status, 400);
  EXPECT_EQ(api.json()["field"], "uk_resident");

  const ClientResponse long_action = world.submit_public_form(
      "/public/petitions/new", "/public/petitions/new",
      "action=" + std::string(81, 'a') + "&background=b&" + signer_fields("Di", "di@example.com", peterborough_postcode));
  EXPECT_EQ(long_action.status, 400);
  EXPECT_NE(long_action.body.find("id=\"action-error\""), std::string::npos);
}

TEST_F(PublicPetitionFlow, JsonTwinNeedsApplicationJson) {
  const std::int64_t id = world.open_petition("Call a by-election by JSON");
  const std::string url = "/api/public/petitions/" + std::to_string(id) + "/signatures";
  const std::string body = R"({"name":"Ed","email":"ed@example.com","postcode":"PE1 1HG","uk_resident":true})";
  const ClientResponse as_form = world.client().post(url, body, "application/x-www-form-urlencoded");
  EXPECT_EQ(as_form.status, 400);
  EXPECT_EQ(as_form.json()["field"], "content-type");
  const ClientResponse as_text = world.client().post(url, body, "text/plain");
  EXPECT_EQ(as_text.status, 400);

  const ClientResponse accepted = world.client().post(url, body, "application/json");
  EXPECT_EQ(accepted.status, 202);
  EXPECT_EQ(accepted.json()["status"], "pending");
  const ClientResponse repeated = world.client().post(url, body, "application/json; charset=utf-8");
  EXPECT_EQ(repeated.status, 202);
  EXPECT_EQ(repeated.body, accepted.body);

  const auto link = world.confirmation_path("ed@example.com");
  ASSERT_TRUE(link.has_value());
  const std::string token = link->substr(link->rfind('/') + 1);
  const ClientResponse confirmed = world.client().post("/api/public/petitions/confirm/" + token, "{}", "application/json");
  EXPECT_EQ(confirmed.status, 200);
  EXPECT_EQ(confirmed.json()["status"], "confirmed");
  EXPECT_EQ(confirmed.json()["petition_id"], id);
  EXPECT_EQ(world.client().post("/api/public/petitions/confirm/" + token, "{}", "application/json").status, 404);
}

TEST_F(PublicPetitionFlow, ModerationPagesNeedTheModeratorRole) {
  const Browser observer = world.sign_in("observer");
  EXPECT_EQ(world.client().get("/moderation", observer.headers()).status, 403);
  EXPECT_EQ(world.client().get("/api/moderation").status, 401);
  EXPECT_EQ(world.client().get("/moderation/blocks", observer.headers()).status, 403);
  EXPECT_EQ(world.client().post("/moderation/blocks", "kind=domain&value=x.example&csrf_token=" + form_value(observer.csrf),
                                "application/x-www-form-urlencoded", observer.headers()).status, 403);
  const Browser moderator = world.sign_in("moderator");
  EXPECT_EQ(world.client().get("/moderation", moderator.headers()).status, 200);
  EXPECT_EQ(world.client().get("/moderation/blocks", moderator.headers()).status, 200);
  // A moderator's POST without the CSRF token is refused.
  EXPECT_EQ(world.client().post("/moderation/blocks", "kind=domain&value=spam.example", "application/x-www-form-urlencoded",
                                moderator.headers()).status, 403);
  const ClientResponse added = world.client().post(
      "/moderation/blocks", "kind=domain&value=spam.example&note=test&csrf_token=" + form_value(moderator.csrf),
      "application/x-www-form-urlencoded", moderator.headers());
  EXPECT_EQ(added.status, 303);
  EXPECT_NE(world.client().get("/moderation/blocks", moderator.headers()).body.find("spam.example"), std::string::npos);
}

TEST_F(PublicPetitionFlow, ListsPrivacyAndRecount) {
  const std::int64_t id = world.open_petition("Call a by-election in the list");
  const ClientResponse list = world.client().get("/public/petitions.json");
  ASSERT_EQ(list.status, 200);
  const nlohmann::json l = list.json();
  ASSERT_EQ(l["data"].size(), 1U);
  EXPECT_EQ(l["data"][0]["type"], "petition");
  EXPECT_EQ(l["data"][0]["id"], id);
  EXPECT_EQ(l["data"][0]["attributes"]["action"], "Call a by-election in the list");
  EXPECT_TRUE(l["data"][0]["attributes"]["signature_count"].is_number());
  EXPECT_TRUE(l["links"].contains("self"));
  EXPECT_NE(world.client().get("/public/petitions").body.find("Call a by-election in the list"), std::string::npos);
  EXPECT_EQ(world.client().get("/public/petitions?state=hidden").status, 400);
  const ClientResponse privacy = world.client().get("/public/privacy");
  EXPECT_EQ(privacy.status, 200);
  EXPECT_NE(privacy.body.find("6 months after"), std::string::npos);

  const Browser moderator = world.sign_in("moderator");
  const ClientResponse recount = world.client().post("/moderation/petitions/" + std::to_string(id) + "/recount",
                                                     "csrf_token=" + form_value(moderator.csrf),
                                                     "application/x-www-form-urlencoded", moderator.headers());
  EXPECT_EQ(recount.status, 200);
  EXPECT_NE(recount.body.find("data-recall-recount=\"agree\""), std::string::npos);
}

}  // namespace
}  // namespace recall::http::testing
