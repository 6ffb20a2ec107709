#pragma once
// The two hot JSON documents of a public petition, /petitions/{id}.json and /petitions/{id}/count.json
// (docs/public-petitions.md section 5, e-petitions' names), served from memory. Each read takes the
// service's in-memory counts; the serialised bodies are cached per (petition, process generation,
// counts version), so a surge of readers costs one serialisation per change and then a copy. The
// petition row (or its absence, for an unknown id) is read from the store only when its cached copy
// is older than the max-age, disagrees with the intake about whether the petition has counts, or a
// threshold it has not marked is crossed: no query per request.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "http/request.hpp"
#include "http/site.hpp"
#include "service/public_petition_service.hpp"

namespace recall::http {

class PublicPetitionFeed {
 public:
  explicit PublicPetitionFeed(const Site& site);

  enum class Document { petition, count };
  // The document with Cache-Control, ETag and Last-Modified; 304 on a matching If-None-Match; 404 or
  // 410 as the petition pages (hidden, unknown, not yet published).
  Response answer(const Request& request, Document document);

 private:
  struct Bodies {
    std::string petition;
    std::string count;
    std::string etag;
    std::string last_modified;
  };
  struct Entry {
    std::optional<PublicPetitionRecord> record;  // none: no such petition, as read at read_at
    std::optional<std::chrono::steady_clock::time_point> read_at;  // none: never read
    std::uint64_t generation = 0;
    std::uint64_t version = 0;
    std::shared_ptr<const Bodies> bodies;
    // Read within the max-age, and the count has crossed no threshold the row has not marked.
    [[nodiscard]] bool fresh(std::int64_t total) const;
  };
  struct Place {
    nlohmann::json name;
    nlohmann::json mp;  // "Name MP", or null when the seat has no MP recorded
  };

  // The bodies for these counts (none for a rejected petition, which has none), serialised again
  // when the cached ones are older; none when the petition is not shown, with its row (if any) in
  // `not_shown` to choose between 404 and 410.
  std::shared_ptr<const Bodies> bodies_for(std::int64_t id, const std::optional<PetitionCounts>& counts,
                                           std::optional<PublicPetitionRecord>& not_shown);
  // The cached bodies when they are those of this stamp and the row is fresh; none otherwise.
  std::shared_ptr<const Bodies> cached(std::int64_t id, const CountsStamp& stamp);
  [[nodiscard]] std::shared_ptr<const Bodies> serialise(const PublicPetitionRecord& record,
                                                        const PetitionCounts& counts) const;

  const Site& site_;
  std::unordered_map<std::string, Place> places_;  // by ONS code, built once
  std::mutex mutex_;
  std::unordered_map<std::int64_t, Entry> entries_;
};

// "Thu, 21 Mar 2019 09:30:05 GMT" (RFC 9110 IMF-fixdate), for Last-Modified.
std::string http_date(std::int64_t unix_seconds);

}  // namespace recall::http
