// PublicPetitionStore contract, checked against references on seeded random data: the GROUP BY count
// equals a brute-force count of a model after any mix of inserts, confirmations, invalidations and
// clearings (and the CountChanges the store returns keep a running count equal to both), and the
// SQL of bulk invalidation selects exactly what public_petition::matches() selects.
#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <set>

#include <fmt/format.h>

#include "contract/sample_public_petition.hpp"
#include "contract/store_contract.hpp"

namespace recall::contract {

namespace {

namespace pp = public_petition;

constexpr std::int64_t open_from = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t open_to = std::numeric_limits<std::int64_t>::max();

// Addresses around the edges that matter: IPv4 in a few networks, IPv6 in and out of 2001:db8::/32,
// and IPv6 just below and above the IPv4-mapped block ::ffff:0:0/96, which an IPv6 range such as
// ::/64 spans in sort-key order without containing any IPv4 address.
std::vector<pp::IpAddress> address_pool() {
  std::vector<pp::IpAddress> pool;
  for (const char* text :
       {"198.51.100.1", "198.51.100.7", "198.51.100.200", "198.51.101.5", "203.0.113.9", "10.0.0.1",
        "2001:db8::1", "2001:db8::ff", "2001:db8:1::1", "2001:db8:abcd::1", "::1", "2001:db9::1"}) {
    pool.push_back(pp::parse_ip_address(text));
  }
  pool.push_back(pp::IpAddress::v6(0, 0x0000'FFFE'0000'0001ULL));
  pool.push_back(pp::IpAddress::v6(0, 0x0001'0000'0000'0001ULL));
  return pool;
}

const std::vector<std::string> domains{"example.com",    "mail.example.com", "a.mail.example.com",
                                       "badexample.com", "example.org",      "gmail.com",
                                       "googlemail.com"};
const std::vector<std::string> postcodes{"PE1 1AA", "PE2 2BB", "SW1A 1AA"};
const std::vector<std::optional<std::string>> constituencies{"E14000864", "S14000051", "W07000049",
                                                             std::nullopt};

// A model row: what the store should hold.
struct Model {
  std::int64_t id = 0;
  std::optional<std::string> ons_code;
  bool suspect = false;
  PublicSignatureState state = PublicSignatureState::pending;
  TokenHash token{};
  pp::SignatureRecord record;

  [[nodiscard]] bool counts() const { return state == PublicSignatureState::confirmed && !suspect; }
};

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(engine_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
  template <class T>
  const T& pick(const std::vector<T>& from) {
    return from[below(from.size())];
  }

 private:
  std::mt19937_64 engine_;
};

pp::InvalidationCriteria random_criteria(Random& random, const std::vector<Model>& rows,
                                         const std::vector<pp::IpAddress>& addresses) {
  pp::InvalidationCriteria criteria;
  while (criteria.empty()) {
    if (random.chance(0.5)) {
      const pp::IpAddress ip = random.pick(addresses);
      const std::vector<int> v4_prefixes{0, 8, 16, 23, 24, 31, 32};
      const std::vector<int> v6_prefixes{0, 16, 32, 48, 64, 80, 95, 96, 97, 112, 128};
      const int prefix = random.pick(ip.family() == pp::IpAddress::Family::v4 ? v4_prefixes : v6_prefixes);
      criteria.ip = pp::CidrRange{ip.masked(prefix), prefix};
    }
    if (random.chance(0.4)) {
      const std::vector<pp::DomainPattern> patterns{
          {"example.com", false}, {"example.com", true}, {"mail.example.com", true},
          {"example.org", false}, {"gmail.com", true},   {"com", true},
          {"ample.com", true},    {"e_ample.com", true}};  // '_' is no wildcard
      criteria.domain = random.pick(patterns);
    }
    if (random.chance(0.3)) criteria.postcode = random.pick(postcodes);
    if (random.chance(0.4) && !rows.empty()) {
      const std::int64_t from = random.chance(0.2) ? open_from
                                                   : random.pick(rows).record.signed_at +
                                                         static_cast<std::int64_t>(random.below(3)) - 1;
      const std::int64_t to = random.chance(0.2) ? open_to
                                                 : (from == open_from ? public_epoch : from) + 1 +
                                                       static_cast<std::int64_t>(random.below(200));
      criteria.window = pp::TimeWindow{from, to};
    }
  }
  return criteria;
}

NewPublicSignature random_signature(Random& random, std::int64_t petition_id, int signer, std::int64_t at,
                                    std::uint64_t token, const std::vector<pp::IpAddress>& addresses) {
  const std::string& domain = domains[static_cast<std::size_t>(signer) % domains.size()];
  // The same signer always has the same canonical email, typed differently at times.
  const bool gmail = domain == "gmail.com" || domain == "googlemail.com";
  const std::string typed =
      gmail && random.chance(0.5)
          ? fmt::format("sig.ner{}+again@{}", signer, random.chance(0.5) ? "googlemail.com" : "gmail.com")
          : fmt::format("signer{}@{}", signer, domain);
  NewPublicSignature s = sample_signature(petition_id, signer);
  s.email = pp::parse_email_address(typed);
  s.postcode = random.pick(postcodes);
  s.ons_code = random.pick(constituencies);
  s.ip = random.pick(addresses);
  s.created_at = at;
  s.confirm_token_hash = sample_token(token);
  if (random.chance(0.2)) s.screening = {pp::SignatureStanding::suspect, pp::SuspectReason::over_burst_limit};
  return s;
}

Model model_of(const NewPublicSignature& s, std::int64_t id) {
  return Model{id,
               s.ons_code,
               s.screening.standing == pp::SignatureStanding::suspect,
               PublicSignatureState::pending,
               s.confirm_token_hash,
               pp::SignatureRecord{id, s.ip, s.email.domain, s.postcode, s.created_at}};
}

std::vector<pp::ConstituencyCount> brute_force(const std::vector<Model>& rows) {
  std::map<std::string, std::int64_t> counts;
  for (const Model& row : rows) {
    if (row.counts()) ++counts[row.ons_code.value_or("")];
  }
  std::vector<pp::ConstituencyCount> out;
  for (const auto& [code, n] : counts) out.push_back({code, n});
  return out;
}

std::vector<pp::ConstituencyCount> running(const std::map<std::string, std::int64_t>& counts) {
  std::vector<pp::ConstituencyCount> out;
  for (const auto& [code, n] : counts) {
    if (n != 0) out.push_back({code, n});
  }
  return out;
}

void apply_changes(std::map<std::string, std::int64_t>& counts, const std::vector<pp::CountChange>& changes) {
  for (const pp::CountChange& change : changes) counts[change.ons_code] += change.delta;
}

struct RolledBack {};

}  // namespace

TEST_P(StoreContract, PublicCountsEqualABruteForceCountAfterAnyMix) {
  auto store = open();
  auto& petitions = store->public_petitions();
  pp::PublicPetition petition = sample_public_petition();
  petition.id = petitions.create_petition(petition, sample_token(1));
  const std::vector<pp::IpAddress> addresses = address_pool();
  Random random(20190321);
  std::vector<Model> rows;
  std::set<std::string> emails;
  std::map<std::string, std::int64_t> counts;  // kept only from the CountChanges the store returned
  std::uint64_t next_token = 10;
  std::int64_t now = public_epoch;

  for (int step = 0; step < 60; ++step) {
    SCOPED_TRACE(fmt::format("step {}", step));
    now += 7;
    const std::size_t op = random.below(10);
    if (op < 4 || rows.empty()) {
      std::vector<NewPublicSignature> batch;
      const std::size_t size = 1 + random.below(8);
      for (std::size_t i = 0; i < size; ++i) {
        batch.push_back(random_signature(random, petition.id, static_cast<int>(random.below(50)),
                                         now + static_cast<std::int64_t>(i), next_token++, addresses));
      }
      const auto inserted = petitions.add_signatures(batch);
      ASSERT_EQ(inserted.size(), batch.size());
      for (std::size_t i = 0; i < batch.size(); ++i) {
        const bool fresh = emails.insert(batch[i].email.canonical).second;
        ASSERT_EQ(inserted[i].duplicate(), !fresh) << batch[i].email.address;
        if (fresh) rows.push_back(model_of(batch[i], *inserted[i].id));
      }
    } else if (op < 7) {
      std::vector<ConfirmToken> tokens;
      const std::size_t size = 1 + random.below(6);
      for (std::size_t i = 0; i < size; ++i) {
        const Model& row = random.pick(rows);
        tokens.push_back({row.id, row.token});
      }
      tokens.push_back({random.pick(rows).id, sample_token(next_token + 1'000'000)});  // never issued
      const auto confirmed = petitions.confirm_signatures(tokens, now);
      std::vector<pp::CountChange> changes;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        Model* row = nullptr;
        for (Model& candidate : rows) {
          if (candidate.id == tokens[i].signature_id && candidate.token == tokens[i].hash) row = &candidate;
        }
        const bool expect = row != nullptr && row->state == PublicSignatureState::pending;
        ASSERT_EQ(confirmed[i].has_value(), expect);
        if (!expect) continue;
        row->state = PublicSignatureState::confirmed;
        ASSERT_EQ(confirmed[i]->id, row->id);
        ASSERT_EQ(confirmed[i]->counts, !row->suspect);
        if (confirmed[i]->counts) changes.push_back(confirmed[i]->count_change());
      }
      apply_changes(counts, changes);
    } else if (op < 9) {
      const pp::InvalidationCriteria criteria = random_criteria(random, rows, addresses);
      const InvalidationResult result = petitions.invalidate(petition.id, criteria, now, std::nullopt);
      std::int64_t matched = 0;
      std::map<std::string, std::int64_t> lost;
      for (Model& row : rows) {
        if (row.state == PublicSignatureState::invalidated || !pp::matches(criteria, row.record)) continue;
        ++matched;
        if (row.counts()) ++lost[row.ons_code.value_or("")];
        row.state = PublicSignatureState::invalidated;
      }
      ASSERT_EQ(result.matched, matched);
      std::map<std::string, std::int64_t> returned;
      for (const auto& change : result.changes) {
        ASSERT_EQ(change.delta, -1);
        ++returned[change.ons_code];
      }
      ASSERT_EQ(returned, lost);
      apply_changes(counts, result.changes);
    } else {
      std::vector<pp::CountChange> changes;
      if (random.chance(0.5)) {
        changes = petitions.clear_all_suspects(petition.id);
        for (Model& row : rows) {
          if (row.state != PublicSignatureState::invalidated) row.suspect = false;
        }
      } else {
        std::vector<std::int64_t> ids;
        for (std::size_t i = 0, n = 1 + random.below(5); i < n; ++i) ids.push_back(random.pick(rows).id);
        changes = petitions.clear_suspects(petition.id, ids);
        for (Model& row : rows) {
          if (row.state != PublicSignatureState::invalidated &&
              std::find(ids.begin(), ids.end(), row.id) != ids.end()) {
            row.suspect = false;
          }
        }
      }
      apply_changes(counts, changes);
    }
    const auto expected = brute_force(rows);
    ASSERT_EQ(petitions.count_by_constituency(petition.id), expected);
    ASSERT_EQ(running(counts), expected);
  }
  EXPECT_GT(rows.size(), 20u) << "the mix inserted enough to mean something";
}

TEST_P(StoreContract, PublicInvalidationSqlSelectsWhatMatchesSelects) {
  auto store = open();
  auto& petitions = store->public_petitions();
  pp::PublicPetition petition = sample_public_petition();
  petition.id = petitions.create_petition(petition, sample_token(1));
  const std::vector<pp::IpAddress> addresses = address_pool();
  Random random(4242);

  // Every address with every domain at least once, times spread over a few minutes.
  std::vector<NewPublicSignature> batch;
  for (int signer = 0; signer < 120; ++signer) {
    NewPublicSignature s =
        random_signature(random, petition.id, signer, public_epoch + signer * 3, 100 + signer, addresses);
    s.ip = addresses[static_cast<std::size_t>(signer) % addresses.size()];
    batch.push_back(s);
  }
  const auto inserted = petitions.add_signatures(batch);
  std::vector<Model> rows;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    ASSERT_FALSE(inserted[i].duplicate());
    rows.push_back(model_of(batch[i], *inserted[i].id));
  }
  std::vector<pp::SignatureRecord> records;
  for (const Model& row : rows) records.push_back(row.record);

  int nonempty = 0;
  for (int round = 0; round < 60; ++round) {
    const pp::InvalidationCriteria criteria = random_criteria(random, rows, addresses);
    SCOPED_TRACE(fmt::format(
        "round {}: ip {} domain {} postcode {} window {}", round,
        criteria.ip ? pp::to_string(*criteria.ip) : "-",
        criteria.domain ? pp::to_string(*criteria.domain) : "-", criteria.postcode.value_or("-"),
        criteria.window ? fmt::format("{}..{}", criteria.window->from, criteria.window->to) : "-"));
    const std::vector<std::int64_t> expected = pp::select_for_invalidation(criteria, records);
    std::vector<std::int64_t> struck;
    // Each round is rolled back, so every round sees every signature.
    EXPECT_THROW(store->transaction([&] {
      const InvalidationResult result =
          petitions.invalidate(petition.id, criteria, public_epoch + 3600, std::nullopt);
      for (const Model& row : rows) {
        if (petitions.find_signature(row.id)->state == PublicSignatureState::invalidated)
          struck.push_back(row.id);
      }
      EXPECT_EQ(result.matched, static_cast<std::int64_t>(struck.size()));
      throw RolledBack{};
    }),
                 RolledBack);
    ASSERT_EQ(struck, expected);
    if (!expected.empty() && expected.size() < rows.size()) ++nonempty;
  }
  EXPECT_GT(nonempty, 10) << "the random criteria split the signatures often enough to test something";
  EXPECT_TRUE(petitions.list_invalidations(petition.id).empty()) << "every round was rolled back";
}

}  // namespace recall::contract
