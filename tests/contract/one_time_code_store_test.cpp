// OneTimeCodeStore contract: one code per elector per petition, replaced by a new one, failed
// attempts counted in the database, deleted after use.
#include "contract/sample_petition.hpp"
#include "contract/store_contract.hpp"

namespace recall::contract {

namespace {

OneTimeCode code_for(std::int64_t petition_id, const std::string& elector_number, char fill) {
  return {petition_id, elector_number, std::string(64, fill), "elector@example.org", 1'700'000'600, 0};
}

}  // namespace

TEST_P(StoreContract, OneTimeCodeIsReplacedCountedAndDeleted) {
  auto store = open();
  auto& codes = store->one_time_codes();
  const std::int64_t petition_id = store->petitions().create_petition(
      sample_petition("E14000864", import_sample_register(*store, "E14000864")));
  EXPECT_EQ(codes.find_code(petition_id, "PA-1"), std::nullopt);

  const OneTimeCode first = code_for(petition_id, "PA-1", 'a');
  codes.put_code(first);
  codes.put_code(code_for(petition_id, "PA-2", 'b'));
  EXPECT_EQ(codes.find_code(petition_id, "PA-1"), first);

  codes.record_failed_attempt(petition_id, "PA-1");
  codes.record_failed_attempt(petition_id, "PA-1");
  EXPECT_EQ(codes.find_code(petition_id, "PA-1")->failed_attempts, 2);
  EXPECT_EQ(codes.find_code(petition_id, "PA-2")->failed_attempts, 0);

  // A new code replaces the old one and its count of failures.
  OneTimeCode second = code_for(petition_id, "PA-1", 'c');
  second.email = "other@example.org";
  second.expires_at = 1'700'001'200;
  codes.put_code(second);
  EXPECT_EQ(codes.find_code(petition_id, "PA-1"), second);

  codes.delete_code(petition_id, "PA-1");
  EXPECT_EQ(codes.find_code(petition_id, "PA-1"), std::nullopt);
  codes.delete_code(petition_id, "PA-1");  // already gone: nothing to do
  EXPECT_EQ(error_kind_of([&] { codes.record_failed_attempt(petition_id, "PA-1"); }), ErrorKind::not_found);
  EXPECT_EQ(codes.find_code(petition_id, "PA-2"), code_for(petition_id, "PA-2", 'b'));
}

TEST_P(StoreContract, BadOneTimeCodesAreRefused) {
  auto store = open();
  auto& codes = store->one_time_codes();
  const std::int64_t petition_id = store->petitions().create_petition(
      sample_petition("E14000864", import_sample_register(*store, "E14000864")));
  std::string field;
  OneTimeCode bad = code_for(petition_id, "PA-1", 'a');
  bad.code_hash = "123456";  // the code itself, not its hash
  EXPECT_EQ(error_kind_of([&] { codes.put_code(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "code_hash");
  bad = code_for(petition_id, "", 'a');
  EXPECT_EQ(error_kind_of([&] { codes.put_code(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "elector_number");
  EXPECT_EQ(error_kind_of([&] { codes.put_code(code_for(petition_id + 1, "PA-1", 'a')); }),
            ErrorKind::not_found);
  EXPECT_EQ(codes.find_code(petition_id, "PA-1"), std::nullopt);
}

}  // namespace recall::contract
