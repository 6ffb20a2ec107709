#pragma once
// Static assets from the built web folder: content types by extension, a strong ETag from the
// content, If-None-Match -> 304, long caching for fingerprint-free assets kept short enough to
// pick up a rebuild. Paths that leave the root (.., encoded slashes, absolute paths) are refused.
#include <filesystem>
#include <string_view>

#include "http/request.hpp"

namespace recall::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // Serves `relative` (the part of the path after the mount prefix, already percent-decoded).
  // 404 for a missing file or a refused path.
  [[nodiscard]] Response serve(const Request& request, std::string_view relative) const;

  // A handler for Router::add_prefix: serves path_params["*"].
  [[nodiscard]] Handler handler() const;

 private:
  std::filesystem::path root_;
};

[[nodiscard]] std::string_view content_type_for(const std::filesystem::path& file);

// True when an If-None-Match header value names `etag` (weak comparison, as RFC 9110 asks for GET),
// or is "*". Also used by the ledger downloads.
[[nodiscard]] bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace recall::http
