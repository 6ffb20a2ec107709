// Online signing through the web pages on a real server, with a real SMTP server and the outbox worker
// running: the form, the emailed code, the receipt page and its download; the same answer whoever asks
// for a code; the cookie-bound form token.
#include <gtest/gtest.h>

#include <regex>

#include "core/ledger/encoding.hpp"
#include "core/petition/receipt.hpp"
#include "core/rules/event.hpp"
#include "http/auth/web_auth.hpp"
#include "http/routes/routes.hpp"
#include "http/site.hpp"
#include "http_url/url.hpp"
#include "public_form.hpp"
#include "server_fixture.hpp"
#include "service/online_codes.hpp"
#include "service/outbox_worker.hpp"
#include "service/smtp_sender.hpp"
#include "support/online_petition.hpp"
#include "support/smtp_server.hpp"

namespace recall::http::testing {
namespace {

using recall::testing::OnlinePetition;
using recall::testing::ReceivedEmail;
using recall::testing::SmtpServer;

std::string code_in(const ReceivedEmail& email) {
  std::smatch match;
  if (!std::regex_search(email.body, match, std::regex("\n    ([0-9]{6})\n"))) {
    ADD_FAILURE() << "no code in: " << email.body;
    return {};
  }
  return match[1];
}

std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(name) + "=" + percent_encode(value);
  }
  return out;
}

struct Details {
  std::string elector, day, month, year, postcode, email;
};

const Details ada{"pa-1", "10", "12", "1980", "pe1 1aa", "ada@example.com"};
const Details alan{"PA-2", "1", "6", "1975", "PE1 2BB", "alan@example.com"};
const Details nobody{"PA-99", "1", "6", "1975", "PE1 2BB", "nobody@example.com"};

class OnlineSignPages : public ServerFixture {
 protected:
  explicit OnlineSignPages(std::string policy = "uk-change-of-party") : petition_(std::move(policy)) {}

  void SetUp() override {
    auth_ = std::make_unique<WebAuth>(petition_.store(), petition_.clock());
    public_petitions_ = std::make_unique<PublicPetitionService>(petition_.store(), petition_.store(),
                                                                recall::testing::test_parliament(), petition_.clock());
    site_ = std::make_unique<Site>(Site{recall::testing::test_parliament(), recall::testing::test_policies(), calendar(),
                                        petition_.store(), templates(), petition_.service(), *auth_,
                                        *public_petitions_});
    router_ = std::make_unique<Router>(&templates());
    add_routes(*router_, *site_);
    start(*router_);
    auto sender = std::make_shared<SmtpSender>(SmtpConfig::relay(smtp_.url(), "petitions@example.gov.uk"));
    OutboxPolicy policy;
    policy.poll_interval = std::chrono::milliseconds(20);
    worker_ = std::make_unique<OutboxWorker>(
        petition_.store().outbox(), [sender](const OutboxMessage& m, std::int64_t now) { sender->send(m, now); },
        petition_.clock(), policy);
    worker_->start();
  }
  void TearDown() override {
    worker_->stop();
    ServerFixture::TearDown();
  }

  static const ParliamentCalendar& calendar() {
    static const ParliamentCalendar instance = ParliamentCalendar::load(RECALL_SOURCE_DIR "/data/parliaments.yaml");
    return instance;
  }

  std::string path(const std::string& rest = "") const {
    return "/petitions/" + std::to_string(petition_.petition_id()) + "/sign" + rest;
  }

  // GET the form (or its JSON twin), POST the details with its token and cookie.
  ClientResponse ask_for_code(const Details& d, bool json = false) {
    const std::string body = form({{"elector_number", d.elector}, {"date_of_birth-day", d.day},
                                   {"date_of_birth-month", d.month}, {"date_of_birth-year", d.year},
                                   {"postcode", d.postcode}, {"email", d.email}});
    if (json) {
      const ClientResponse twin = client().get("/api" + path());
      EXPECT_EQ(twin.status, 200);
      return client().post("/api" + path(), body, "application/x-www-form-urlencoded",
                           {{"Cookie", cookie_pair(twin)}, {"X-CSRF-Token", twin.json()["sign_token"]}});
    }
    const ClientResponse page = client().get(path(), {{"Accept", "text/html"}});
    EXPECT_EQ(page.status, 200);
    return client().post(path(), body + "&sign_token=" + token_in(page.body), "application/x-www-form-urlencoded",
                         {{"Cookie", cookie_pair(page)}, {"Accept", "text/html"}});
  }

  // GET the code page with the elector cookie, POST the code.
  ClientResponse enter_code(const std::string& elector_cookie, const std::string& code) {
    const ClientResponse page = client().get(path("/code"), {{"Cookie", elector_cookie}, {"Accept", "text/html"}});
    EXPECT_EQ(page.status, 200);
    return client().post(path("/code"), form({{"code", code}, {"sign_token", token_in(page.body)}}),
                         "application/x-www-form-urlencoded",
                         {{"Cookie", cookie_pair(page) + "; " + elector_cookie}, {"Accept", "text/html"}});
  }

  OnlinePetition petition_;
  SmtpServer smtp_;
  std::unique_ptr<WebAuth> auth_;
  std::unique_ptr<PublicPetitionService> public_petitions_;  // not started: only the site needs one
  std::unique_ptr<Site> site_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<OutboxWorker> worker_;
};

TEST_F(OnlineSignPages, SignsFromFormToReceipt) {
  const ClientResponse page = client().get(path(), {{"Accept", "text/html"}});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Sign the petition online"), std::string::npos);
  EXPECT_NE(page.body.find("Email me a code"), std::string::npos);
  EXPECT_EQ(page.header("cache-control"), "no-store");
  EXPECT_NE(page.header("set-cookie").value_or("").find("__Host-recall-sign="), std::string::npos);
  EXPECT_NE(page.header("set-cookie").value_or("").find("HttpOnly; SameSite=Strict"), std::string::npos);

  const ClientResponse asked = ask_for_code(ada);
  ASSERT_EQ(asked.status, 303) << asked.body;
  EXPECT_EQ(asked.header("location"), path("/code"));
  const std::string elector_cookie = cookie_pair(asked);
  EXPECT_EQ(elector_cookie, "__Host-recall-sign-elector=" + std::to_string(petition_.petition_id()) + "~PA-1");

  auto mail = smtp_.wait_for_messages(1);
  ASSERT_EQ(mail.size(), 1U);
  EXPECT_EQ(mail[0].header("x-rcptto"), "ada@example.com");

  const ClientResponse signed_in = enter_code(elector_cookie, code_in(mail[0]));
  ASSERT_EQ(signed_in.status, 303) << signed_in.body;
  EXPECT_EQ(signed_in.header("location"), path("/receipt"));
  const std::string receipt_cookie = cookie_pair(signed_in);
  const auto sheet = petition_.store().petitions().find_signature(petition_.petition_id(), "PA-1");
  ASSERT_TRUE(sheet);
  const std::string grouped = group_receipt_code(sheet->receipt);

  const ClientResponse receipt = client().get(path("/receipt"), {{"Cookie", receipt_cookie}, {"Accept", "text/html"}});
  ASSERT_EQ(receipt.status, 200);
  EXPECT_NE(receipt.body.find("You have signed the petition"), std::string::npos);
  EXPECT_NE(receipt.body.find(grouped), std::string::npos);
  EXPECT_NE(receipt.body.find("Wednesday 20 March 2019 at 10:00"), std::string::npos);
  EXPECT_NE(receipt.body.find("recall-no-print"), std::string::npos);

  const ClientResponse json = client().get("/api" + path("/receipt"), {{"Cookie", receipt_cookie}});
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.json()["receipt"]["code"], sheet->receipt);
  EXPECT_EQ(json.json()["receipt"]["signed_on"], "2019-03-20");

  const ClientResponse download = client().get(path("/receipt.txt"), {{"Cookie", receipt_cookie}});
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(download.header("content-disposition"),
            "attachment; filename=\"recall-petition-" + std::to_string(petition_.petition_id()) + "-receipt.txt\"");
  // The receipt file without a proof (the log is sealed while signing): the leaf whose nonce is the code.
  const ReceiptFile file = parse_receipt_file(download.body);
  EXPECT_FALSE(file.proof.has_value());
  EXPECT_EQ(receipt_code(file.receipt.leaf.nonce), grouped);
  EXPECT_EQ(file.receipt.leaf.channel, SigningChannel::online);
  EXPECT_EQ(file.receipt.leaf.petition_id, static_cast<std::uint64_t>(petition_.petition_id()));
  EXPECT_EQ(file.receipt.origin, petition_.service().ledger_status(petition_.petition_id()).origin);

  mail = smtp_.wait_for_messages(2);
  ASSERT_EQ(mail.size(), 2U);
  EXPECT_NE(mail[1].body.find(grouped), std::string::npos);
}

TEST_F(OnlineSignPages, SameAnswerWhoeverAsks) {
  // Ada signs first, so the three below are: signed, entitled and not signed, and nobody at all.
  const ClientResponse first = ask_for_code(ada);
  ASSERT_EQ(enter_code(cookie_pair(first), code_in(smtp_.wait_for_messages(1).at(0))).status, 303);

  const auto without_elector = [](ClientResponse r, const std::string& elector) {
    auto cookie = r.headers.find("set-cookie");
    if (cookie != r.headers.end()) {
      const auto at = cookie->second.find(elector);
      if (at != std::string::npos) cookie->second.replace(at, elector.size(), "<elector>");
    }
    r.headers.erase("date");
    return r;
  };
  const ClientResponse a = without_elector(ask_for_code(ada), "PA-1");
  const ClientResponse b = without_elector(ask_for_code(alan), "PA-2");
  const ClientResponse c = without_elector(ask_for_code(nobody), "PA-99");
  EXPECT_EQ(a.status, 303);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.status, c.status);
  EXPECT_EQ(a.headers, b.headers);
  EXPECT_EQ(a.headers, c.headers);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.body, c.body);

  const ClientResponse ja = without_elector(ask_for_code(ada, true), "PA-1");
  const ClientResponse jc = without_elector(ask_for_code(nobody, true), "PA-99");
  EXPECT_EQ(ja.status, 202);
  EXPECT_EQ(ja.status, jc.status);
  EXPECT_EQ(ja.headers, jc.headers);
  EXPECT_EQ(ja.body, jc.body);
}

TEST_F(OnlineSignPages, FormsNeedTheirCookieToken) {
  const std::string body = form({{"elector_number", "PA-1"}, {"date_of_birth", "1980-12-10"},
                                 {"postcode", "PE1 1AA"}, {"email", "ada@example.com"}});
  EXPECT_EQ(client().post(path(), body, "application/x-www-form-urlencoded", {{"Accept", "text/html"}}).status, 403);
  const ClientResponse page = client().get(path(), {{"Accept", "text/html"}});
  // A token from the page but no cookie (a cross-site post cannot send ours), and a forged pair half.
  EXPECT_EQ(client().post(path(), body + "&sign_token=" + token_in(page.body)).status, 403);
  EXPECT_EQ(client().post(path(), body + "&sign_token=" + std::string(43, 'A'), "application/x-www-form-urlencoded",
                          {{"Cookie", cookie_pair(page)}}).status,
            403);
  EXPECT_TRUE(petition_.store().outbox().list_outbox().empty());
}

TEST_F(OnlineSignPages, BadDetailsComeBackOnTheForm) {
  const Details bad{"PA-1", "31", "2", "1980", "PE1 1AA", "ada@example.com"};
  const ClientResponse refused = ask_for_code(bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#date_of_birth\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"ada@example.com\""), std::string::npos);  // kept as typed

  const ClientResponse json = ask_for_code({"PA-1", "10", "12", "1980", "PE1 1AA", "not-an-email"}, true);
  EXPECT_EQ(json.status, 400);
  EXPECT_EQ(json.json()["field"], "email");
}

TEST_F(OnlineSignPages, WrongCodeIsShownOnTheCodeForm) {
  const ClientResponse asked = ask_for_code(ada);
  const std::string code = code_in(smtp_.wait_for_messages(1).at(0));
  const ClientResponse wrong = enter_code(cookie_pair(asked), code == "000000" ? "111111" : "000000");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("that code is wrong or has expired"), std::string::npos);
  EXPECT_NE(wrong.body.find("href=\"#code\""), std::string::npos);
  EXPECT_EQ(enter_code(cookie_pair(asked), code).status, 303);
}

TEST_F(OnlineSignPages, AlreadySignedIsToldOnlyAfterTheCode) {
  const ClientResponse first = ask_for_code(ada);
  ASSERT_EQ(enter_code(cookie_pair(first), code_in(smtp_.wait_for_messages(1).at(0))).status, 303);
  const ClientResponse again = ask_for_code(ada);
  EXPECT_EQ(again.status, 303);
  const ClientResponse refused = enter_code(cookie_pair(again), code_in(smtp_.wait_for_messages(3).at(2)));
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("You have already signed this petition"), std::string::npos);
}

TEST_F(OnlineSignPages, NoReceiptWithoutTheCookie) {
  EXPECT_EQ(client().get(path("/receipt"), {{"Accept", "text/html"}}).status, 404);
  EXPECT_EQ(client().get(path("/receipt.txt")).status, 404);
  const std::string forged = "__Host-recall-receipt=" + std::to_string(petition_.petition_id()) + "~short~x";
  EXPECT_EQ(client().get(path("/receipt"), {{"Cookie", forged}}).status, 404);
  // A leaf of another petition, or one without a receipt nonce, is no receipt either.
  LedgerLeaf leaf;
  leaf.event = LeafEvent::sheet_accepted;
  leaf.channel = SigningChannel::online;
  leaf.day = make_date(2019, 3, 20);
  leaf.petition_id = static_cast<std::uint64_t>(petition_.petition_id()) + 1;
  leaf.nonce[0] = 1;
  const auto cookie_of = [&](const LedgerLeaf& l) {
    const auto bytes = encode_leaf(l);
    return "__Host-recall-receipt=" + std::to_string(petition_.petition_id()) + "~" +
           ledger::to_base64(ledger::ByteView(bytes.data(), bytes.size())) + "~2019-03-20T10:00:00Z";
  };
  EXPECT_EQ(client().get(path("/receipt"), {{"Cookie", cookie_of(leaf)}}).status, 404);
  leaf.petition_id = static_cast<std::uint64_t>(petition_.petition_id());
  EXPECT_EQ(client().get(path("/receipt"), {{"Cookie", cookie_of(leaf)}}).status, 200);
  leaf.nonce = {};
  EXPECT_EQ(client().get(path("/receipt"), {{"Cookie", cookie_of(leaf)}}).status, 404);
}

class OnlineSignPagesUk2015 : public OnlineSignPages {
 protected:
  OnlineSignPagesUk2015() : OnlineSignPages("uk-2015") {}
};

TEST_F(OnlineSignPagesUk2015, SaysThePetitionCannotBeSignedOnline) {
  const ClientResponse page = client().get(path(), {{"Accept", "text/html"}});
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("This petition cannot be signed online"), std::string::npos);
  EXPECT_EQ(page.body.find("Email me a code"), std::string::npos);
  EXPECT_EQ(client().get("/api" + path()).json()["online_available"], false);
  EXPECT_EQ(ask_for_code(ada, true).status, 409);
}

}  // namespace
}  // namespace recall::http::testing
