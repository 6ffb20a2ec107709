#include "core/register/synth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <span>

#include "core/base/error.hpp"
#include "core/base/split_mix64.hpp"
#include "core/parliament/parliament.hpp"
#include "core/register/synth_names.hpp"

namespace recall {

namespace {

using std::chrono::days;

using Rng = SplitMix64;

// What a generated person's records do for the s.14 count.
enum class Kind {
  counted,              // on the register since before the notice
  counted_attainer,     // turned 18 before the close
  counted_court_order,  // added after the cut-off by court order
  under_18,             // attainer still under 18 at the close
  late,                 // late application taking effect between notice and cut-off
  after_cut_off,        // ordinary addition after the cut-off
  deleted,              // on the register, then deleted before the notice
  after_close,          // takes effect after the close
};

constexpr std::string_view inward_letters = "ABDEFGHJLNPQRSTUWXYZ";  // letters Royal Mail uses inward

struct Street {
  std::string name;
  std::string postcode;
  std::string district;  // polling district letters
  long houses = 0;
};

class Generator {
 public:
  explicit Generator(const SynthOptions& options) : options_(options), rng_(options.seed) {}

  std::vector<RegisterEntry> run() {
    std::vector<Kind> people = kinds();
    // Fisher-Yates, so the records that do not count are spread through every district.
    for (std::size_t i = people.size(); i > 1; --i) std::swap(people[i - 1], people[rng_.below(i)]);
    districts_ = std::max<std::size_t>(1, people.size() / 2000 + 1);
    streets_per_district_ = std::max<std::size_t>(1, people.size() / 150 / districts_ + 1);
    next_street();
    for (Kind kind : people) add_person(kind);
    return std::move(out_);
  }

 private:
  std::vector<Kind> kinds() {
    const long n = options_.eligible;
    const long extra = n / 150 + 1;
    std::vector<Kind> people;
    people.reserve(static_cast<std::size_t>(n + 5 * extra));
    const long attainers = n / 60;
    const long court_orders = n / 400;
    for (long i = 0; i < n; ++i) {
      people.push_back(i < attainers                  ? Kind::counted_attainer
                       : i < attainers + court_orders ? Kind::counted_court_order
                                                      : Kind::counted);
    }
    for (Kind k : {Kind::under_18, Kind::late, Kind::after_cut_off, Kind::deleted, Kind::after_close}) {
      for (long i = 0; i < extra; ++i) people.push_back(k);
    }
    return people;
  }

  std::string district_code(std::size_t index) const {
    const char first = options_.outward_code.front();
    if (index < 26) return fmt::format("{}{}", first, static_cast<char>('A' + index));
    return fmt::format("{}{}{}", first, static_cast<char>('A' + index / 26 % 26), static_cast<char>('A' + index % 26));
  }

  void next_street() {
    const std::size_t index = street_count_++;
    Street s;
    const auto stems = synth_names::street_stems();
    const auto suffixes = synth_names::street_suffixes();
    s.name = fmt::format("{} {}", stems[index % stems.size()], suffixes[(index / stems.size() + index) % suffixes.size()]);
    s.postcode = fmt::format("{} {}{}{}", options_.outward_code, 1 + rng_.below(9),
                             inward_letters[rng_.below(inward_letters.size())],
                             inward_letters[rng_.below(inward_letters.size())]);
    s.district = district_code(std::min(index / streets_per_district_, districts_ - 1));
    s.houses = rng_.between(12, 160);
    if (s.district != street_.district) next_number_ = 1;
    street_ = std::move(s);
    house_ = 0;
    household_left_ = 0;
  }

  void start_household() {
    if (++house_ > street_.houses) {
      next_street();
      house_ = 1;
    }
    household_left_ = static_cast<int>(rng_.between(1, 4));
    household_surname_ = std::string(rng_.pick(synth_names::surnames()));
    flat_ = rng_.per_mille(120) ? fmt::format("Flat {}", rng_.between(1, 12)) : std::string();
  }

  std::string full_name() {
    return fmt::format("{} {}", rng_.pick(synth_names::forenames()), rng_.pick(synth_names::surnames()));
  }

  RegisterEntry person() {
    if (household_left_ == 0) start_household();
    --household_left_;
    RegisterEntry e;
    e.elector_number = fmt::format("{}-{}", street_.district, next_number_++);
    e.surname = rng_.per_mille(750) ? household_surname_ : std::string(rng_.pick(synth_names::surnames()));
    e.forenames = std::string(rng_.pick(synth_names::forenames()));
    if (rng_.per_mille(300)) e.forenames += fmt::format(" {}", rng_.pick(synth_names::forenames()));
    const std::string house = fmt::format("{} {}", house_, street_.name);
    e.address_1 = flat_.empty() ? house : flat_;
    e.address_2 = flat_.empty() ? std::string() : house;
    e.address_3 = options_.town;
    e.postcode = street_.postcode;
    e.date_of_birth = adult_date_of_birth(e.elector_number);
    const auto roll = rng_.below(1000);
    if (roll < 180) {
      e.absent_vote = AbsentVote::postal;
    } else if (roll < 195) {
      e.absent_vote = AbsentVote::proxy;
    } else if (roll < 200) {
      e.absent_vote = AbsentVote::postal_proxy;
    }
    if (e.absent_vote == AbsentVote::proxy || e.absent_vote == AbsentVote::postal_proxy) {
      e.proxy_name = full_name();
      e.proxy_address = fmt::format("{} {}, {}", rng_.between(1, 160), street_.name, street_.postcode);
    }
    e.markers.overseas = rng_.per_mille(10);
    if (rng_.per_mille(3)) {  // anonymous: the published register shows the number and markers only
      e.markers.anonymous = true;
      e.surname.clear();
      e.forenames.clear();
      e.address_1.clear();
      e.address_2.clear();
      e.address_3.clear();
      e.postcode.clear();
    }
    return e;
  }

  // Every adult gets a date of birth as a personal identifier (online signing checks it). It comes from
  // a hash of the seed and elector number rather than from rng_, so adding it left every other field
  // of the generated registers as it was.
  Date adult_date_of_birth(std::string_view elector_number) const {
    std::uint64_t hash = 1469598103934665603ULL ^ options_.seed;
    for (const char c : elector_number) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    // At least 18 years and a day before the close (18 years are at most 6,575 days), at most ~88.
    const auto days_before_close = 6576 + static_cast<long>(hash % (70ULL * 365ULL));
    return options_.close_day - days{days_before_close};
  }

  void make_attainer(RegisterEntry& e, long days_before_18th) {
    // 18 years are 6,574 or 6,575 days: born 6,575 days before the close is 18 by then, 6,573 is not.
    e.markers.attainer = true;
    e.date_of_birth = options_.close_day - days{days_before_18th};
  }

  void add_person(Kind kind) {
    RegisterEntry e = person();
    const Date notice = options_.notice_date;
    const Date close = options_.close_day;
    const Date annual = notice - days{100};  // the last annual register before the notice
    e.effective_on = annual;
    e.applied_on = annual - days{rng_.between(30, 900)};
    switch (kind) {
      case Kind::counted:
        if (rng_.per_mille(40)) {  // a rolling addition between the annual register and the notice
          e.effective_on = notice - days{rng_.between(0, 99)};
          e.applied_on = e.effective_on - days{rng_.between(5, 30)};
        }
        break;
      case Kind::counted_attainer:
        make_attainer(e, 6575 + rng_.between(0, 300));
        e.applied_on = annual - days{rng_.between(30, 300)};
        break;
      case Kind::counted_court_order:
        e.cause = ChangeCause::court_order;
        e.effective_on = close - days{2};
        e.applied_on = e.effective_on - days{3};
        break;
      case Kind::under_18:
        make_attainer(e, 6573 - rng_.between(0, 300));
        e.applied_on = annual - days{rng_.between(30, 300)};
        break;
      case Kind::late:
        e.cause = ChangeCause::late_application;
        e.applied_on = notice + days{1};
        e.effective_on = notice + days{1};
        break;
      case Kind::after_cut_off:
        e.applied_on = notice - days{5};
        e.effective_on = close - days{1};
        break;
      case Kind::deleted:
      case Kind::after_close:
        break;
    }
    if (kind == Kind::after_close) {
      e.cause = ChangeCause::court_order;
      e.applied_on = close;
      e.effective_on = close + days{rng_.between(1, 10)};
    }
    out_.push_back(e);
    if (kind == Kind::deleted) {
      RegisterEntry gone;
      gone.elector_number = e.elector_number;
      gone.change = ChangeKind::deletion;
      gone.effective_on = notice - days{rng_.between(1, 60)};
      gone.applied_on = gone.effective_on;
      out_.push_back(gone);
    } else if (kind == Kind::counted && !e.markers.anonymous && rng_.per_mille(20)) {
      RegisterEntry fixed = e;  // a corrected spelling, taking effect on the notice day
      fixed.change = ChangeKind::correction;
      fixed.forenames = std::string(rng_.pick(synth_names::forenames()));
      fixed.applied_on = notice - days{10};
      fixed.effective_on = notice;
      out_.push_back(fixed);
    }
  }

  const SynthOptions& options_;
  Rng rng_;
  std::vector<RegisterEntry> out_;
  std::size_t districts_ = 1;
  std::size_t streets_per_district_ = 1;
  std::size_t street_count_ = 0;
  Street street_;
  long house_ = 0;
  long next_number_ = 1;
  int household_left_ = 0;
  std::string household_surname_;
  std::string flat_;
};

}  // namespace

std::vector<RegisterEntry> synthesise_register(const SynthOptions& options) {
  if (options.eligible < 0) throw_invalid("the number of electors cannot be negative");
  const auto sample = normalise_postcode(options.outward_code + " 1AB");
  if (options.outward_code.empty() || !sample || sample->substr(0, sample->find(' ')) != options.outward_code) {
    throw_invalid(fmt::format("\"{}\" is not a postcode outward code such as \"PE1\"", options.outward_code));
  }
  if (options.close_day - options.notice_date < days{5}) {
    throw_invalid("the close must be at least five days after the Speaker's notice");
  }
  return Generator(options).run();
}

}  // namespace recall
