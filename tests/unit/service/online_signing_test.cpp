// Online signing through PetitionService with the real outbox, a real SMTP server and a SQLite file:
// the code arrives by email and works once, wrong codes burn it, old codes expire, a second signature
// is refused, and asking for a code says nothing about who is on the register or who has signed.
#include <gtest/gtest.h>

#include <regex>

#include "core/base/error.hpp"
#include "service/online_codes.hpp"
#include "service/outbox_worker.hpp"
#include "service/smtp_sender.hpp"
#include "support/online_petition.hpp"
#include "support/smtp_server.hpp"

namespace recall {
namespace {

using testing::ReceivedEmail;

ErrorKind kind_of(const std::function<void()>& work, std::string* field = nullptr) {
  try {
    work();
  } catch (const Error& error) {
    if (field != nullptr) *field = error.where() ? error.where()->field : "";
    return error.kind();
  }
  ADD_FAILURE() << "no error was thrown";
  return ErrorKind::internal;
}

std::string code_in(const ReceivedEmail& email) {
  std::smatch match;
  if (!std::regex_search(email.body, match, std::regex("\n    ([0-9]{6})\n"))) {
    ADD_FAILURE() << "no code in: " << email.body;
    return {};
  }
  return match[1];
}

std::string another_code(const std::string& code) { return code == "000000" ? "000001" : "000000"; }

class OnlineSigning : public ::testing::Test {
 protected:
  PetitionService& service() { return petition_.service(); }
  std::int64_t id() const { return petition_.petition_id(); }

  void request(const std::string& elector, Date born, const std::string& postcode,
               const std::string& email = "voter@example.com", const std::string& address = "192.0.2.10") {
    service().request_online_code(id(), elector, born, postcode, email, address);
  }
  void request_ada(const std::string& email = "ada@example.com") {
    request("PA-1", make_date(1980, 12, 10), "pe1 1aa", email);
  }

  // Runs the outbox once over the real SMTP server and returns every message delivered so far.
  std::vector<ReceivedEmail> deliver(std::size_t expected_total) {
    auto sender = std::make_shared<SmtpSender>(SmtpConfig::relay(smtp_.url(), "petitions@example.gov.uk"));
    OutboxWorker worker(petition_.store().outbox(),
                        [sender](const OutboxMessage& m, std::int64_t now) { sender->send(m, now); },
                        petition_.clock());
    const OutboxPass pass = worker.run_once();
    EXPECT_EQ(pass.failed, 0);
    return smtp_.wait_for_messages(expected_total, std::chrono::seconds(5));
  }

  std::size_t unsent_and_sent() { return petition_.store().outbox().list_outbox().size(); }

  testing::OnlinePetition petition_;
  testing::SmtpServer smtp_;
};

TEST_F(OnlineSigning, CodeArrivesByEmailAndSignsWithAReceipt) {
  request_ada();
  auto mail = deliver(1);
  ASSERT_EQ(mail.size(), 1U);
  EXPECT_EQ(mail[0].header("x-rcptto"), "ada@example.com");
  EXPECT_EQ(mail[0].header("subject"), "Your code to sign the recall petition for Peterborough");
  EXPECT_NE(mail[0].body.find("before 10:15 on Wednesday 20 March 2019"), std::string::npos) << mail[0].body;
  EXPECT_EQ(mail[0].body.find("Lovelace"), std::string::npos);  // the email never names the elector
  const std::string code = code_in(mail[0]);

  petition_.advance(120);
  const PetitionService::OnlineReceipt receipt = service().confirm_online_code(id(), "PA-1", code);
  EXPECT_EQ(receipt.receipt.size(), 26U);
  EXPECT_EQ(receipt.signed_at, "2019-03-20T10:02:00Z");

  const auto sheet = petition_.store().petitions().find_signature(id(), "PA-1");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->channel, SigningChannel::online);
  EXPECT_EQ(sheet->receipt, receipt.receipt);
  EXPECT_FALSE(sheet->rejection);
  EXPECT_FALSE(sheet->recorded_by);
  EXPECT_EQ(sheet->received_on, "2019-03-20");
  EXPECT_EQ(sheet->recorded_at, "2019-03-20T10:02:00Z");

  mail = deliver(2);
  ASSERT_EQ(mail.size(), 2U);
  EXPECT_EQ(mail[1].header("x-rcptto"), "ada@example.com");
  EXPECT_EQ(mail[1].header("subject"), "Your receipt: recall petition for Peterborough");
  EXPECT_NE(mail[1].body.find("Receipt: " + group_receipt_code(receipt.receipt)), std::string::npos) << mail[1].body;

  // The sheet is audited under the sealed prefix, in the same transaction as the sheet.
  bool audited = false;
  for (const AuditEntry& entry : petition_.store().audit().export_audit()) {
    if (entry.action == "petition.sheet.online") audited = true;
  }
  EXPECT_TRUE(audited);

  // A code works once.
  EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", code); }), ErrorKind::invalid_input);
}

TEST_F(OnlineSigning, AttainerNeedsTheDateOfBirthOnTheRegister) {
  request("PA-3", make_date(2001, 4, 11), "PE1 3AB");  // one day out
  EXPECT_EQ(unsent_and_sent(), 0U);
  request("PA-3", make_date(2001, 4, 10), "PE1 3AB");
  EXPECT_EQ(unsent_and_sent(), 1U);
}

TEST_F(OnlineSigning, FiveWrongCodesBurnIt) {
  request_ada();
  const std::string code = code_in(deliver(1).at(0));
  std::string field;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", another_code(code)); }, &field),
              ErrorKind::invalid_input);
    EXPECT_EQ(field, "code");
  }
  EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", code); }), ErrorKind::invalid_input);
  EXPECT_FALSE(petition_.store().petitions().find_signature(id(), "PA-1"));

  // A new code works.
  request_ada();
  const std::string fresh = code_in(deliver(2).at(1));
  EXPECT_NO_THROW(service().confirm_online_code(id(), "PA-1", fresh));
}

TEST_F(OnlineSigning, FourWrongCodesLeaveItWorking) {
  request_ada();
  const std::string code = code_in(deliver(1).at(0));
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", another_code(code)); }),
              ErrorKind::invalid_input);
  }
  EXPECT_NO_THROW(service().confirm_online_code(id(), "PA-1", code));
}

TEST_F(OnlineSigning, ExpiredCodeIsRefused) {
  request_ada();
  const std::string code = code_in(deliver(1).at(0));
  petition_.advance(15 * 60);
  EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", code); }), ErrorKind::invalid_input);
  EXPECT_FALSE(petition_.store().petitions().find_signature(id(), "PA-1"));
}

TEST_F(OnlineSigning, OnlyTheNewestCodeWorks) {
  request_ada();
  request_ada();
  const auto mail = deliver(2);
  ASSERT_EQ(mail.size(), 2U);
  const std::string first = code_in(mail[0]);
  const std::string second = code_in(mail[1]);
  if (first != second) {
    EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", first); }), ErrorKind::invalid_input);
  }
  EXPECT_NO_THROW(service().confirm_online_code(id(), "PA-1", second));
}

TEST_F(OnlineSigning, SecondSignatureIsRefusedOnlyAfterTheCode) {
  request_ada();
  service().confirm_online_code(id(), "PA-1", code_in(deliver(1).at(0)));
  // Asking again looks exactly the same, and a code is sent...
  request_ada("ada.other@example.com");
  auto mail = deliver(3);
  ASSERT_EQ(mail.size(), 3U);
  EXPECT_EQ(mail[2].header("x-rcptto"), "ada.other@example.com");
  // ...but only its holder learns that the elector has signed.
  EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", code_in(mail[2])); }), ErrorKind::conflict);
  EXPECT_EQ(petition_.store().petitions().list_signatures(id()).size(), 1U);
  const auto attempts = petition_.store().petitions().list_double_signing_attempts(id());
  ASSERT_EQ(attempts.size(), 1U);
  EXPECT_EQ(attempts[0].elector_number, "PA-1");
  EXPECT_EQ(attempts[0].channel, SigningChannel::online);
}

TEST_F(OnlineSigning, RequestingACodeRevealsNothing) {
  // PA-1 has signed; PA-2 is an entitled elector who has not; PA-4 is on the register but under 18 at
  // the close; PA-99 is nobody; PA-2 with the wrong postcode is someone guessing.
  request_ada();
  service().confirm_online_code(id(), "PA-1", code_in(deliver(1).at(0)));
  const std::size_t before = unsent_and_sent();  // the code and the receipt

  EXPECT_NO_THROW(request("PA-1", make_date(1980, 12, 10), "PE1 1AA"));
  EXPECT_NO_THROW(request("PA-2", make_date(1975, 6, 1), "PE1 2BB"));
  EXPECT_NO_THROW(request("PA-4", make_date(2003, 1, 1), "PE1 4DD"));
  EXPECT_NO_THROW(request("PA-99", make_date(1975, 6, 1), "PE1 2BB"));
  EXPECT_NO_THROW(request("PA-2", make_date(1975, 6, 1), "PE1 9ZZ"));
  EXPECT_NO_THROW(request("PA-2", make_date(1975, 6, 2), "PE1 2BB"));  // a wrong date of birth
  // Emails go only where the details matched an entitled elector (signed or not: that is not looked at).
  const auto outbox = petition_.store().outbox().list_outbox();
  ASSERT_EQ(outbox.size(), before + 2);
  // A wrong guess at PA-2 did not replace PA-2's code, and nobody's code exists for PA-99 or PA-4.
  EXPECT_TRUE(petition_.store().one_time_codes().find_code(id(), "PA-2"));
  EXPECT_FALSE(petition_.store().one_time_codes().find_code(id(), "PA-99"));
  EXPECT_FALSE(petition_.store().one_time_codes().find_code(id(), "PA-4"));
  const auto mail = deliver(before + 2);
  ASSERT_EQ(mail.size(), before + 2);
  EXPECT_NO_THROW(service().confirm_online_code(id(), "PA-2", code_in(mail.back())));
}

TEST_F(OnlineSigning, ConfirmForSomeoneWithNoCodeIsTheSameWrongCode) {
  std::string field;
  EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-2", "123456"); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "code");
  EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-99", "123456"); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "code");
}

TEST_F(OnlineSigning, BadInputNamesTheField) {
  std::string field;
  EXPECT_EQ(kind_of([&] { request("12", make_date(1980, 1, 1), "PE1 1AA"); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "elector_number");
  EXPECT_EQ(kind_of([&] { request("PA-1", make_date(2019, 3, 21), "PE1 1AA"); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "date_of_birth");
  EXPECT_EQ(kind_of([&] { request("PA-1", make_date(1980, 1, 1), "not a postcode"); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "postcode");
  EXPECT_EQ(kind_of([&] { request("PA-1", make_date(1980, 1, 1), "PE1 1AA", "ada"); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "email");
  EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", "12a456"); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "code");
  EXPECT_EQ(kind_of([&] { service().request_online_code(id() + 100, "PA-1", make_date(1980, 1, 1), "PE1 1AA",
                                                        "ada@example.com", "192.0.2.1"); }),
            ErrorKind::not_found);
}

TEST_F(OnlineSigning, OnlyDuringTheSigningPeriod) {
  petition_.set_local(make_date(2019, 3, 18), 12 * 60);  // the day before the designated day
  EXPECT_EQ(kind_of([&] { request_ada(); }), ErrorKind::conflict);
  petition_.set_local(make_date(2019, 3, 19), 0);  // signing opens
  EXPECT_NO_THROW(request_ada());
  const std::string code = code_in(deliver(1).at(0));
  petition_.set_local(make_date(2019, 6, 1), 12 * 60);  // long closed
  EXPECT_EQ(kind_of([&] { service().confirm_online_code(id(), "PA-1", code); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of([&] { request_ada(); }), ErrorKind::conflict);
}

TEST_F(OnlineSigning, RateLimitedPerElectorAndPerAddress) {
  for (int i = 0; i < 10; ++i) request("PA-2", make_date(1975, 6, 1), "PE1 2BB", "alan@example.com", "192.0.2.20");
  // The same elector number from anywhere else...
  EXPECT_EQ(kind_of([&] { request("PA-2", make_date(1975, 6, 1), "PE1 2BB", "alan@example.com", "198.51.100.7"); }),
            ErrorKind::rate_limited);
  // ...and anything more from that address.
  EXPECT_EQ(kind_of([&] { request("PA-77", make_date(1975, 6, 1), "PE1 2BB", "x@example.com", "192.0.2.20"); }),
            ErrorKind::rate_limited);
  petition_.advance(15 * 60);
  EXPECT_NO_THROW(request("PA-2", make_date(1975, 6, 1), "PE1 2BB", "alan@example.com", "198.51.100.7"));
}

TEST(OnlineSigningPolicy, RefusedWhereThePolicyHasNoOnlineSigning) {
  testing::OnlinePetition petition("uk-2015");
  try {
    petition.service().request_online_code(petition.petition_id(), "PA-1", make_date(1980, 12, 10), "PE1 1AA",
                                           "ada@example.com", "192.0.2.1");
    FAIL() << "online signing under uk-2015";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::conflict);
  }
  EXPECT_TRUE(petition.store().outbox().list_outbox().empty());
}

}  // namespace
}  // namespace recall
