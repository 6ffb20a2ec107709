#pragma once
// Headers every response carries (pages, API, assets and errors alike).
#include <string_view>
#include <utility>
#include <vector>

namespace recall::http {

// Content-Security-Policy (no inline script or style), X-Content-Type-Options, Referrer-Policy,
// X-Frame-Options.
[[nodiscard]] const std::vector<std::pair<std::string_view, std::string_view>>& security_headers();

}  // namespace recall::http
