#include "service/simulation_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/base/error.hpp"
#include "core/base/split_mix64.hpp"

namespace recall {

namespace {

using Rng = SplitMix64;

// Rejected sheets cycle through the reasons in the order the public notice lists them.
constexpr std::array<RejectionReason, 5> reason_cycle{
    RejectionReason::want_of_official_mark, RejectionReason::unmarked_or_void_for_uncertainty,
    RejectionReason::identifiers_failed, RejectionReason::not_entitled, RejectionReason::received_late};

bool has_postal_sheet(const RegisterEntry& entry) {
  return entry.absent_vote == AbsentVote::postal || entry.absent_vote == AbsentVote::postal_proxy;
}

class Planner {
 public:
  explicit Planner(const PlanInputs& inputs) : in_(inputs), rng_(inputs.seed ^ 0x7265'6361'6c6cULL) {
    for (const PetitionElector* elector : in_.electors->electors()) {
      (elector->entitled ? entitled_ : not_entitled_).push_back(elector);
    }
  }

  std::vector<PlannedSheet> run() {
    if (in_.signatures < 0 || static_cast<std::size_t>(in_.signatures) > entitled_.size()) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("{} signatures cannot come from {} entitled electors", in_.signatures,
                              entitled_.size()),
                  SourceLocation{"", 0, 0, "signatures"});
    }
    if (in_.signing_days.empty() && in_.signatures + in_.rejected > 0) {
      throw Error(ErrorKind::invalid_input, "the petition has no day on which its places are open",
                  SourceLocation{"", 0, 0, "terminated_on"});
    }
    for (std::size_t i = entitled_.size(); i > 1; --i) std::swap(entitled_[i - 1], entitled_[rng_.below(i)]);
    for (long i = 0; i < in_.signatures; ++i) add_signature(*entitled_[next_entitled_++]);
    for (long i = 0; i < in_.rejected; ++i)
      add_rejection(reason_cycle[static_cast<std::size_t>(i) % reason_cycle.size()]);
    std::stable_sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    return std::move(out_);
  }

 private:
  // A day the elector is on the register, 09:00-16:59 (every place is open then on a signing day).
  LocalDateTime signing_time(const RegisterEntry& entry) {
    Date day = in_.signing_days[rng_.below(in_.signing_days.size())];
    if (entry.effective_on > day) {
      const auto later =
          std::lower_bound(in_.signing_days.begin(), in_.signing_days.end(), entry.effective_on);
      if (later != in_.signing_days.end()) day = *later;
    }
    return LocalDateTime{day, 9 * 60 + static_cast<int>(rng_.below(8 * 60))};
  }

  void add_signature(const PetitionElector& elector) {
    const RegisterEntry& entry = elector.entry;
    PlannedSheet sheet;
    sheet.elector_number = entry.elector_number;
    sheet.at = signing_time(entry);
    if (in_.postal_signing && has_postal_sheet(entry)) {
      postal_return(sheet);
    } else {
      const bool by_proxy = in_.proxy_signing && entry.absent_vote == AbsentVote::proxy;
      sheet.kind = by_proxy ? PlannedSheet::Kind::proxy_in_person : PlannedSheet::Kind::in_person;
      if (sheet.kind == PlannedSheet::Kind::proxy_in_person) {
        sheet.proxy_name = entry.proxy_name;
        sheet.proxy_address = entry.proxy_address;
      }
      sheet.place_id = place_of(entry.elector_number);
    }
    out_.push_back(std::move(sheet));
  }

  // Sheets come in with the day's post and are recorded at the end of the afternoon.
  static void postal_return(PlannedSheet& sheet) {
    sheet.kind = PlannedSheet::Kind::postal_return;
    sheet.received_on = sheet.at.date;
    sheet.at.minutes = 17 * 60 + 30;
  }

  void add_rejection(RejectionReason reason) {
    PlannedSheet sheet;
    sheet.at = LocalDateTime{in_.signing_days.empty() ? in_.day_after_close
                                                      : in_.signing_days[rng_.below(in_.signing_days.size())],
                             0};
    postal_return(sheet);
    const PetitionElector* elector = nullptr;
    if (reason == RejectionReason::received_late && !in_.late_sheets_possible) reason = reason_cycle[1];
    if (reason == RejectionReason::not_entitled) {
      sheet.elector_number = unentitled_number();
    } else if (reason != RejectionReason::unmarked_or_void_for_uncertainty && in_.postal_signing) {
      if (next_entitled_ < entitled_.size()) {
        elector = entitled_[next_entitled_++];
      } else {
        reason = RejectionReason::unmarked_or_void_for_uncertainty;  // nobody left to name on a sheet
      }
    } else {
      reason =
          RejectionReason::unmarked_or_void_for_uncertainty;  // without postal sheets only void ones remain
    }
    if (elector != nullptr) {
      sheet.elector_number = elector->entry.elector_number;
      sheet.needs_postal_issue = !has_postal_sheet(elector->entry);
    }
    switch (reason) {
      case RejectionReason::want_of_official_mark:
        sheet.official_mark = false;
        break;
      case RejectionReason::unmarked_or_void_for_uncertainty:
        sheet.void_for_uncertainty = true;
        break;
      case RejectionReason::identifiers_failed:
        sheet.identifiers_match = false;
        break;
      case RejectionReason::not_entitled:
        break;
      case RejectionReason::received_late:
        sheet.received_on = in_.day_after_close;
        sheet.at = LocalDateTime{in_.day_after_close, 10 * 60};
        break;
    }
    sheet.expected = reason;
    out_.push_back(std::move(sheet));
  }

  // Someone on the register who may not sign (under 18 at the close), else a number nobody holds.
  std::string unentitled_number() {
    if (next_not_entitled_ < not_entitled_.size())
      return not_entitled_[next_not_entitled_++]->entry.elector_number;
    const std::string district = in_.electors->polling_districts().empty()
                                     ? std::string("ZZ")
                                     : in_.electors->polling_districts().front();
    std::string number;
    do {
      number = fmt::format("{}-{}", district, 999'999 - unregistered_++);
    } while (in_.electors->find(number) != nullptr);
    return number;
  }

  std::int64_t place_of(const std::string& elector_number) const {
    const auto found = in_.allocation->find(std::string(polling_district_of(elector_number)));
    if (found == in_.allocation->end()) {
      throw Error(ErrorKind::internal, fmt::format("no signing place for {}", elector_number));
    }
    return found->second;
  }

  const PlanInputs& in_;
  Rng rng_;
  std::vector<const PetitionElector*> entitled_;
  std::vector<const PetitionElector*> not_entitled_;
  std::size_t next_entitled_ = 0;
  std::size_t next_not_entitled_ = 0;
  long unregistered_ = 0;
  std::vector<PlannedSheet> out_;
};

}  // namespace

std::vector<PlannedSheet> plan_sheets(const PlanInputs& inputs) { return Planner(inputs).run(); }

}  // namespace recall
