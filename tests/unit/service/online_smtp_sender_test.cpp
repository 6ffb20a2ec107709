// SmtpSender against a real SMTP server (aiosmtpd on loopback).
#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "service/smtp_sender.hpp"
#include "support/smtp_server.hpp"

namespace recall {
namespace {

OutboxMessage message(std::string body) {
  OutboxMessage m;
  m.id = 41;
  m.to = "ada@example.com";
  m.subject = "Your code to sign";
  m.body = std::move(body);
  m.created_at = "2019-03-20T10:00:00Z";
  return m;
}

TEST(OnlineSmtpSender, DeliversAProperMessage) {
  testing::SmtpServer smtp;
  const SmtpSender sender(SmtpConfig::relay(smtp.url(), "petitions@peterborough.example.gov.uk"));
  sender.send(message("Hello Ada\n"), 1553076000);

  const auto mail = smtp.wait_for_messages(1);
  ASSERT_EQ(mail.size(), 1U);
  EXPECT_EQ(mail[0].header("date"), "Wed, 20 Mar 2019 10:00:00 +0000");
  EXPECT_EQ(mail[0].header("from"), "<petitions@peterborough.example.gov.uk>");
  EXPECT_EQ(mail[0].header("to"), "<ada@example.com>");
  EXPECT_EQ(mail[0].header("subject"), "Your code to sign");
  EXPECT_EQ(mail[0].header("message-id"), "<recall.outbox.41.20190320T100000Z@peterborough.example.gov.uk>");
  EXPECT_EQ(mail[0].header("mime-version"), "1.0");
  EXPECT_EQ(mail[0].header("content-type"), "text/plain; charset=utf-8");
  // The envelope, as aiosmtpd records it.
  EXPECT_EQ(mail[0].header("x-mailfrom"), "petitions@peterborough.example.gov.uk");
  EXPECT_EQ(mail[0].header("x-rcptto"), "ada@example.com");
  EXPECT_EQ(mail[0].body, "Hello Ada\n");
}

TEST(OnlineSmtpSender, LinesStartingWithADotArriveIntact) {
  testing::SmtpServer smtp;
  const SmtpSender sender(SmtpConfig::relay(smtp.url(), "petitions@example.gov.uk"));
  // A lone "." would end the DATA phase early if the sender did not stuff it.
  sender.send(message("before\n.\n..two dots\n.after\n"), 1553076000);
  const auto mail = smtp.wait_for_messages(1);
  ASSERT_EQ(mail.size(), 1U);
  EXPECT_EQ(mail[0].body, "before\n.\n..two dots\n.after\n");
}

TEST(OnlineSmtpSender, UnreachableServerIsUnavailable) {
  testing::SmtpServer smtp;
  smtp.stop();  // the port is now closed
  const SmtpSender sender(SmtpConfig::relay(smtp.url(), "petitions@example.gov.uk"));
  try {
    sender.send(message("x\n"), 1553076000);
    FAIL() << "sent to a server that is down";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::unavailable);
    EXPECT_NE(error.message().find("SMTP delivery failed"), std::string::npos) << error.message();
  }
}

TEST(OnlineSmtpSender, RequiredTlsRefusesAPlainServer) {
  testing::SmtpServer smtp;  // aiosmtpd without a certificate offers no STARTTLS
  SmtpConfig config = SmtpConfig::relay(smtp.url(), "petitions@example.gov.uk");
  config.require_tls = true;
  const SmtpSender sender(config);
  EXPECT_THROW(sender.send(message("secret\n"), 1553076000), Error);
  EXPECT_TRUE(smtp.messages().empty());
}

TEST(OnlineSmtpSender, ChecksItsConfiguration) {
  try {
    SmtpSender sender(SmtpConfig::relay("http://127.0.0.1:25", "petitions@example.gov.uk"));
    FAIL() << "an http URL was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.where()->field, "smtp_url");
  }
  try {
    SmtpSender sender(SmtpConfig::relay("smtp://127.0.0.1:25", "Petitions <p@example.gov.uk>"));
    FAIL() << "a display name was accepted as the sender";
  } catch (const Error& error) {
    EXPECT_EQ(error.where()->field, "mail_from");
  }
}

TEST(OnlineSmtpSender, BadRecipientIsRefusedBeforeConnecting) {
  testing::SmtpServer smtp;
  const SmtpSender sender(SmtpConfig::relay(smtp.url(), "petitions@example.gov.uk"));
  OutboxMessage bad = message("x\n");
  bad.to = "not an address";
  try {
    sender.send(bad, 1553076000);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
  }
  EXPECT_TRUE(smtp.messages().empty());
}

}  // namespace
}  // namespace recall
