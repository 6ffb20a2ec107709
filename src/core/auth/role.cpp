#include "core/auth/role.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> role_names{{
    {Role::petition_officer, "petition-officer"},
    {Role::staff, "staff"},
    {Role::observer, "observer"},
    {Role::campaigner, "campaigner"},
    {Role::moderator, "moderator"},
    {Role::public_user, "public"},
}};

constexpr std::array<std::pair<Duty, std::string_view>, 3> duty_names{{
    {Duty::none, ""},
    {Duty::signing_place_clerk, "signing-place-clerk"},
    {Duty::postal_team, "postal-team"},
}};

}  // namespace

std::string_view to_string(Role role) noexcept {
  for (const auto& [value, name] : role_names) {
    if (value == role) return name;
  }
  return "public";
}

std::string_view to_string(Duty duty) noexcept {
  for (const auto& [value, name] : duty_names) {
    if (value == duty) return name;
  }
  return "";
}

std::optional<Role> parse_role(std::string_view text) noexcept {
  if (text == "officer") return Role::petition_officer;  // the short form people type
  for (const auto& [value, name] : role_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::optional<Duty> parse_duty(std::string_view text) noexcept {
  for (const auto& [value, name] : duty_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

Role role_from_text(std::string_view text, const std::string& field) {
  if (auto role = parse_role(text)) return *role;
  throw_invalid(
      fmt::format("'{}' is not a role (petition-officer, staff, observer, campaigner, moderator, public)", text),
      SourceLocation{"", 0, 0, field});
}

Duty duty_from_text(std::string_view text, const std::string& field) {
  if (auto duty = parse_duty(text)) return *duty;
  throw_invalid(fmt::format("'{}' is not a staff duty (signing-place-clerk, postal-team)", text),
                SourceLocation{"", 0, 0, field});
}

void check_role_and_duty(Role role, Duty duty) {
  if (role == Role::staff && duty == Duty::none) {
    throw_invalid("staff need a duty: signing-place-clerk or postal-team", SourceLocation{"", 0, 0, "duty"});
  }
  if (role != Role::staff && duty != Duty::none) {
    throw_invalid(fmt::format("only staff have a duty, not {}", to_string(role)),
                  SourceLocation{"", 0, 0, "duty"});
  }
}

}  // namespace recall
