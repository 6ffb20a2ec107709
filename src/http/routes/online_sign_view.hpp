#pragma once
// Shared by the online-signing pages (online_sign_*.cpp): the petition as these pages show it, whether
// it can be signed online now, and the form rendering with a fresh form token.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "http/request.hpp"
#include "http/site.hpp"
#include "service/petition_service.hpp"

namespace recall::http {

// The public petition for {id}; Error(not_found) when there is none.
PublicPetition online_petition(const Site& site, const Request& request);

// {"petition": public view, "online_available", "unavailable_reason"}.
nlohmann::json online_sign_base_view(const PublicPetition& petition);

// Renders `template_name` with a fresh form token ("sign_token" in the view, and its cookie), any
// error ({"has_error", "error", "field_errors": {field: message}}), and Cache-Control: no-store. An
// error that names no field is shown against `default_field`.
Response render_sign_form(const Site& site, const Request& request, std::string_view template_name,
                          std::string title, nlohmann::json view, const Error* error, int status,
                          std::string_view default_field = "elector_number");

// Every answer of these pages depends on the browser's cookies and must never be cached or shared.
Response no_store(Response response);

}  // namespace recall::http
