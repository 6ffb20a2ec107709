#include "core/petition/signature.hpp"

#include <gtest/gtest.h>

namespace recall {
namespace {

TEST(SignatureNames, ChannelsRoundTrip) {
  for (auto channel : {SigningChannel::in_person, SigningChannel::postal, SigningChannel::proxy_in_person,
                       SigningChannel::proxy_postal, SigningChannel::online}) {
    EXPECT_EQ(parse_signing_channel(to_string(channel)), channel);
  }
  EXPECT_FALSE(parse_signing_channel("email"));
}

TEST(SignatureNames, RejectionReasonsRoundTripWithTheStatutoryWording) {
  for (auto reason : {RejectionReason::want_of_official_mark, RejectionReason::unmarked_or_void_for_uncertainty,
                      RejectionReason::identifiers_failed, RejectionReason::not_entitled,
                      RejectionReason::received_late}) {
    EXPECT_EQ(parse_rejection_reason(to_string(reason)), reason);
    EXPECT_FALSE(describe(reason).empty());
  }
  EXPECT_EQ(describe(RejectionReason::want_of_official_mark), "Want of an official mark");
  EXPECT_EQ(to_string(RejectionReason::unmarked_or_void_for_uncertainty), "unmarked-or-void-for-uncertainty");
}

}  // namespace
}  // namespace recall
