// Keeping public petitions right over time: the recount that proves memory equals the store (and
// repairs it), closing petitions whose period has ended, and anonymising old ones.
#include <chrono>
#include <map>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "service/petition_steps.hpp"
#include "service/public_intake.hpp"
#include "service/public_petition_checks.hpp"
#include "service/public_petition_service.hpp"

namespace recall {

namespace pp = public_petition;

namespace {

// The snapshot as the store's GROUP BY reports it: by ONS code, "" (unallocated) first, zeros left out.
std::vector<pp::ConstituencyCount> as_counts(const std::optional<pp::CountSnapshot>& snapshot) {
  std::vector<pp::ConstituencyCount> out;
  if (!snapshot) return out;
  if (snapshot->unallocated > 0) out.push_back({"", snapshot->unallocated});
  out.insert(out.end(), snapshot->by_constituency.begin(), snapshot->by_constituency.end());
  return out;
}

// Every row read and judged by the core's rule (PublicSignatureRecord::counts), page by page.
std::vector<pp::ConstituencyCount> scan(PublicPetitionStore& petitions, std::int64_t id) {
  constexpr int page_size = 50'000;
  std::map<std::string, std::int64_t> counted;
  std::int64_t after = 0;
  for (;;) {
    const std::vector<PublicSignatureRecord> page = petitions.list_signatures(id, after, page_size);
    for (const PublicSignatureRecord& row : page) {
      if (row.counts()) ++counted[row.ons_code.value_or("")];
    }
    if (page.size() < static_cast<std::size_t>(page_size)) break;
    after = page.back().id;
  }
  std::vector<pp::ConstituencyCount> out;
  for (const auto& [code, signatures] : counted) out.push_back({code, signatures});
  return out;
}

// `months` calendar months before `now` (the same time of day; the last day of a shorter month).
std::int64_t months_before(std::int64_t now, int months) {
  using namespace std::chrono;
  const sys_seconds instant{seconds{now}};
  const sys_days day = floor<days>(instant);
  year_month_day date{day};
  date -= std::chrono::months{months};
  if (!date.ok()) date = date.year() / date.month() / last;
  return (sys_days{date} + (instant - day)).time_since_epoch().count();
}

}  // namespace

RecountReport PublicPetitionService::recount(std::int64_t id, bool repair, const Actor& actor) {
  public_checks::require_moderator(actor);
  RecountReport report;
  report.petition_id = id;
  // On the writer, so no batch commits between reading memory and reading the store.
  intake_->run([&](Store& store) {
    const std::int64_t now = clock_();
    auto& petitions = store.public_petitions();
    if (!petitions.find_petition(id)) throw_not_found(fmt::format("no public petition {}", id));
    report.in_memory = as_counts(intake_->snapshot(id));
    report.grouped = petitions.count_by_constituency(id);
    report.scanned = scan(petitions, id);
    report.drift = report.in_memory != report.grouped || report.grouped != report.scanned;
    IntakeEffects effects;
    if (repair) {
      // Memory from the store; thresholds are noted again from the rebuilt total.
      effects.rebuilds.emplace_back(id, report.grouped);
      report.repaired = true;
    }
    petition_steps::audit(store, actor, now, "public-petition.recount", public_checks::target_of(id),
                          {{"drift", report.drift}, {"repaired", report.repaired}});
    return effects;
  });
  return report;
}

std::vector<std::int64_t> PublicPetitionService::close_due() {
  std::vector<std::int64_t> closed;
  intake_->run([&](Store& store) {
    auto& petitions = store.public_petitions();
    closed = petitions.close_due_petitions(clock_());
    IntakeEffects effects;
    for (const std::int64_t id : closed) {
      if (auto record = petitions.find_petition(id)) effects.petitions.push_back(std::move(record->petition));
    }
    return effects;
  });
  return closed;
}

AnonymisationResult PublicPetitionService::anonymise_due() {
  const std::int64_t now = clock_();
  // On the reading connection, not the writer: it may take a while and changes no count.
  return store_.public_petitions().anonymise_closed_before(months_before(now, config_.anonymise_after_months), now);
}

}  // namespace recall
