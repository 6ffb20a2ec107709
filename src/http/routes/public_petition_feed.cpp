#include "http/routes/public_petition_feed.hpp"

#include <ctime>

#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_view.hpp"

namespace recall::http {

namespace pp = public_petition;

namespace {

// How long a cached petition row is trusted: the documents' own max-age, so a state change (closed,
// rejected) shows within the time a client may cache anyway.
constexpr std::chrono::seconds record_max_age{5};
constexpr std::string_view cache_control = "public, max-age=5";
constexpr std::size_t max_entries = 10'000;

// If-None-Match holds our ETag (or "*"): the client's copy is current.
bool client_has(const Request& request, std::string_view etag) {
  const auto header = request.header("if-none-match");
  if (!header) return false;
  return header->find(etag) != std::string::npos || *header == "*";
}

nlohmann::json by_nation_json(const pp::CountSnapshot& snapshot) {
  nlohmann::json out = nlohmann::json::array();
  for (Nation nation : {Nation::england, Nation::scotland, Nation::wales, Nation::northern_ireland}) {
    out.push_back({{"name", display_name(nation)}, {"code", to_string(nation)}, {"signature_count", snapshot.nation(nation)}});
  }
  return out;
}

// The intake keeps counts exactly while a petition is open or closed.
bool counted(pp::PublicPetitionState state) {
  return state == pp::PublicPetitionState::open || state == pp::PublicPetitionState::closed;
}

// A threshold the cached row has not marked but the count has reached: the service has marked it
// (or is about to), so the row is worth reading again.
bool crossed_unmarked_threshold(const PublicPetitionRecord& record, std::int64_t total) {
  for (const pp::ThresholdMark& mark : record.petition.thresholds) {
    if (!mark.reached_at && total >= mark.signatures) return true;
  }
  return false;
}

}  // namespace

std::string http_date(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&t, &parts);
  char text[40];
  const std::size_t n = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return std::string(text, n);
}

PublicPetitionFeed::PublicPetitionFeed(const Site& site) : site_(site) {
  for (const Constituency& c : site.parliament.data().constituencies) {
    const Member* member = site.parliament.member_for(c.ons_code);
    places_.emplace(c.ons_code, Place{c.name, member ? nlohmann::json(member->name + " MP") : nlohmann::json(nullptr)});
  }
}

bool PublicPetitionFeed::Entry::fresh(std::int64_t total) const {
  return read_at && std::chrono::steady_clock::now() - *read_at < record_max_age &&
         !(record && crossed_unmarked_threshold(*record, total));
}

std::shared_ptr<const PublicPetitionFeed::Bodies> PublicPetitionFeed::serialise(const PublicPetitionRecord& record,
                                                                                const PetitionCounts& counts) const {
  const pp::CountSnapshot& snapshot = counts.snapshot;
  nlohmann::json by_constituency = nlohmann::json::array();
  for (const pp::ConstituencyCount& row : snapshot.by_constituency) {
    if (row.ons_code.empty() || row.signatures <= 0) continue;
    const auto place = places_.find(row.ons_code);
    by_constituency.push_back({{"name", place != places_.end() ? place->second.name : nlohmann::json(row.ons_code)},
                               {"ons_code", row.ons_code},
                               {"mp", place != places_.end() ? place->second.mp : nlohmann::json(nullptr)},
                               {"signature_count", row.signatures}});
  }
  const std::int64_t changed_at = counts.updated_at > 0 ? counts.updated_at : record.petition.created_at;
  const nlohmann::json by_nation = by_nation_json(snapshot);

  auto bodies = std::make_shared<Bodies>();
  bodies->count = nlohmann::json{{"signature_count", snapshot.total},
                                 {"updated_at", format_utc_timestamp(changed_at)},
                                 {"signatures_by_constituency", by_constituency},
                                 {"signatures_by_nation", by_nation}}
                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

  const pp::PublicPetition& p = record.petition;
  const nlohmann::json view = public_petition_view_json(record, site_.parliament);
  // e-petitions' response and debate thresholds are our first two; "thresholds" has every one.
  const nlohmann::json& marks = view["thresholds"];
  const auto threshold_at = [&](std::size_t i) { return i < marks.size() ? marks[i]["reached_at"] : nlohmann::json(nullptr); };
  nlohmann::json thresholds = nlohmann::json::array();
  for (const auto& t : marks) thresholds.push_back({{"signatures", t["signatures"]}, {"reached_at", t["reached_at"]}});
  nlohmann::json target = view["target"];
  if (target.is_object()) target = {{"member_id", target["member_id"]}, {"ons_code", target["ons_code"]}};

  nlohmann::json attributes = epetitions_attributes(view, snapshot.total);
  attributes["updated_at"] = format_utc_timestamp(changed_at);
  attributes["response_threshold_reached_at"] = threshold_at(0);
  attributes["debate_threshold_reached_at"] = threshold_at(1);
  attributes["thresholds"] = std::move(thresholds);
  attributes["signatures_by_constituency"] = std::move(by_constituency);
  attributes["signatures_by_nation"] = by_nation;
  attributes["target"] = std::move(target);
  const PublicPetitionConfig& config = site_.public_petitions.config();
  bodies->petition = nlohmann::json{{"links", {{"self", absolute_url(config, public_path(p.id, ".json"))}}},
                                    {"data", {{"type", "petition"}, {"id", p.id}, {"attributes", std::move(attributes)}}}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  bodies->etag = fmt::format("\"{}-{}-{}\"", p.id, counts.generation, snapshot.version);
  bodies->last_modified = http_date(changed_at);
  return bodies;
}

std::shared_ptr<const PublicPetitionFeed::Bodies> PublicPetitionFeed::bodies_for(
    std::int64_t id, const std::optional<PetitionCounts>& counts, std::optional<PublicPetitionRecord>& not_shown) {
  const std::lock_guard lock(mutex_);
  Entry& entry = entries_[id];
  // A cached row (or its absence) that disagrees with the intake about whether the petition has
  // counts is from before a publication or a hiding.
  const bool agrees = entry.record ? counted(entry.record->petition.state) == counts.has_value() : !counts;
  if (!agrees || !entry.fresh(counts ? counts->snapshot.total : 0)) {
    entry.record = site_.public_petitions.find(id);
    entry.read_at = std::chrono::steady_clock::now();
    entry.bodies.reset();  // the row may have changed: serialise again
  }
  const bool shown = entry.record && (counts ? counted(entry.record->petition.state)
                                             : entry.record->petition.state == pp::PublicPetitionState::rejected);
  if (!shown) {
    not_shown = entry.record;
    // Guessed ids must not grow the cache without bound; a few recent misses are kept.
    if (!not_shown && entries_.size() > max_entries) entries_.erase(id);
    return nullptr;
  }
  // A rejected petition was never open: it has no counts, and its documents show none.
  static const PetitionCounts none{};
  const PetitionCounts& current = counts ? *counts : none;
  // A reader holding an older snapshot than the cache serves the newer body: counts only rise in version.
  const bool up_to_date =
      entry.bodies && (entry.generation > current.generation ||
                       (entry.generation == current.generation && entry.version >= current.snapshot.version));
  if (!up_to_date) {
    entry.bodies = serialise(*entry.record, current);
    entry.generation = current.generation;
    entry.version = current.snapshot.version;
  }
  return entry.bodies;
}

std::shared_ptr<const PublicPetitionFeed::Bodies> PublicPetitionFeed::cached(std::int64_t id,
                                                                             const CountsStamp& stamp) {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(id);
  if (found == entries_.end()) return nullptr;
  const Entry& entry = found->second;
  if (!entry.bodies || !entry.record || entry.generation != stamp.generation || entry.version != stamp.version) {
    return nullptr;
  }
  return entry.fresh(stamp.total) ? entry.bodies : nullptr;
}

Response PublicPetitionFeed::answer(const Request& request, Document document) {
  const std::int64_t id = id_param(request, "id");
  // The hot path of a surge of readers: the stamp costs two counter reads, and an unchanged count is
  // answered from the cached body without copying the constituencies.
  std::shared_ptr<const Bodies> bodies;
  if (const auto stamp = site_.public_petitions.counts_stamp(id)) bodies = cached(id, *stamp);
  if (!bodies) {
    std::optional<PublicPetitionRecord> not_shown;
    bodies = bodies_for(id, site_.public_petitions.counts(id), not_shown);
    if (!bodies) {
      // Unknown, collecting sponsors, waiting for moderation (404) or hidden (410 once it was public).
      if (auto gone = unavailable_petition_answer(request, site_, not_shown)) return *gone;
      return *unavailable_petition_answer(request, site_, std::nullopt);
    }
  }

  Response response;
  response.content_type = "application/json; charset=utf-8";
  response.headers = {{"Cache-Control", std::string(cache_control)},
                      {"ETag", bodies->etag},
                      {"Last-Modified", bodies->last_modified},
                      {"Access-Control-Allow-Origin", "*"}};
  if (client_has(request, bodies->etag)) {
    response.status = 304;
    return response;
  }
  response.body = document == Document::count ? bodies->count : bodies->petition;
  return response;
}

}  // namespace recall::http
