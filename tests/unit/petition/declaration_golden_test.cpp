// tests/golden/count/<case>.json: a synthetic register with exactly `eligible` eligible electors (plus
// records that do not count), `valid` accepted sheets from entitled electors and rejected sheets by
// reason; the count must give the declared figures.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/petition/declaration.hpp"
#include "core/petition/petition_register.hpp"
#include "core/register/synth.hpp"
#include "support/golden_cases.hpp"

namespace recall {
namespace {

using testing::GoldenCase;

SignatureSheet valid_sheet(std::string elector_number) {
  SignatureSheet sheet;
  sheet.petition_id = 1;
  sheet.elector_number = std::move(elector_number);
  return sheet;
}

SignatureSheet rejected_sheet(RejectionReason reason) {
  SignatureSheet sheet;
  sheet.petition_id = 1;
  sheet.rejection = reason;
  return sheet;
}

class DeclarationGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(DeclarationGolden, CountsAsDeclared) {
  std::ifstream in(GetParam().path);
  const auto golden = nlohmann::json::parse(in);
  const auto& reg = golden.at("register");
  const Date notice = parse_iso_date(reg.at("notice").get<std::string>());
  const Date cut_off = parse_iso_date(reg.at("cut_off").get<std::string>());
  const Date close = parse_iso_date(reg.at("close").get<std::string>());
  const auto records = synthesise_register(SynthOptions{reg.at("outward_code").get<std::string>(),
                                                        reg.at("town").get<std::string>(), reg.at("eligible").get<long>(),
                                                        reg.at("seed").get<std::uint64_t>(), notice, close});
  const PetitionRegister petition_register(records, notice, cut_off, close);

  std::vector<SignatureSheet> sheets;
  long wanted = golden.at("valid").get<long>();
  for (const PetitionElector* elector : petition_register.electors()) {
    if (wanted == 0) break;
    if (!elector->entitled) continue;
    sheets.push_back(valid_sheet(elector->entry.elector_number));
    --wanted;
  }
  ASSERT_EQ(wanted, 0) << "the register has too few entitled electors for the case";
  for (const auto& [reason_name, how_many] : golden.at("rejected").items()) {
    const auto reason = parse_rejection_reason(reason_name);
    ASSERT_TRUE(reason) << reason_name;
    for (long i = 0; i < how_many.get<long>(); ++i) sheets.push_back(rejected_sheet(*reason));
  }

  const Declaration result = count_petition(records, notice, cut_off, close, sheets);
  const auto& expect = golden.at("expect");
  EXPECT_EQ(result.eligible, expect.at("eligible").get<long>());
  EXPECT_EQ(result.valid_signatures, expect.at("valid_signatures").get<long>());
  EXPECT_EQ(result.rejected, expect.at("rejected").get<long>());
  EXPECT_EQ(format_percent_tenths(result.percent_tenths), expect.at("percent").get<std::string>());
  EXPECT_EQ(result.required, expect.at("required").get<long>());
  EXPECT_EQ(result.successful, expect.at("successful").get<bool>());
  EXPECT_EQ(result.successful, result.valid_signatures >= result.required && result.eligible > 0);
  long by_reason = 0;
  for (const auto& [reason, n] : result.rejected_by_reason) by_reason += n;
  EXPECT_EQ(by_reason, result.rejected);
}

INSTANTIATE_TEST_SUITE_P(Count, DeclarationGolden, ::testing::ValuesIn(testing::golden_cases("count")),
                         [](const ::testing::TestParamInfo<GoldenCase>& param_info) { return param_info.param.name; });

TEST(Declaration, TwoAcceptedSheetsForOneElectorAreABug) {
  const std::vector<SignatureSheet> sheets{valid_sheet("AA-1"), valid_sheet("AA-1")};
  EXPECT_THROW(count_petition({}, make_date(2019, 3, 5), make_date(2019, 3, 14), make_date(2019, 5, 1), sheets), Error);
}

}  // namespace
}  // namespace recall
