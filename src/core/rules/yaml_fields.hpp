#pragma once
// Strict reading of a YAML mapping for the rules engine: every key must be known, every value of the
// right type, and every error names file, line, column and the key's full path ("threshold.percent").
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "core/base/error.hpp"
#include "core/calendar/date.hpp"

namespace recall::rules_yaml {

// Parses a whole document; a syntax error becomes Error(invalid_input) at its line and column.
YAML::Node parse_document(std::string_view text, const std::string& file);

SourceLocation location_of(const YAML::Node& node, const std::string& file, const std::string& field);

class Fields {
 public:
  // Throws unless `node` is a mapping with unique keys.
  Fields(const YAML::Node& node, std::string file, std::string path);

  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] YAML::Node node(std::string_view key);  // required, marks the key used
  [[nodiscard]] std::optional<YAML::Node> optional_node(std::string_view key);

  [[nodiscard]] std::string text(std::string_view key);
  [[nodiscard]] std::string text_or(std::string_view key, std::string fallback);
  [[nodiscard]] long integer(std::string_view key);
  [[nodiscard]] long integer_or(std::string_view key, long fallback);
  [[nodiscard]] bool boolean(std::string_view key);
  [[nodiscard]] bool boolean_or(std::string_view key, bool fallback);
  [[nodiscard]] Date date(std::string_view key);
  [[nodiscard]] std::optional<Date> optional_date(std::string_view key);
  [[nodiscard]] Fields map(std::string_view key);
  [[nodiscard]] std::optional<Fields> optional_map(std::string_view key);

  // Throws at the first key not in `known` (call before reading, so that a typo'd key is reported as
  // unknown rather than as a missing required key): a typo must not silently change the law.
  void only(std::initializer_list<std::string_view> known) const;
  // Throws for the first key that was never read.
  void finish() const;

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::string path_of(std::string_view key) const;
  [[nodiscard]] SourceLocation where(std::string_view key) const;  // the key's value, or the map when absent
  [[nodiscard]] SourceLocation where_map() const;
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;

  // Scalar conversions that report errors at the node.
  [[nodiscard]] std::string scalar_text(const YAML::Node& value, const std::string& field) const;
  [[nodiscard]] long scalar_integer(const YAML::Node& value, const std::string& field) const;
  [[nodiscard]] bool scalar_boolean(const YAML::Node& value, const std::string& field) const;
  [[nodiscard]] Date scalar_date(const YAML::Node& value, const std::string& field) const;

 private:
  YAML::Node node_;
  std::string file_;
  std::string path_;
  std::set<std::string, std::less<>> used_;
};

}  // namespace recall::rules_yaml
