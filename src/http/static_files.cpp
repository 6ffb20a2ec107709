#include "http/static_files.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "core/base/error.hpp"

namespace recall::http {

namespace {

// Rejects anything that could name a file outside the root or a hidden file: "..", ".", empty
// segments, backslashes, NUL, and dot-files (.git, .env) which are never assets.
bool safe_relative(std::string_view relative) {
  if (relative.empty() || relative.front() == '/') return false;
  if (relative.find('\\') != std::string_view::npos || relative.find('\0') != std::string_view::npos)
    return false;
  std::size_t start = 0;
  while (start <= relative.size()) {
    std::size_t end = relative.find('/', start);
    if (end == std::string_view::npos) end = relative.size();
    const std::string_view segment = relative.substr(start, end - start);
    if (segment.empty() || segment.front() == '.') return false;
    start = end + 1;
  }
  return true;
}

std::string sha256_prefix_hex(const std::string& data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw Error(ErrorKind::internal, "SHA-256 failed while computing an ETag");
  }
  std::string out;
  for (unsigned i = 0; i < 16 && i < length; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

struct Cached {
  std::filesystem::file_time_type modified;
  std::uintmax_t size = 0;
  std::string etag;
  std::string body;
};

// Assets are read and hashed once per version of the file, not per request.
class AssetCache {
 public:
  std::shared_ptr<const Cached> get(const std::filesystem::path& file) {
    const auto modified = std::filesystem::last_write_time(file);
    const auto size = std::filesystem::file_size(file);
    {
      const std::lock_guard lock(mutex_);
      const auto it = items_.find(file.string());
      if (it != items_.end() && it->second->modified == modified && it->second->size == size)
        return it->second;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream text;
    text << in.rdbuf();
    auto cached = std::make_shared<Cached>();
    cached->modified = modified;
    cached->size = size;
    cached->body = text.str();
    cached->etag = fmt::format("\"{}\"", sha256_prefix_hex(cached->body));
    const std::lock_guard lock(mutex_);
    items_[file.string()] = cached;
    return cached;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Cached>> items_;
};

AssetCache& cache() {
  static AssetCache instance;
  return instance;
}

Response not_found() {
  Response response;
  response.status = 404;
  response.content_type = "text/plain; charset=utf-8";
  response.body = "Not found\n";
  return response;
}

}  // namespace

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.find('*') != std::string_view::npos) return true;
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    std::size_t end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    std::string_view tag = if_none_match.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);  // weak comparison, as RFC 9110 asks for GET
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

std::string_view content_type_for(const std::filesystem::path& file) {
  static const std::map<std::string, std::string_view, std::less<>> types{
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".map", "application/json"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".html", "text/html; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".hexjson", "application/json"},
  };
  const auto it = types.find(file.extension().string());
  return it == types.end() ? std::string_view("application/octet-stream") : it->second;
}

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {
  std::error_code ec;
  auto canonical = std::filesystem::canonical(root_, ec);
  if (ec || !std::filesystem::is_directory(canonical)) {
    throw Error(
        ErrorKind::unavailable,
        fmt::format("the web assets folder {} does not exist (run the web build: npm run build in web/)",
                    root_.string()));
  }
  root_ = std::move(canonical);
}

Response StaticFiles::serve(const Request& request, std::string_view relative) const {
  if (!safe_relative(relative)) return not_found();
  std::error_code ec;
  // Resolving symlinks and checking the result is still below the root catches links that leave it.
  const auto file = std::filesystem::canonical(root_ / std::filesystem::path(std::string(relative)), ec);
  if (ec) return not_found();
  const auto [root_end, unused] = std::mismatch(root_.begin(), root_.end(), file.begin(), file.end());
  if (root_end != root_.end() || !std::filesystem::is_regular_file(file, ec)) return not_found();

  const auto asset = cache().get(file);
  if (!asset) return not_found();
  Response response;
  response.content_type = std::string(content_type_for(file));
  // Asset names carry no fingerprint, so browsers revalidate hourly with the ETag.
  response.headers.emplace_back("Cache-Control", "public, max-age=3600");
  response.headers.emplace_back("ETag", asset->etag);
  if (const auto inm = request.header("if-none-match"); inm && etag_matches(*inm, asset->etag)) {
    response.status = 304;
    return response;
  }
  response.body = asset->body;
  return response;
}

Handler StaticFiles::handler() const {
  return [files = *this](const Request& request) {
    const auto it = request.path_params.find("*");
    return files.serve(request,
                       it == request.path_params.end() ? std::string_view{} : std::string_view(it->second));
  };
}

}  // namespace recall::http
