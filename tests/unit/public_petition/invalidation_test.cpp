#include <gtest/gtest.h>

#include <vector>

#include "core/base/error.hpp"
#include "core/public_petition/invalidation.hpp"
#include "core/public_petition/utc_timestamp.hpp"

namespace recall::public_petition {
namespace {

std::int64_t at(std::string_view utc) { return parse_utc_timestamp(utc, "test"); }

std::vector<SignatureRecord> records() {
  return {
      {1, parse_ip_address("198.51.100.7"), "example.org", "SW1A 1AA", at("2019-03-21T09:00:00Z")},
      {2, parse_ip_address("198.51.100.8"), "mx.throwaway.test", "SW1A 1AA", at("2019-03-21T09:30:00Z")},
      {3, parse_ip_address("192.0.2.1"), "throwaway.test", "PE1 1HQ", at("2019-03-21T10:00:00Z")},
      {4, parse_ip_address("2001:db8:5::1"), "example.org", "PE1 1HQ", at("2019-03-21T10:30:00Z")},
      {5, parse_ip_address("::ffff:198.51.100.9"), "gmail.com", "CF10 1AA", at("2019-03-22T09:00:00Z")},
  };
}

std::vector<std::int64_t> select(const InvalidationForm& form) {
  const auto all = records();
  return select_for_invalidation(parse_invalidation_criteria(form), all);
}

std::string refused_field(const InvalidationForm& form) {
  try {
    parse_invalidation_criteria(form);
  } catch (const Error& error) {
    return error.where()->field;
  }
  return "accepted";
}

using Ids = std::vector<std::int64_t>;

TEST(BulkInvalidation, ByAddressOrRange) {
  EXPECT_EQ(select({.ip = "198.51.100.0/24", .domain = "", .postcode = "", .from = "", .to = ""}),
            (Ids{1, 2, 5}));
  EXPECT_EQ(select({.ip = " 192.0.2.1 ", .domain = "", .postcode = "", .from = "", .to = ""}), (Ids{3}));
  EXPECT_EQ(select({.ip = "2001:db8::/32", .domain = "", .postcode = "", .from = "", .to = ""}), (Ids{4}));
}

TEST(BulkInvalidation, ByDomainExactOrWithSubdomains) {
  EXPECT_EQ(select({.ip = "", .domain = "throwaway.test", .postcode = "", .from = "", .to = ""}), (Ids{3}));
  EXPECT_EQ(select({.ip = "", .domain = "*.Throwaway.test", .postcode = "", .from = "", .to = ""}),
            (Ids{2, 3}));
}

TEST(BulkInvalidation, ByPostcodeHoweverTyped) {
  EXPECT_EQ(select({.ip = "", .domain = "", .postcode = "sw1a1aa", .from = "", .to = ""}), (Ids{1, 2}));
  EXPECT_EQ(select({.ip = "", .domain = "", .postcode = " pe1-1hq", .from = "", .to = ""}), (Ids{3, 4}));
}

TEST(BulkInvalidation, ByTimeWindowHalfOpen) {
  EXPECT_EQ(select({.ip = "",
                    .domain = "",
                    .postcode = "",
                    .from = "2019-03-21T09:30:00Z",
                    .to = "2019-03-21T10:30:00Z"}),
            (Ids{2, 3}));
  EXPECT_EQ(select({.ip = "", .domain = "", .postcode = "", .from = "2019-03-22T00:00:00Z", .to = ""}),
            (Ids{5}));
  EXPECT_EQ(select({.ip = "", .domain = "", .postcode = "", .from = "", .to = "2019-03-21T09:00:01Z"}),
            (Ids{1}));
}

TEST(BulkInvalidation, EveryCriterionGivenMustMatch) {
  EXPECT_EQ(
      select({.ip = "198.51.100.0/24", .domain = "*.throwaway.test", .postcode = "", .from = "", .to = ""}),
      (Ids{2}));
  EXPECT_EQ(select({.ip = "198.51.100.0/24",
                    .domain = "",
                    .postcode = "SW1A 1AA",
                    .from = "2019-03-21T09:10:00Z",
                    .to = ""}),
            (Ids{2}));
  EXPECT_EQ(select({.ip = "198.51.100.0/24", .domain = "", .postcode = "PE1 1HQ", .from = "", .to = ""}),
            (Ids{}));
}

TEST(BulkInvalidation, RefusesNoCriteriaAndBadOnesByField) {
  EXPECT_EQ(refused_field({.ip = " ", .domain = "", .postcode = "", .from = "", .to = ""}), "ip")
      << "no criteria would strike every signature";
  EXPECT_THROW(select_for_invalidation(InvalidationCriteria{}, records()), Error);
  EXPECT_EQ(refused_field({.ip = "10.1.0.0/8", .domain = "", .postcode = "", .from = "", .to = ""}), "ip");
  EXPECT_EQ(refused_field({.ip = "", .domain = "not a domain", .postcode = "", .from = "", .to = ""}),
            "domain");
  EXPECT_EQ(refused_field({.ip = "", .domain = "", .postcode = "ZZ99", .from = "", .to = ""}), "postcode");
  EXPECT_EQ(refused_field({.ip = "", .domain = "", .postcode = "", .from = "21/03/2019", .to = ""}), "from");
  EXPECT_EQ(refused_field({.ip = "",
                           .domain = "",
                           .postcode = "",
                           .from = "2019-03-21T10:00:00Z",
                           .to = "2019-03-21T10:00:00Z"}),
            "to");
}

TEST(BulkInvalidation, MatchesNothingWithoutCriteria) {
  EXPECT_FALSE(matches(InvalidationCriteria{}, records()[0]));
}

}  // namespace
}  // namespace recall::public_petition
