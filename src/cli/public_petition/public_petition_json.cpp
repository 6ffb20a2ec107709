#include "cli/public_petition/public_petition_json.hpp"

#include <array>

#include "core/auth/clock.hpp"

namespace recall::cli {

nlohmann::ordered_json utc_or_null(const std::optional<std::int64_t>& seconds) {
  return seconds ? nlohmann::ordered_json(format_utc_timestamp(*seconds)) : nlohmann::ordered_json(nullptr);
}

namespace {

nlohmann::ordered_json text_or_null(const std::optional<std::string>& text) {
  return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json to_json(const PublicPetitionRecord& record) {
  const public_petition::PublicPetition& p = record.petition;
  nlohmann::ordered_json out;
  out["id"] = p.id;
  out["state"] = to_string(p.state);
  out["action"] = p.text.action;
  out["background"] = p.text.background;
  out["additional_details"] = p.text.details;
  out["target"] = {{"member_id", text_or_null(p.target.member_id)}, {"ons_code", text_or_null(p.target.ons_code)}};
  out["created_at"] = format_utc_timestamp(p.created_at);
  out["sponsor_count"] = p.sponsor_count;
  out["moderation_threshold_reached_at"] = utc_or_null(p.sponsored_at);
  out["opened_at"] = utc_or_null(p.opened_at);
  out["closes_at"] = utc_or_null(p.closes_at);
  out["closed_at"] = utc_or_null(p.closed_at);
  if (p.moderation) {
    out["rejection"] = {{"code", to_string(p.moderation->reason)},
                        {"details", p.moderation->note},
                        {"decided_at", format_utc_timestamp(p.moderation->decided_at)}};
  } else {
    out["rejection"] = nullptr;
  }
  auto thresholds = nlohmann::ordered_json::array();
  for (const auto& mark : p.thresholds) {
    thresholds.push_back({{"signatures", mark.signatures}, {"reached_at", utc_or_null(mark.reached_at)}});
  }
  out["thresholds"] = std::move(thresholds);
  out["anonymised_at"] = utc_or_null(record.anonymised_at);
  return out;
}

nlohmann::ordered_json counts_to_json(std::span<const public_petition::ConstituencyCount> counts,
                                      const Parliament& parliament) {
  constexpr std::array nations = {Nation::england, Nation::scotland, Nation::wales, Nation::northern_ireland};
  std::array<std::int64_t, nations.size()> by_nation{};
  std::int64_t total = 0;
  std::int64_t unallocated = 0;
  auto by_constituency = nlohmann::ordered_json::array();
  for (const auto& count : counts) {
    total += count.signatures;
    const Constituency* constituency = count.ons_code.empty() ? nullptr : parliament.constituency(count.ons_code);
    if (constituency == nullptr) {  // unallocated, or a code the reference data no longer knows
      unallocated += count.signatures;
      continue;
    }
    by_nation[static_cast<std::size_t>(constituency->nation)] += count.signatures;
    const Member* mp = parliament.member_for(count.ons_code);
    by_constituency.push_back({{"name", constituency->name},
                               {"ons_code", count.ons_code},
                               {"mp", mp ? nlohmann::ordered_json(mp->name + " MP") : nlohmann::ordered_json(nullptr)},
                               {"signature_count", count.signatures}});
  }
  auto by_nation_json = nlohmann::ordered_json::array();
  for (const Nation nation : nations) {
    by_nation_json.push_back({{"name", display_name(nation)},
                              {"code", to_string(nation)},
                              {"signature_count", by_nation[static_cast<std::size_t>(nation)]}});
  }
  nlohmann::ordered_json out;
  out["signature_count"] = total;
  out["unallocated"] = unallocated;
  out["signatures_by_constituency"] = std::move(by_constituency);
  out["signatures_by_nation"] = std::move(by_nation_json);
  return out;
}

}  // namespace recall::cli
