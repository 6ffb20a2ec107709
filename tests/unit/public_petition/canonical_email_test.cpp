#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/public_petition/canonical_email.hpp"

namespace recall::public_petition {
namespace {

std::string refusal(std::string_view typed) {
  try {
    parse_email_address(typed, "email");
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(error.where()->field, "email");
    return error.message();
  }
  return "accepted";
}

TEST(CanonicalEmail, LowerCasesAndDropsTags) {
  EXPECT_EQ(canonical_email("Jo.Bloggs@Example.ORG"), "jo.bloggs@example.org") << "dots matter outside Gmail";
  EXPECT_EQ(canonical_email("jo+petitions@example.org"), "jo@example.org");
  EXPECT_EQ(canonical_email("jo+a+b@example.org"), "jo@example.org");
  EXPECT_EQ(canonical_email("  jo@example.org \t"), "jo@example.org");
}

TEST(CanonicalEmail, GmailIgnoresDotsAndAnswersForGooglemail) {
  EXPECT_EQ(canonical_email("Jo.Bloggs+petition@GoogleMail.com"), "jobloggs@gmail.com");
  EXPECT_EQ(canonical_email("j.o.b.l.o.g.g.s@gmail.com"), "jobloggs@gmail.com");
  EXPECT_EQ(canonical_email("jobloggs@gmail.com"), "jobloggs@gmail.com");
  EXPECT_EQ(canonical_email("jo.bloggs@mail.gmail.com"), "jo.bloggs@mail.gmail.com")
      << "not Gmail's own domain";
}

TEST(CanonicalEmail, KeepsWhatWasTypedForSending) {
  const EmailAddress email = parse_email_address(" Jo.Bloggs+petition@GoogleMail.com ");
  EXPECT_EQ(email.address, "Jo.Bloggs+petition@GoogleMail.com");
  EXPECT_EQ(email.canonical, "jobloggs@gmail.com");
  EXPECT_EQ(email.domain, "googlemail.com");
}

TEST(CanonicalEmail, AcceptsOrdinaryShapes) {
  for (const char* typed : {"a@b.co", "o'brien@example.ie", "x_y-z@sub.example.co.uk",
                            "123@xn--bcher-kva.example", "first.last@example.museum"}) {
    EXPECT_EQ(refusal(typed), "accepted") << typed;
  }
}

TEST(CanonicalEmail, NamesTheProblem) {
  EXPECT_EQ(refusal(""), "an email address is required");
  EXPECT_EQ(refusal("jo.example.org"), "the email address has no @");
  EXPECT_EQ(refusal("jo@home@example.org"), "the email address has more than one @");
  EXPECT_EQ(refusal("@example.org"), "the email address has nothing before the @");
  EXPECT_EQ(refusal("jo@"), "the email address has nothing after the @");
  EXPECT_EQ(refusal("jo@localhost"), "the domain \"localhost\" has no dot");
  EXPECT_EQ(refusal("jo@example..org"), "the domain \"example..org\" has an empty part");
  EXPECT_EQ(refusal("jo@-example.org"),
            "a part of the domain may not start or end with a hyphen: \"-example\"");
  EXPECT_EQ(refusal("jo@exa_mple.org"), "the domain may not contain '_'");
  EXPECT_EQ(refusal("jo@192.168.0.1"), "\"192.168.0.1\" is not a mail domain");
  EXPECT_EQ(refusal(".jo@example.org"), "the part before the @ may not start or end with a dot");
  EXPECT_EQ(refusal("jo..b@example.org"), "the part before the @ has two dots in a row");
  EXPECT_EQ(refusal("jo(b)@example.org"), "the part before the @ may not contain '('");
  EXPECT_EQ(refusal("jo b@example.org"), "the email address may not contain spaces or control characters");
  EXPECT_EQ(refusal("jö@example.org"),
            "the email address may only use plain ASCII letters, digits and symbols");
  EXPECT_EQ(refusal("+tag@example.org"), "the part before the @ is only a +tag");
  EXPECT_EQ(refusal(std::string(65, 'a') + "@example.org"), "the part before the @ is over 64 characters");
}

}  // namespace
}  // namespace recall::public_petition
