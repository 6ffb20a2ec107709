// The generator: exactly N eligible at the close, for several N and seeds; same seed, same bytes.
#include <gtest/gtest.h>

#include <sstream>

#include "core/base/error.hpp"
#include "core/register/eligibility.hpp"
#include "core/register/register_csv.hpp"
#include "core/register/synth.hpp"

namespace recall {
namespace {

SynthOptions options(long n, std::uint64_t seed) {
  return SynthOptions{"PE1", "Peterborough", n, seed, make_date(2019, 3, 5), make_date(2019, 5, 1)};
}

std::string as_csv(const std::vector<RegisterEntry>& entries) {
  std::ostringstream out;
  write_register_header(out);
  for (const auto& e : entries) write_register_row(out, e);
  return out.str();
}

TEST(Synth, CountEligibleGivesExactlyN) {
  for (long n : {0L, 1L, 7L, 150L, 2999L, 20000L}) {
    for (std::uint64_t seed : {1ULL, 42ULL, 20190305ULL}) {
      const auto entries = synthesise_register(options(n, seed));
      // Peterborough 2019: cut-off 14 March; also the earliest and latest cut-off the generator allows.
      for (Date cut_off : {make_date(2019, 3, 14), make_date(2019, 3, 6), make_date(2019, 4, 29)}) {
        const auto c = count_eligible(entries, make_date(2019, 3, 5), cut_off, make_date(2019, 5, 1));
        EXPECT_EQ(c.eligible, n) << "n=" << n << " seed=" << seed;
        EXPECT_GT(c.excluded_under_18, 0);
        EXPECT_GT(c.excluded_late_application, 0);
        EXPECT_GT(c.excluded_after_cut_off, 0);
        EXPECT_GT(c.deleted, 0);
        EXPECT_GT(c.not_yet_effective, 0);
      }
    }
  }
}

TEST(Synth, SameSeedSameBytesAndTheFileReadsBack) {
  const auto a = synthesise_register(options(3000, 7));
  EXPECT_EQ(as_csv(a), as_csv(synthesise_register(options(3000, 7))));
  EXPECT_NE(as_csv(a), as_csv(synthesise_register(options(3000, 8))));
  std::istringstream in(as_csv(a));
  EXPECT_EQ(read_register(in, "synth.csv"), a);
}

TEST(Synth, CoversEveryMarkerAndAbsentVote) {
  const auto entries = synthesise_register(options(5000, 3));
  long overseas = 0, anonymous = 0, attainer = 0, postal = 0, proxy = 0, postal_proxy = 0;
  for (const auto& e : entries) {
    overseas += e.markers.overseas;
    anonymous += e.markers.anonymous;
    attainer += e.markers.attainer;
    postal += e.absent_vote == AbsentVote::postal;
    proxy += e.absent_vote == AbsentVote::proxy;
    postal_proxy += e.absent_vote == AbsentVote::postal_proxy;
  }
  EXPECT_GT(overseas, 0);
  EXPECT_GT(anonymous, 0);
  EXPECT_GT(attainer, 0);
  EXPECT_GT(proxy, 0);
  EXPECT_GT(postal_proxy, 0);
  const double share = static_cast<double>(postal + postal_proxy) / static_cast<double>(entries.size());
  EXPECT_NEAR(share, 0.19, 0.03);
}

TEST(Synth, RejectsBadOptions) {
  auto bad = options(-1, 1);
  EXPECT_THROW(synthesise_register(bad), Error);
  bad = options(10, 1);
  bad.outward_code = "1PE";
  EXPECT_THROW(synthesise_register(bad), Error);
}

}  // namespace
}  // namespace recall
