#pragma once
// The two hot JSON documents of a public petition, /petitions/{id}.json and /petitions/{id}/count.json
// (docs/public-petitions.md section 5, e-petitions' names), served from memory. Each read takes the
// service's in-memory counts; the serialised bodies are cached per (petition, process generation,
// counts version), so a surge of readers costs one serialisation per change and then a copy. The
// petition row is read from the store only when its cached copy is older than the max-age or a
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
    std::optional<PublicPetitionRecord> record;
    std::chrono::steady_clock::time_point read_at;
    std::uint64_t generation = 0;
    std::uint64_t version = 0;
    std::shared_ptr<const Bodies> bodies;
  };
  struct Place {
    nlohmann::json name;
    nlohmann::json mp;  // "Name MP", or null when the seat has no MP recorded
  };

  std::shared_ptr<const Bodies> bodies_for(std::int64_t id, const PetitionCounts& counts);
  // The cached bodies when they are those of this stamp and the row is fresh; none otherwise.
  std::shared_ptr<const Bodies> cached(std::int64_t id, const CountsStamp& stamp);
  void refresh_record(std::int64_t id, Entry& entry, std::int64_t total);
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
