#include "core/rules/json_fields.hpp"

#include <fmt/format.h>

namespace recall::rules_json_detail {

JsonFields::JsonFields(const nlohmann::json& json, std::string source, std::string path)
    : json_(json), source_(std::move(source)), path_(std::move(path)) {
  if (!json_.is_object()) {
    throw_invalid(path_.empty() ? std::string("expected a JSON object") : fmt::format("expected an object at '{}'", path_),
                  SourceLocation{source_, 0, 0, path_});
  }
}

std::string JsonFields::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

void JsonFields::fail(std::string_view key, const std::string& message) const {
  throw_invalid(message, SourceLocation{source_, 0, 0, path_of(key)});
}

void JsonFields::only(std::initializer_list<std::string_view> known) const {
  for (const auto& [key, unused] : json_.items()) {
    bool found = false;
    for (const auto k : known) found = found || k == key;
    if (!found) {
      std::string list;
      for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      fail(key, fmt::format("unknown field '{}' (expected one of: {})", path_of(key), list));
    }
  }
}

bool JsonFields::present(std::string_view key) const {
  const auto it = json_.find(key);
  if (it == json_.end() || it->is_null()) return false;
  return !(it->is_string() && it->get_ref<const std::string&>().empty());
}

const nlohmann::json& JsonFields::value(std::string_view key) const {
  if (!present(key)) fail(key, fmt::format("missing required field '{}'", path_of(key)));
  return *json_.find(key);
}

std::string JsonFields::text(std::string_view key) const {
  const auto& v = value(key);
  if (!v.is_string()) fail(key, fmt::format("'{}' must be text", path_of(key)));
  return v.get<std::string>();
}

std::string JsonFields::text_or(std::string_view key, std::string fallback) const {
  return present(key) ? text(key) : std::move(fallback);
}

long JsonFields::integer(std::string_view key) const {
  const auto& v = value(key);
  if (v.is_number_integer()) return v.get<long>();
  if (v.is_string()) {  // web forms send numbers as text
    const auto& s = v.get_ref<const std::string&>();
    std::size_t used = 0;
    try {
      const long out = std::stol(s, &used);
      if (used == s.size()) return out;
    } catch (const std::exception&) {
    }
  }
  fail(key, fmt::format("'{}' must be a whole number", path_of(key)));
}

std::optional<long> JsonFields::optional_integer(std::string_view key) const {
  if (!present(key)) return std::nullopt;
  return integer(key);
}

bool JsonFields::boolean_or(std::string_view key, bool fallback) const {
  if (!present(key)) return fallback;
  const auto& v = *json_.find(key);
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (s == "true" || s == "on" || s == "yes") return true;  // HTML checkboxes send "on"
    if (s == "false" || s == "off" || s == "no") return false;
  }
  fail(key, fmt::format("'{}' must be true or false", path_of(key)));
}

Date JsonFields::date(std::string_view key) const {
  const auto raw = text(key);
  const auto parsed_date = try_parse_iso_date(raw);
  if (!parsed_date) fail(key, fmt::format("'{}' must be a date as YYYY-MM-DD, not '{}'", path_of(key), raw));
  return *parsed_date;
}

std::optional<Date> JsonFields::optional_date(std::string_view key) const {
  if (!present(key)) return std::nullopt;
  return date(key);
}

JsonFields JsonFields::object(std::string_view key) const { return JsonFields(value(key), source_, path_of(key)); }

}  // namespace recall::rules_json_detail
