#include "core/rules/json_shared.hpp"

#include <string>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::rules_json_detail {

using nlohmann::json;

json iso(const std::optional<Date>& date) { return date ? json(to_iso(*date)) : json(nullptr); }

json span_json(const Span& span) {
  return json{{"count", span.count}, {"unit", to_string(span.unit)}, {"text", describe(span)}};
}

json threshold_json(const Threshold& t) {
  return json{{"percent", format_percent(t.percent)}, {"comparison", to_string(t.comparison)},
              {"base", to_string(t.base)}, {"citation", t.citation}, {"rule", describe_rule(t)}};
}

Span span_from_json(const JsonFields& fields, std::string_view key) {
  const auto& value = fields.value(key);
  if (value.is_string()) {
    return fields.parsed(key, [](const std::string& text) {
      const auto space = text.find(' ');
      if (space == std::string::npos) throw_invalid(fmt::format("'{}' is not a length such as '3 months'", text));
      std::size_t used = 0;
      long count = 0;
      try {
        count = std::stol(text.substr(0, space), &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != space) throw_invalid(fmt::format("'{}' is not a length such as '3 months'", text));
      return Span{count, parse_span_unit(text.substr(space + 1))};
    });
  }
  const auto object = fields.object(key);
  object.only({"count", "unit", "text"});
  Span out;
  out.count = object.integer("count");
  out.unit = object.parsed("unit", [](const std::string& text) { return parse_span_unit(text); });
  return out;
}

Span positive_span(const JsonFields& fields, std::string_view key) {
  const auto span = span_from_json(fields, key);
  if (span.count <= 0) fields.fail(key, fmt::format("'{}' must be a positive length", fields.path_of(key)));
  return span;
}

}  // namespace recall::rules_json_detail
