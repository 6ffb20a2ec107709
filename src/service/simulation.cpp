#include "service/simulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/base/error.hpp"
#include "core/calendar/working_days.hpp"
#include "core/register/synth.hpp"
#include "service/local_clock.hpp"
#include "service/petition_service.hpp"
#include "service/simulation_plan.hpp"

namespace recall {

namespace {

using std::chrono::days;

[[noreturn]] void bad_option(std::string_view field, ErrorKind kind, std::string message) {
  throw Error(kind, std::move(message), SourceLocation{"", 0, 0, std::string(field)});
}

void check_counts(const SimulationOptions& options) {
  if (options.electors < 1)
    bad_option("electors", ErrorKind::invalid_input, "a petition needs at least one elector");
  if (options.signatures < 0)
    bad_option("signatures", ErrorKind::invalid_input, "signatures cannot be negative");
  if (options.signatures > options.electors) {
    bad_option("signatures", ErrorKind::invalid_input,
               fmt::format("{} signatures is more than the {} eligible electors", options.signatures,
                           options.electors));
  }
  if (options.rejected < 0)
    bad_option("rejected", ErrorKind::invalid_input, "rejected sheets cannot be negative");
  if (options.places < 0) bad_option("places", ErrorKind::invalid_input, "places cannot be negative");
}

// The postcode district the synthetic addresses sit in: the constituency's own, from the reference
// data's example postcodes, or letters of its name when it has none there.
std::string outward_code_for(const Parliament& parliament, const Constituency& constituency) {
  for (const auto& [postcode, ons_code] : parliament.data().postcodes) {
    if (ons_code == constituency.ons_code) return postcode.substr(0, postcode.find(' '));
  }
  std::string letters;
  for (char c : constituency.name) {
    if (std::isalpha(static_cast<unsigned char>(c)) && letters.size() < 2) {
      letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  std::string outward = letters + "1";
  return normalise_postcode(outward + " 1AB") ? outward : std::string("ZZ1");
}

long places_for(const SimulationOptions& options, const Policy& policy) {
  const long maximum = policy.signing.maximum_signing_places;
  if (options.places > 0) {
    if (maximum > 0 && options.places > maximum) {
      bad_option("places", ErrorKind::invalid_input,
                 fmt::format("{} allows at most {} signing places", policy.id, maximum));
    }
    return options.places;
  }
  const long wanted = std::max(1L, (options.electors + 6'999) / 7'000);
  return maximum > 0 ? std::min(wanted, maximum) : wanted;
}

// Places open at least the statutory hours; the first opens longer, as Peterborough's did (from 07:00
// on Tuesdays, until 22:00 on Thursdays).
SigningPlace place_number(std::int64_t petition_id, long n, const std::string& outward,
                          const std::string& town) {
  SigningPlace place;
  place.petition_id = petition_id;
  place.name = n == 1 ? fmt::format("{} Town Hall", town) : fmt::format("{} Community Centre {}", town, n);
  place.address = fmt::format("{} High Street\n{}", n, town);
  place.postcode = fmt::format("{} {}AB", outward, n % 9 + 1);
  place.hours = minimum_opening_hours();
  if (n == 1) {
    for (OpeningHours& day : place.hours) {
      if (day.weekday == 2) day.opens = 7 * 60;
      if (day.weekday == 4) day.closes = 22 * 60;
    }
  }
  return place;
}

// Days of [first, last] when every place is open through 09:00-17:00.
std::vector<Date> signing_days(const std::vector<SigningPlace>& places, const Petition& petition, Date last) {
  std::vector<Date> out;
  const Date period_end = last_signing_day(petition);
  for (Date day = petition.timetable.designated_day; day <= last; day += days{1}) {
    const bool open = std::all_of(places.begin(), places.end(), [&](const SigningPlace& place) {
      return is_open(place, petition.timetable, period_end, {day, 9 * 60}) &&
             is_open(place, petition.timetable, period_end, {day, 17 * 60 - 1});
    });
    if (open) out.push_back(day);
  }
  return out;
}

[[noreturn]] void unexpected(const PlannedSheet& sheet, std::string_view what) {
  throw Error(ErrorKind::internal, fmt::format("simulation: the sheet for \"{}\" at {} was {}",
                                               sheet.elector_number, to_iso(sheet.at), what));
}

class Run {
 public:
  Run(Store& store, const Parliament& parliament, const PolicySet& policies, const SimulationOptions& options,
      const Constituency& constituency, const Policy& policy)
      : store_(store),
        options_(options),
        constituency_(constituency),
        policy_(policy),
        service_(store, parliament, policies, [this] { return now_; }),
        outward_(outward_code_for(parliament, constituency)) {
    if (options.ledger_key) service_.use_ledger_key(*options.ledger_key);
  }

  SimulationResult run() {
    const Timetable timetable =
        compute_timetable(policy_.timetable, holiday_region(constituency_.nation), options_.notice);
    check_termination(timetable);
    set_clock({options_.notice, 9 * 60});
    const auto records =
        synthesise_register(SynthOptions{outward_, constituency_.name, options_.electors, options_.seed,
                                         options_.notice, timetable.signing_period_end});
    import(records);
    Petition petition = open();
    result_.postal_sheets_issued = std::ssize(service_.postal_issues(officer_, petition.id));
    const long count = places_for(options_, policy_);
    for (long n = 1; n <= count; ++n)
      service_.add_place(officer_, place_number(petition.id, n, outward_, constituency_.name));
    result_.places = count;

    const Date last = options_.terminated_on.value_or(last_signing_day(petition));
    const Allocation allocation = service_.allocation(officer_, petition.id);
    const PetitionRegister electors(records, petition.notice,
                                    petition.timetable.cut_off_day.value_or(petition.notice),
                                    last_signing_day(petition));
    PlanInputs inputs;
    inputs.electors = &electors;
    inputs.allocation = &allocation;
    inputs.signing_days = signing_days(service_.places(petition.id), petition, last);
    inputs.day_after_close = last + days{1};
    inputs.late_sheets_possible = !options_.terminated_on;
    inputs.postal_signing = petition.postal_signing;
    inputs.proxy_signing = petition.proxy_signing;
    inputs.signatures = options_.signatures;
    inputs.rejected = options_.rejected;
    inputs.seed = options_.seed;
    const auto plan = plan_sheets(inputs);

    // New applicants get their sheets on the notice day, well before the application deadline.
    for (const PlannedSheet& sheet : plan) {
      if (sheet.needs_postal_issue) service_.issue_postal_sheet(officer_, petition.id, sheet.elector_number);
    }
    for (const PlannedSheet& sheet : plan) record(petition.id, sheet);

    if (options_.terminated_on) {
      set_clock({*options_.terminated_on, 18 * 60});
      service_.terminate(officer_, petition.id,
                         Termination{*options_.terminated_on, TerminationReason::seat_vacated,
                                     "simulated: the seat became vacant"});
      result_.outcome = "terminated";
    } else {
      declare(petition.id, last + days{1});
    }
    result_.petition = service_.petition_for_staff(officer_, petition.id);
    return std::move(result_);
  }

 private:
  void set_clock(const LocalDateTime& at) { now_ = unix_seconds_at(at); }

  void check_termination(const Timetable& timetable) const {
    if (!options_.terminated_on) return;
    if (*options_.terminated_on < timetable.designated_day ||
        *options_.terminated_on > timetable.signing_period_end) {
      bad_option("terminated_on", ErrorKind::invalid_input,
                 fmt::format("an early end falls in the signing period, {} to {}",
                             to_iso(timetable.designated_day), to_iso(timetable.signing_period_end)));
    }
  }

  void import(const std::vector<RegisterEntry>& records) {
    std::size_t next = 0;
    store_.registers().import_register(constituency_.ons_code,
                                       fmt::format("simulation (seed {})", options_.seed), now_,
                                       [&](RegisterEntry& entry) {
                                         if (next == records.size()) return false;
                                         entry = records[next++];
                                         return true;
                                       });
  }

  Petition open() {
    OpenPetitionRequest request;
    request.ons_code = constituency_.ons_code;
    request.policy_id = policy_.id;
    request.condition = options_.condition;
    if (request.condition.empty()) {
      const auto kinds = condition_kinds(policy_);
      if (kinds.empty())
        bad_option("policy", ErrorKind::invalid_input,
                   fmt::format("{} has no recall conditions", policy_.id));
      request.condition = to_string(kinds.front());
    }
    request.condition_detail = fmt::format("simulated petition (seed {})", options_.seed);
    request.notice = options_.notice;
    return service_.open_petition(officer_, request);
  }

  void record(std::int64_t petition_id, const PlannedSheet& sheet) {
    set_clock(sheet.at);
    if (sheet.kind == PlannedSheet::Kind::postal_return) {
      PostalReturnRequest request;
      request.petition_id = petition_id;
      request.elector_number = sheet.elector_number;
      request.official_mark = sheet.official_mark;
      request.void_for_uncertainty = sheet.void_for_uncertainty;
      request.date_of_birth_matched = sheet.identifiers_match;
      request.signature_matched = sheet.identifiers_match;
      request.received_on = sheet.received_on;
      const PostalReturnResult result = service_.record_postal_return(officer_, request);
      if (result.double_signing || result.rejection != sheet.expected)
        unexpected(sheet, "judged differently");
      return;
    }
    InPersonRequest request;
    request.petition_id = petition_id;
    request.place_id = sheet.place_id;
    request.elector_number = sheet.elector_number;
    request.identity_evidence = "passport";
    request.proxy_name = sheet.proxy_name;
    request.proxy_address = sheet.proxy_address;
    const InPersonOutcome outcome = service_.sign_in_person(officer_, request).outcome;
    if (outcome != InPersonOutcome::signed_petition) unexpected(sheet, to_string(outcome));
  }

  // The count the day after the close, then the Speaker, then the public notice.
  void declare(std::int64_t petition_id, Date count_day) {
    set_clock({count_day, 12 * 60});
    service_.run_count(officer_, petition_id);
    set_clock({count_day, 13 * 60});
    service_.record_speaker_notified(officer_, petition_id);
    set_clock({count_day, 15 * 60});
    result_.declaration = service_.declare(officer_, petition_id);
    result_.outcome = result_.declaration->successful ? "successful" : "unsuccessful";
    for (const SignatureSheet& sheet : store_.petitions().list_signatures(petition_id)) {
      if (!sheet.rejection) ++result_.valid_by_channel[sheet.channel];
    }
  }

  Store& store_;
  const SimulationOptions& options_;
  const Constituency& constituency_;
  const Policy& policy_;
  std::int64_t now_ = 0;
  PetitionService service_;
  std::string outward_;
  const Actor officer_ = Actor::command_line("simulation");
  SimulationResult result_;
};

}  // namespace

SimulationResult simulate_petition(Store& store, const Parliament& parliament, const PolicySet& policies,
                                   const SimulationOptions& options) {
  check_counts(options);
  const Constituency* constituency = parliament.constituency(options.ons_code);
  if (constituency == nullptr) {
    bad_option("constituency", ErrorKind::not_found,
               fmt::format("no constituency with ONS code \"{}\"", options.ons_code));
  }
  const Policy* policy = policies.find(options.policy_id);
  if (policy == nullptr)
    bad_option("policy", ErrorKind::not_found, fmt::format("no policy \"{}\"", options.policy_id));
  Run run(store, parliament, policies, options, *constituency, *policy);
  SimulationResult result;
  // One transaction: 20,000 signatures commit once, and a failure leaves nothing behind.
  store.transaction([&] { result = run.run(); });
  return result;
}

Date notice_for_designated_day(const Policy& policy, HolidayRegion region, Date designated) {
  for (Date notice = designated - days{1}; notice > designated - days{60}; notice -= days{1}) {
    if (policy.timetable.uses_working_days && !is_working_day(region, notice)) continue;
    try {
      if (compute_timetable(policy.timetable, region, notice).designated_day == designated) return notice;
    } catch (const Error&) {
      // outside the supported calendar: keep looking, then report below
    }
  }
  throw Error(ErrorKind::invalid_input,
              fmt::format("no notice under {} gives {} as the designated day", policy.id, to_iso(designated)),
              SourceLocation{"", 0, 0, "designated_day"});
}

}  // namespace recall
