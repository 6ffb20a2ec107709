#pragma once
// Strict reading of a JSON object from a web form, the API or a golden file: unknown keys and wrong
// types are Error(invalid_input) naming the field path ("length.unit").
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/calendar/date.hpp"

namespace recall::rules_json_detail {

class JsonFields {
 public:
  JsonFields(const nlohmann::json& json, std::string source, std::string path);

  void only(std::initializer_list<std::string_view> known) const;
  [[nodiscard]] bool present(std::string_view key) const;  // present and neither null nor ""
  [[nodiscard]] const nlohmann::json& value(std::string_view key) const;  // required

  [[nodiscard]] std::string text(std::string_view key) const;
  [[nodiscard]] std::string text_or(std::string_view key, std::string fallback) const;
  [[nodiscard]] long integer(std::string_view key) const;
  [[nodiscard]] std::optional<long> optional_integer(std::string_view key) const;
  [[nodiscard]] bool boolean_or(std::string_view key, bool fallback) const;
  [[nodiscard]] Date date(std::string_view key) const;
  [[nodiscard]] std::optional<Date> optional_date(std::string_view key) const;
  [[nodiscard]] JsonFields object(std::string_view key) const;

  [[nodiscard]] std::string path_of(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  [[nodiscard]] const std::string& source() const { return source_; }

  // Runs `parse` on the text of `key`, re-throwing its error with the field named.
  template <typename Parse>
  auto parsed(std::string_view key, Parse parse) const {
    const auto raw = text(key);
    try {
      return parse(raw);
    } catch (const Error& e) {
      fail(key, e.message());
    }
  }

 private:
  const nlohmann::json& json_;
  std::string source_;
  std::string path_;
};

}  // namespace recall::rules_json_detail
