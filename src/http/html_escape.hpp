#pragma once
// HTML text and attribute escaping for the few places that build HTML without a template.
#include <string>
#include <string_view>

namespace recall::http {

[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace recall::http
