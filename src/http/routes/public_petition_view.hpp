#pragma once
// Shared by the public petition pages (public_petition_*.cpp): the petition as pages and JSON show
// it, the links the site gives out, the answer for a petition that is hidden or unknown, and the
// signer's details read from a form or a JSON body.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "http/request.hpp"
#include "http/site.hpp"
#include "service/public_petition_service.hpp"

namespace recall::http {

// Public petitions live under this path, so an e-petitions client given "http://host/public" as its
// base URL finds /public/petitions.json and /public/petitions/{id}.json.
inline constexpr std::string_view public_base = "/public";

// "/public/petitions/12" and the like.
std::string public_path(std::int64_t id, std::string_view rest = {});
// The absolute URL of a site path, from the configured site URL (for JSON "links" and shared links).
std::string absolute_url(const PublicPetitionConfig& config, std::string_view path);

// "Open", "Collecting sponsors", …
std::string_view state_display(public_petition::PublicPetitionState state);

// The petition for public pages and JSON: text (withheld when hidden), state, dates, target with
// names, rejection, thresholds. `signature_count` is left to the caller.
nlohmann::json public_petition_view_json(const PublicPetitionRecord& record, const Parliament& parliament);

// The attributes e-petitions' list and petition documents share, from public_petition_view_json's
// `view`: action, background, additional_details, state, signature_count, created_at, opened_at,
// closed_at, rejected_at, rejection ({code, details} or null), moderation_threshold_reached_at.
nlohmann::json epetitions_attributes(const nlohmann::json& view, std::int64_t signature_count);

// A petition that public pages do not show: 404 for none (or one never published), 410 Gone for a
// hidden one that had been public. nullopt when the petition may be shown.
std::optional<Response> unavailable_petition_answer(const Request& request, const Site& site,
                                                    const std::optional<PublicPetitionRecord>& record);

// The signer's details: from the form fields name, email, postcode, uk_resident.
SignerForm signer_from_form(const Request& request);
// From a JSON body {name, email, postcode, uk_resident}; Error(invalid_input) naming the field when a
// value has the wrong type, or "body" when it is not a JSON object.
SignerForm signer_from_json(const Request& request);
// Error(invalid_input, field "content-type") unless the body is declared application/json: a
// cross-site form cannot send that, which is what protects the JSON twins without a token.
void require_json_body(const Request& request);

// The signer's address as the service takes it: the peer's, or the client a trusted reverse proxy
// names in X-Forwarded-For (PublicPetitionConfig::trusted_proxies).
public_petition::IpAddress signer_ip(const Site& site, const Request& request);

}  // namespace recall::http
