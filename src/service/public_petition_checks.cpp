#include "service/public_petition_checks.hpp"

#include <fmt/format.h>

#include "core/parliament/parliament.hpp"
#include "core/public_petition/petition_text.hpp"
#include "service/petition_steps.hpp"

namespace recall::public_checks {

namespace {

constexpr std::size_t name_limit = 100;  // code points: a whole name, not an essay

}  // namespace

CheckedSigner check_signer(const SignerForm& form) {
  CheckedSigner out;
  out.name = public_petition::clean_text_field(form.name, "name", false);
  if (out.name.empty()) petition_steps::invalid("name", "enter your name");
  if (public_petition::count_code_points(out.name, "name") > name_limit) {
    petition_steps::invalid("name", fmt::format("a name is at most {} characters", name_limit));
  }
  out.email = public_petition::parse_email_address(form.email, "email");
  const std::optional<std::string> postcode = normalise_postcode(form.postcode);
  if (!postcode) petition_steps::invalid("postcode", "enter a UK postcode, like SW1A 1AA");
  out.postcode = *postcode;
  if (!form.uk_resident) {
    petition_steps::invalid("uk_resident", "only British citizens and UK residents may sign; tick the box if you are one");
  }
  return out;
}

std::string target_of(std::int64_t petition_id) { return fmt::format("public-petition/{}", petition_id); }

void require_moderator(const Actor& actor) {
  petition_steps::require(actor, Permission::moderate_public_petitions);
}

}  // namespace recall::public_checks
