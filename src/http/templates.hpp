#pragma once
// Mustache templates (kainjow), loaded once at start from a directory: <dir>/<name>.mustache are
// pages, <dir>/partials/<name>.mustache are partials ({{> name}}), and <dir>/layout.mustache wraps
// every page. Values are HTML-escaped unless a template uses {{{triple}}} braces. Partials are
// found by name at the top level of the data, so a view key with a partial's name is shadowed by it.
// Rendering is thread-safe (templates are immutable after construction).
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace recall::http {

class Templates {
 public:
  // Loads and checks every template (a syntax error throws recall::Error naming the file).
  explicit Templates(std::filesystem::path directory);

  [[nodiscard]] bool has(std::string_view name) const;

  // Renders one template (no layout) with a JSON view model. Throws recall::Error (internal) for
  // an unknown template.
  [[nodiscard]] std::string render(std::string_view name, const nlohmann::json& view) const;

  // Renders page `name` and puts it in the layout. `layout` carries the layout's own values
  // (title, navigation…); the page HTML is added to it as "content" ({{{content}}} in the layout).
  [[nodiscard]] std::string render_page(std::string_view name, const nlohmann::json& view,
                                        nlohmann::json layout) const;

  [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }

 private:
  std::filesystem::path directory_;
  std::map<std::string, std::string, std::less<>> pages_;
  std::map<std::string, std::string, std::less<>> partials_;
};

// The layout values for a request path: service name, navigation with the current item marked.
[[nodiscard]] nlohmann::json layout_model(std::string_view path, std::string_view title);

}  // namespace recall::http
