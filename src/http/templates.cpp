#include "http/templates.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "core/base/error.hpp"

namespace recall::http {

namespace mustache = kainjow::mustache;

namespace {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::unavailable, fmt::format("cannot read template {}", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void check_syntax(const std::filesystem::path& file, const std::string& text) {
  const mustache::mustache compiled{text};
  if (!compiled.is_valid()) {
    throw Error(ErrorKind::internal, fmt::format("template syntax error: {}", compiled.error_message()),
                SourceLocation{file.string(), 0, 0, ""});
  }
}

std::map<std::string, std::string, std::less<>> load_folder(const std::filesystem::path& folder) {
  std::map<std::string, std::string, std::less<>> out;
  if (!std::filesystem::is_directory(folder)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    std::string text = read_file(entry.path());
    check_syntax(entry.path(), text);
    out.emplace(entry.path().stem().string(), std::move(text));
  }
  return out;
}

mustache::data to_data(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data out{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) out.set(key, to_data(item));
      return out;
    }
    case nlohmann::json::value_t::array: {
      mustache::data out{mustache::data::type::list};
      for (const auto& item : value) out.push_back(to_data(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return mustache::data{value.get_ref<const std::string&>()};
    case nlohmann::json::value_t::boolean:
      return mustache::data{value.get<bool>() ? mustache::data::type::bool_true
                                              : mustache::data::type::bool_false};
    case nlohmann::json::value_t::number_integer:
      return mustache::data{std::to_string(value.get<std::int64_t>())};
    case nlohmann::json::value_t::number_unsigned:
      return mustache::data{std::to_string(value.get<std::uint64_t>())};
    case nlohmann::json::value_t::number_float:
      return mustache::data{fmt::format("{}", value.get<double>())};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded:
      break;
  }
  // Absent values are false, so {{#x}} sections skip and {{^x}} sections show.
  return mustache::data{mustache::data::type::bool_false};
}

}  // namespace

Templates::Templates(std::filesystem::path directory) : directory_(std::move(directory)) {
  if (!std::filesystem::is_directory(directory_)) {
    throw Error(ErrorKind::unavailable,
                fmt::format("template directory {} does not exist", directory_.string()));
  }
  pages_ = load_folder(directory_);
  partials_ = load_folder(directory_ / "partials");
}

bool Templates::has(std::string_view name) const { return pages_.find(name) != pages_.end(); }

std::string Templates::render(std::string_view name, const nlohmann::json& view) const {
  const auto page = pages_.find(name);
  if (page == pages_.end()) {
    throw Error(ErrorKind::internal, fmt::format("no template named '{}' in {}", name, directory_.string()));
  }
  mustache::data data = to_data(view.is_object() ? view : nlohmann::json{{"value", view}});
  // Partials are found by name in the context, so they are added to the root object.
  for (const auto& [partial_name, text] : partials_) {
    const std::string* source = &text;
    data.set(partial_name, mustache::partial{[source] { return *source; }});
  }
  mustache::mustache compiled{page->second};
  std::string out = compiled.render(data);
  if (!compiled.is_valid()) {
    throw Error(ErrorKind::internal,
                fmt::format("template {} failed to render: {}", name, compiled.error_message()));
  }
  return out;
}

std::string Templates::render_page(std::string_view name, const nlohmann::json& view,
                                   nlohmann::json layout) const {
  layout["content"] = render(name, view);
  return render("layout", layout);
}

nlohmann::json layout_model(std::string_view path, std::string_view title) {
  struct Item {
    const char* href;
    const char* text;
  };
  static constexpr Item items[] = {{"/", "Home"}, {"/mps", "MPs"}, {"/map", "Map"}, {"/public/petitions", "Petitions"}, {"/rules", "Rules"}};
  nlohmann::json navigation = nlohmann::json::array();
  for (const auto& item : items) {
    const std::string_view href = item.href;
    const bool current =
        href == "/" ? path == "/" : (path == href || (path.starts_with(href) && path[href.size()] == '/'));
    navigation.push_back({{"href", item.href}, {"text", item.text}, {"current", current}});
  }
  const std::string service = "Recall";
  return {{"service_name", service},
          {"title", title},
          {"page_title", title.empty() ? service : fmt::format("{} – {}", title, service)},
          {"navigation", navigation},
          {"phase", "Alpha"},
          {"asset_path", "/assets"}};
}

}  // namespace recall::http
