#include "http/problem.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "http/html_escape.hpp"
#include "http/templates.hpp"

namespace recall::http {

namespace {

constexpr std::string_view internal_detail = "Sorry, there is a problem with the service. Try again later.";

std::string_view reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad request";
    case 401:
      return "Unauthorised";
    case 403:
      return "Forbidden";
    case 404:
      return "Page not found";
    case 405:
      return "Method not allowed";
    case 408:
      return "Request timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Content too large";
    case 415:
      return "Unsupported media type";
    case 429:
      return "Too many requests";
    case 431:
      return "Request header fields too large";
    case 500:
      return "Sorry, there is a problem with the service";
    case 503:
      return "Sorry, the service is unavailable";
    default:
      return "Error";
  }
}

struct Details {
  int status = 500;
  std::string type;
  std::string title;
  std::string detail;
  std::optional<SourceLocation> where;
};

std::string builtin_page(const Details& d) {
  std::string location;
  if (d.where)
    location = fmt::format("<p class=\"govuk-body\">Where: {}</p>", html_escape(d.where->describe()));
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head><meta charset=\"utf-8\">"
      "<title>{0} – Recall</title><link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\"></head>\n"
      "<body class=\"govuk-template__body\"><main class=\"govuk-main-wrapper\" id=\"main-content\">"
      "<h1 class=\"govuk-heading-l\">{0}</h1><p class=\"govuk-body\">{1}</p>{2}</main></body></html>\n",
      html_escape(d.title), html_escape(d.detail), location);
}

Response build(const Request& request, const Details& d, const Templates* templates) {
  Response response;
  response.status = d.status;
  if (request.wants_json()) {
    nlohmann::json body{{"type", d.type}, {"title", d.title}, {"status", d.status}, {"detail", d.detail}};
    if (d.where) {
      if (!d.where->file.empty()) body["file"] = d.where->file;
      if (d.where->line > 0) body["line"] = d.where->line;
      if (d.where->column > 0) body["column"] = d.where->column;
      if (!d.where->field.empty()) body["field"] = d.where->field;
    }
    response.content_type = "application/problem+json";
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
  }
  if (templates != nullptr && templates->has("error")) {
    try {
      nlohmann::json view{{"status", d.status},
                          {"title", d.title},
                          {"detail", d.detail},
                          {"not_found", d.status == 404},
                          {"invalid", d.status == 400 || d.status == 413 || d.status == 431},
                          {"server_error", d.status >= 500}};
      if (d.where) view["location"] = d.where->describe();
      response.body = templates->render_page("error", view, layout_model(request.path, d.title));
      return response;
    } catch (const std::exception& e) {
      spdlog::error("the error page could not be rendered: {}", e.what());
    }
  }
  response.body = builtin_page(d);
  return response;
}

}  // namespace

ProblemType problem_type(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::invalid_input:
      return {400, "/problems/invalid-input", "There is a problem"};
    case ErrorKind::not_found:
      return {404, "/problems/not-found", "Page not found"};
    case ErrorKind::conflict:
      return {409, "/problems/conflict", "There is a conflict"};
    case ErrorKind::forbidden:
      return {403, "/problems/forbidden", "You do not have permission to do this"};
    case ErrorKind::unauthenticated:
      return {401, "/problems/unauthenticated", "You need to sign in"};
    case ErrorKind::rate_limited:
      return {429, "/problems/rate-limited", "Too many requests"};
    case ErrorKind::unavailable:
      return {503, "/problems/unavailable", "Sorry, the service is unavailable"};
    case ErrorKind::internal:
      return {500, "/problems/internal", "Sorry, there is a problem with the service"};
  }
  return {500, "/problems/internal", "Sorry, there is a problem with the service"};
}

Response problem_response(const Request& request, const Error& error, const Templates* templates) {
  const ProblemType type = problem_type(error.kind());
  Details d{type.status, std::string(type.type), std::string(type.title), error.message(), error.where()};
  if (error.kind() == ErrorKind::internal) {
    // Internal messages can name files, queries or invariants: log them, show nothing.
    spdlog::error("{} {}: internal error: {}", request.method, request.path, error.what());
    d.detail = std::string(internal_detail);
    d.where.reset();
  }
  Response response = build(request, d, templates);
  if (error.kind() == ErrorKind::unauthenticated) response.headers.emplace_back("WWW-Authenticate", "Cookie");
  return response;
}

Response problem_response_for_current_exception(const Request& request, const Templates* templates) {
  try {
    throw;
  } catch (const Error& error) {
    return problem_response(request, error, templates);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unhandled exception: {}", request.method, request.path, e.what());
  } catch (...) {
    spdlog::error("{} {}: unhandled non-standard exception", request.method, request.path);
  }
  return build(request,
               Details{500, "/problems/internal", std::string(reason_phrase(500)),
                       std::string(internal_detail), std::nullopt},
               templates);
}

Response problem_response(const Request& request, int status, std::string_view title, std::string_view detail,
                          const Templates* templates) {
  const std::string heading = title.empty() ? std::string(reason_phrase(status)) : std::string(title);
  return build(request, Details{status, "about:blank", heading, std::string(detail), std::nullopt},
               templates);
}

}  // namespace recall::http
