#pragma once
// The steps signing and sponsoring share (public_petition_sign.cpp, public_petition_sponsor.cpp).
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "http/request.hpp"
#include "http/responder.hpp"
#include "http/site.hpp"

namespace recall::http {

// Hands `sign` to the service; when its batch has committed, answers `pending` (prepared by the
// caller on the I/O thread), or 409 closed, 404, 503 with Retry-After: 1.
void sign_through_service(const Site& site, SignRequest sign, Response pending,
                          Responder respond);

// The sign form again, filled in, with the error next to its field (400).
Response sign_form_error(const Site& site, const Request& request, std::int64_t id, const Error& error,
                         std::string_view template_name, nlohmann::json view);

// "Check your email", the same page whether the email had signed before or not.
Response sign_pending_page(const Site& site, const Request& request, std::int64_t id);

}  // namespace recall::http
