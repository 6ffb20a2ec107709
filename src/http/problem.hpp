#pragma once
// The one table from recall::Error kinds to HTTP. JSON requests get application/problem+json
// (RFC 9457: type, title, status, detail, plus file/line/column/field when the error has a
// location); page requests get a GOV.UK error page. Anything that is not a recall::Error is a 500
// whose detail is logged server-side and never shown.
#include <exception>
#include <string_view>

#include "core/base/error.hpp"
#include "http/request.hpp"

namespace recall::http {

class Templates;

struct ProblemType {
  int status;
  std::string_view type;   // a relative URI under /problems/
  std::string_view title;  // the human title, also the HTML page heading
};

[[nodiscard]] ProblemType problem_type(ErrorKind kind) noexcept;

// A response for an error raised while handling `request`. `templates` may be null (plain page).
[[nodiscard]] Response problem_response(const Request& request, const Error& error,
                                        const Templates* templates);

// For the current exception inside a catch block: recall::Error maps through the table, anything
// else becomes a logged 500.
[[nodiscard]] Response problem_response_for_current_exception(const Request& request,
                                                              const Templates* templates);

// A response for an HTTP-level failure that has no recall::Error (404 route, 405, 413, 431…),
// shaped exactly like the others. `detail` is shown to the user.
[[nodiscard]] Response problem_response(const Request& request, int status, std::string_view title,
                                        std::string_view detail, const Templates* templates);

}  // namespace recall::http
