#include "core/public_petition/petition_target.hpp"

#include <cctype>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"

namespace recall::public_petition {

namespace {

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

SourceLocation form_field(std::string_view field) { return SourceLocation{"form", 0, 0, std::string(field)}; }

}  // namespace

bool is_ons_constituency_code(std::string_view text) {
  if (text.size() != 9) return false;
  if (text[0] != 'E' && text[0] != 'S' && text[0] != 'W' && text[0] != 'N') return false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

PetitionTarget resolve_petition_target(std::string_view member_id, std::string_view ons_code,
                                       const Parliament& parliament) {
  PetitionTarget target;
  std::string code = trimmed(ons_code);
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!code.empty()) {
    if (!is_ons_constituency_code(code)) {
      throw_invalid(fmt::format("\"{}\" is not an ONS constituency code such as E14000978", code),
                    form_field("constituency"));
    }
    if (parliament.constituency(code) == nullptr) {
      throw_invalid(fmt::format("no constituency has the ONS code {}", code), form_field("constituency"));
    }
    target.ons_code = code;
  }
  const std::string id = trimmed(member_id);
  if (!id.empty()) {
    const Member* member = parliament.member(id);
    if (member == nullptr) throw_invalid(fmt::format("no MP has the id \"{}\"", id), form_field("mp"));
    if (target.ons_code && *target.ons_code != member->constituency) {
      throw_invalid(
          fmt::format("{} was the MP for {}, not {}", member->name, member->constituency, *target.ons_code),
          form_field("mp"));
    }
    target.member_id = id;
    target.ons_code = member->constituency;
  }
  return target;
}

}  // namespace recall::public_petition
