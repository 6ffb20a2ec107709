// GET /public/petitions/{id}: the petition, its count (which the page's script refreshes from
// count.json without a reload), a hexmap of signatures by constituency, the count by nation and the
// constituencies with most signatures, the thresholds reached, the sign form while it is open, and
// the CSV download. Hidden petitions answer 410 (404 if they were never public).
#include <algorithm>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "http/routes/format.hpp"
#include "http/routes/hexmap_view.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_form.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/public_petition_view.hpp"

namespace recall::http {

namespace pp = public_petition;

namespace {

constexpr std::size_t top_constituencies = 10;

// Five shades by share of the busiest constituency (0 for none), the same rule as the page's script.
int shade(std::int64_t count, std::int64_t busiest) {
  if (count <= 0 || busiest <= 0) return 0;
  return static_cast<int>(std::clamp<std::int64_t>((count * 5 + busiest - 1) / busiest, 1, 5));
}

nlohmann::json counts_view(const Site& site, const pp::CountSnapshot& snapshot) {
  std::unordered_map<std::string, std::int64_t> by_code;
  std::int64_t busiest = 0;
  for (const auto& row : snapshot.by_constituency) {
    if (row.ons_code.empty()) continue;
    by_code[row.ons_code] = row.signatures;
    busiest = std::max(busiest, row.signatures);
  }
  nlohmann::json map = hexmap_geometry_json(site.parliament);
  for (auto& hex : map["hexes"]) {
    const auto it = by_code.find(hex["ons_code"].get<std::string>());
    const std::int64_t count = it == by_code.end() ? 0 : it->second;
    hex["signature_count"] = count;
    hex["shade"] = shade(count, busiest);
    hex["title"] = fmt::format("{}: {} signatures", hex["name"].get<std::string>(), with_thousands(count));
  }

  std::vector<pp::ConstituencyCount> top;
  for (const auto& row : snapshot.by_constituency) {
    if (!row.ons_code.empty() && row.signatures > 0) top.push_back(row);
  }
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.signatures != b.signatures ? a.signatures > b.signatures : a.ons_code < b.ons_code;
  });
  if (top.size() > top_constituencies) top.resize(top_constituencies);
  nlohmann::json top_json = nlohmann::json::array();
  for (const auto& row : top) {
    const Constituency* c = site.parliament.constituency(row.ons_code);
    const Member* member = site.parliament.member_for(row.ons_code);
    top_json.push_back({{"ons_code", row.ons_code},
                        {"name", c ? c->name : row.ons_code},
                        {"mp", member ? nlohmann::json(member->name + " MP") : nlohmann::json(nullptr)},
                        {"signature_count", row.signatures},
                        {"signature_count_display", with_thousands(row.signatures)}});
  }
  nlohmann::json nations = nlohmann::json::array();
  for (Nation nation : {Nation::england, Nation::scotland, Nation::wales, Nation::northern_ireland}) {
    nations.push_back({{"name", display_name(nation)},
                       {"code", to_string(nation)},
                       {"signature_count", snapshot.nation(nation)},
                       {"signature_count_display", with_thousands(snapshot.nation(nation))}});
  }
  return {{"signature_count", snapshot.total},
          {"signature_count_display", with_thousands(snapshot.total)},
          {"unallocated", snapshot.unallocated},
          {"by_nation", std::move(nations)},
          {"top_constituencies", std::move(top_json)},
          {"hexmap", std::move(map)}};
}

}  // namespace

Response public_petition_page(const Site& site, const Request& request) {
  const std::int64_t id = id_param(request, "id");
  const std::optional<PublicPetitionRecord> record = site.public_petitions.find(id);
  if (auto unavailable = unavailable_petition_answer(request, site, record)) return *unavailable;
  const pp::PublicPetition& p = record->petition;
  // Before moderation the petition is seen only through its sponsor link.
  if (p.state == pp::PublicPetitionState::collecting_sponsors || p.state == pp::PublicPetitionState::sponsored) {
    return *unavailable_petition_answer(request, site, std::nullopt);
  }
  const std::optional<PetitionCounts> counts = site.public_petitions.counts(id);
  nlohmann::json view = {{"petition", public_petition_view_json(*record, site.parliament)},
                         {"counts", counts_view(site, counts ? counts->snapshot : pp::CountSnapshot{})},
                         {"form", blank_signer_json()},
                         {"sign_action", public_path(id, "/signatures")}};
  return render_public_form(site, request, "public_petition", p.text.action, std::move(view), nullptr, 200);
}

}  // namespace recall::http
