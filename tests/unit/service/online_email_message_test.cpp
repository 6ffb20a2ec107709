// The RFC 5322 message the SMTP sender hands to the server.
#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "service/email_message.hpp"

namespace recall {
namespace {

EmailEnvelope envelope() {
  EmailEnvelope e;
  e.from = "petitions@peterborough.example.gov.uk";
  e.to = "ada@example.com";
  e.subject = "Your code";
  e.body = "Line one\nLine two\n";
  e.message_id = "recall.outbox.7.20190320T100000Z@peterborough.example.gov.uk";
  e.date = 1553076000;  // 2019-03-20T10:00:00Z, a Wednesday
  return e;
}

TEST(OnlineEmailMessage, DateIsRfc5322InUtc) {
  EXPECT_EQ(rfc5322_date(1553076000), "Wed, 20 Mar 2019 10:00:00 +0000");
  EXPECT_EQ(rfc5322_date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(rfc5322_date(951782400), "Tue, 29 Feb 2000 00:00:00 +0000");
}

TEST(OnlineEmailMessage, HeadersAndBodyWithCrlf) {
  const std::string text = format_email(envelope());
  EXPECT_EQ(text,
            "Date: Wed, 20 Mar 2019 10:00:00 +0000\r\n"
            "From: <petitions@peterborough.example.gov.uk>\r\n"
            "To: <ada@example.com>\r\n"
            "Subject: Your code\r\n"
            "Message-ID: <recall.outbox.7.20190320T100000Z@peterborough.example.gov.uk>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 7bit\r\n"
            "\r\n"
            "Line one\r\nLine two\r\n");
}

TEST(OnlineEmailMessage, NonAsciiGoesQuotedPrintableWithEncodedSubject) {
  EmailEnvelope e = envelope();
  e.subject = "Deiseb adalw – Peterborough";
  e.body = "Café = coffee\n";
  const std::string text = format_email(e);
  EXPECT_NE(text.find("Subject: =?UTF-8?B?RGVpc2ViIGFkYWx3IOKAkyBQZXRlcmJvcm91Z2g=?=\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Content-Transfer-Encoding: quoted-printable\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\nCaf=C3=A9 =3D coffee\r\n"), std::string::npos) << text;
}

TEST(OnlineEmailMessage, QuotedPrintableBreaksLongLinesAndKeepsTrailingSpace) {
  const std::string long_line(100, 'a');
  const std::string encoded = encode_quoted_printable(long_line + "\nend \n");
  EXPECT_EQ(encoded, std::string(75, 'a') + "=\r\n" + std::string(25, 'a') + "\r\nend=20\r\n");
}

TEST(OnlineEmailMessage, LongAsciiLinesAreNotSentRaw) {
  EmailEnvelope e = envelope();
  e.body = std::string(1200, 'x');
  EXPECT_NE(format_email(e).find("quoted-printable"), std::string::npos);
}

TEST(OnlineEmailMessage, RefusesHeaderInjection) {
  EmailEnvelope e = envelope();
  e.subject = "Hello\r\nBcc: everyone@example.com";
  try {
    (void)format_email(e);
    FAIL() << "a subject with a line break was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(error.where());
    EXPECT_EQ(error.where()->field, "subject");
  }
  e = envelope();
  e.to = "ada@example.com>\r\nRCPT TO:<eve@example.com";
  try {
    (void)format_email(e);
    FAIL() << "a recipient with a line break was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.where()->field, "to");
  }
}

TEST(OnlineEmailMessage, PlausibleAddresses) {
  EXPECT_TRUE(is_plausible_email_address("ada@example.com"));
  EXPECT_TRUE(is_plausible_email_address("ada.lovelace+petition@mail.example.co.uk"));
  EXPECT_FALSE(is_plausible_email_address(""));
  EXPECT_FALSE(is_plausible_email_address("ada"));
  EXPECT_FALSE(is_plausible_email_address("ada@localhost"));
  EXPECT_FALSE(is_plausible_email_address("@example.com"));
  EXPECT_FALSE(is_plausible_email_address("ada@@example.com"));
  EXPECT_FALSE(is_plausible_email_address("ada lovelace@example.com"));
  EXPECT_FALSE(is_plausible_email_address("<ada@example.com>"));
  EXPECT_FALSE(is_plausible_email_address("ada@example..com"));
  EXPECT_FALSE(is_plausible_email_address("ada@example.com."));
  EXPECT_FALSE(is_plausible_email_address("adé@example.com"));
  EXPECT_FALSE(is_plausible_email_address(std::string(250, 'a') + "@example.com"));
}

}  // namespace
}  // namespace recall
