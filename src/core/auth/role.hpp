#pragma once
// Who a user is to the petition (DOMAIN.md section 1): the petition officer, the staff who work under
// them (each with one duty), observers, accredited campaigners, moderators of public petitions (issue 5),
// and the public (anyone not signed in).
#include <optional>
#include <string>
#include <string_view>

namespace recall {

enum class Role { petition_officer, staff, observer, campaigner, moderator, public_user };

// Staff do one job at a time; other roles have no duty.
enum class Duty { none, signing_place_clerk, postal_team };

// Wire names, as stored and typed on the command line: "petition-officer" (alias "officer"), "staff",
// "observer", "campaigner", "moderator", "public"; duties "signing-place-clerk", "postal-team" and "" for none.
[[nodiscard]] std::string_view to_string(Role role) noexcept;
[[nodiscard]] std::string_view to_string(Duty duty) noexcept;
[[nodiscard]] std::optional<Role> parse_role(std::string_view text) noexcept;
[[nodiscard]] std::optional<Duty> parse_duty(std::string_view text) noexcept;

// Throws Error(invalid_input) naming `field` when the text is not a role or duty.
[[nodiscard]] Role role_from_text(std::string_view text, const std::string& field);
[[nodiscard]] Duty duty_from_text(std::string_view text, const std::string& field);

// Staff need a duty and nobody else may have one; throws Error(invalid_input) on field "duty".
void check_role_and_duty(Role role, Duty duty);

}  // namespace recall
