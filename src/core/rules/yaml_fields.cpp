#include "core/rules/yaml_fields.hpp"

#include <charconv>

#include <fmt/format.h>

namespace recall::rules_yaml {

YAML::Node parse_document(std::string_view text, const std::string& file) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    SourceLocation where{file, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1, {}};
    throw_invalid(fmt::format("YAML syntax error: {}", e.msg), where);
  }
}

SourceLocation location_of(const YAML::Node& node, const std::string& file, const std::string& field) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return SourceLocation{file, 0, 0, field};
  return SourceLocation{file, mark.line + 1, mark.column + 1, field};
}

Fields::Fields(const YAML::Node& node, std::string file, std::string path)
    : node_(node), file_(std::move(file)), path_(std::move(path)) {
  if (!node_.IsMap()) {
    throw_invalid(path_.empty() ? std::string("expected a mapping of keys to values")
                                : fmt::format("expected a mapping under '{}'", path_),
                  location_of(node_, file_, path_));
  }
  std::set<std::string, std::less<>> seen;
  for (const auto& entry : node_) {
    if (!entry.first.IsScalar()) {
      throw_invalid("keys must be plain names", location_of(entry.first, file_, path_));
    }
    const auto key = entry.first.Scalar();
    if (!seen.insert(key).second) {
      throw_invalid(fmt::format("duplicate key '{}'", key), location_of(entry.first, file_, path_of(key)));
    }
  }
}

std::string Fields::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

bool Fields::has(std::string_view key) const {
  for (const auto& entry : node_) {
    if (entry.first.Scalar() == key) return true;
  }
  return false;
}

std::optional<YAML::Node> Fields::optional_node(std::string_view key) {
  for (const auto& entry : node_) {
    if (entry.first.Scalar() == key) {
      used_.insert(std::string(key));
      if (entry.second.IsNull()) return std::nullopt;
      return entry.second;
    }
  }
  return std::nullopt;
}

YAML::Node Fields::node(std::string_view key) {
  auto value = optional_node(key);
  if (!value) fail(key, fmt::format("missing required key '{}'", path_of(key)));
  return *value;
}

SourceLocation Fields::where_map() const { return location_of(node_, file_, path_); }

SourceLocation Fields::where(std::string_view key) const {
  for (const auto& entry : node_) {
    if (entry.first.Scalar() == key) return location_of(entry.second, file_, path_of(key));
  }
  auto at = where_map();
  at.field = path_of(key);
  return at;
}

void Fields::fail(std::string_view key, const std::string& message) const { throw_invalid(message, where(key)); }

std::string Fields::scalar_text(const YAML::Node& value, const std::string& field) const {
  if (!value.IsScalar()) throw_invalid("expected text", location_of(value, file_, field));
  return value.Scalar();
}

long Fields::scalar_integer(const YAML::Node& value, const std::string& field) const {
  const auto text = scalar_text(value, field);
  long out = 0;
  const auto* first = text.data();
  const auto* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(first, last, out);
  if (error != std::errc{} || end != last) {
    throw_invalid(fmt::format("expected a whole number, found '{}'", text), location_of(value, file_, field));
  }
  return out;
}

bool Fields::scalar_boolean(const YAML::Node& value, const std::string& field) const {
  const auto text = scalar_text(value, field);
  // Only the two spellings: YAML 1.1's yes/no/on/off are too easy to write by accident.
  if (text == "true") return true;
  if (text == "false") return false;
  throw_invalid(fmt::format("expected true or false, found '{}'", text), location_of(value, file_, field));
}

Date Fields::scalar_date(const YAML::Node& value, const std::string& field) const {
  const auto text = scalar_text(value, field);
  const auto date = try_parse_iso_date(text);
  if (!date) {
    throw_invalid(fmt::format("expected a date as YYYY-MM-DD, found '{}'", text), location_of(value, file_, field));
  }
  return *date;
}

std::string Fields::text(std::string_view key) { return scalar_text(node(key), path_of(key)); }

std::string Fields::text_or(std::string_view key, std::string fallback) {
  auto value = optional_node(key);
  return value ? scalar_text(*value, path_of(key)) : std::move(fallback);
}

long Fields::integer(std::string_view key) { return scalar_integer(node(key), path_of(key)); }

long Fields::integer_or(std::string_view key, long fallback) {
  auto value = optional_node(key);
  return value ? scalar_integer(*value, path_of(key)) : fallback;
}

bool Fields::boolean(std::string_view key) { return scalar_boolean(node(key), path_of(key)); }

bool Fields::boolean_or(std::string_view key, bool fallback) {
  auto value = optional_node(key);
  return value ? scalar_boolean(*value, path_of(key)) : fallback;
}

Date Fields::date(std::string_view key) { return scalar_date(node(key), path_of(key)); }

std::optional<Date> Fields::optional_date(std::string_view key) {
  auto value = optional_node(key);
  if (!value) return std::nullopt;
  return scalar_date(*value, path_of(key));
}

Fields Fields::map(std::string_view key) { return Fields(node(key), file_, path_of(key)); }

std::optional<Fields> Fields::optional_map(std::string_view key) {
  auto value = optional_node(key);
  if (!value) return std::nullopt;
  return Fields(*value, file_, path_of(key));
}

void Fields::only(std::initializer_list<std::string_view> known) const {
  for (const auto& entry : node_) {
    const auto key = entry.first.Scalar();
    bool found = false;
    for (const auto k : known) found = found || k == key;
    if (!found) {
      std::string list;
      for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      throw_invalid(fmt::format("unknown key '{}' (expected one of: {})", path_of(key), list),
                    location_of(entry.first, file_, path_of(key)));
    }
  }
}

void Fields::finish() const {
  for (const auto& entry : node_) {
    const auto key = entry.first.Scalar();
    if (!used_.contains(key)) {
      throw_invalid(fmt::format("unknown key '{}'", path_of(key)), location_of(entry.first, file_, path_of(key)));
    }
  }
}

}  // namespace recall::rules_yaml
