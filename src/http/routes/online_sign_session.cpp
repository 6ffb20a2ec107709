#include "http/routes/online_sign_session.hpp"

#include <fmt/format.h>

#include "core/auth/csrf.hpp"
#include "core/auth/token.hpp"
#include "core/base/error.hpp"
#include "core/register/register_entry.hpp"
#include "http/auth/cookies.hpp"

namespace recall::http {

namespace {

std::string set_cookie(std::string_view name, std::string_view value, long max_age) {
  return fmt::format("{}={}; Max-Age={}; Path=/; Secure; HttpOnly; SameSite=Strict", name, value, max_age);
}

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  return cookie_value(request.header("cookie").value_or(""), name);
}

// "<petition id>~<value>": the cookie belongs to one petition.
std::optional<std::string> for_petition(const std::optional<std::string>& value, std::int64_t petition_id) {
  if (!value) return std::nullopt;
  const std::string prefix = fmt::format("{}~", petition_id);
  if (value->compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return value->substr(prefix.size());
}

bool receipt_shaped(std::string_view text) {
  if (text.size() != 26) return false;
  for (char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) return false;
  }
  return true;
}

bool timestamp_shaped(std::string_view text) {
  if (text.size() != 20 || text.back() != 'Z') return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '-' || c == ':' || c == 'T' || c == 'Z')) return false;
  }
  return true;
}

}  // namespace

SignFormToken new_sign_form_token() {
  std::string token = new_random_token();
  std::string header = set_cookie(sign_token_cookie_name, token, sign_cookie_seconds);
  return {std::move(token), std::move(header)};
}

void check_sign_form_token(const Request& request) {
  const std::string expected = cookie(request, sign_token_cookie_name).value_or("");
  if (expected.empty() || !looks_like_token(expected)) {
    throw Error(ErrorKind::forbidden, "This form has expired; go back, reload the page and try again",
                SourceLocation{"form", 0, 0, "sign_token"});
  }
  std::string submitted = request.form.get("sign_token").value_or("");
  if (submitted.empty()) submitted = request.header("x-csrf-token").value_or("");
  try {
    check_csrf(expected, submitted);
  } catch (const Error&) {
    throw Error(ErrorKind::forbidden, "This form has expired; go back, reload the page and try again",
                SourceLocation{"form", 0, 0, "sign_token"});
  }
}

std::string sign_elector_cookie(std::int64_t petition_id, std::string_view elector_number) {
  return set_cookie(sign_elector_cookie_name, fmt::format("{}~{}", petition_id, elector_number), sign_cookie_seconds);
}

std::optional<std::string> sign_elector_from(const Request& request, std::int64_t petition_id) {
  auto elector = for_petition(cookie(request, sign_elector_cookie_name), petition_id);
  if (elector && !is_valid_elector_number(*elector)) return std::nullopt;
  return elector;
}

std::string receipt_cookie(std::int64_t petition_id, const StoredReceipt& receipt) {
  return set_cookie(sign_receipt_cookie_name, fmt::format("{}~{}~{}", petition_id, receipt.receipt, receipt.signed_at),
                    receipt_cookie_seconds);
}

std::optional<StoredReceipt> receipt_from(const Request& request, std::int64_t petition_id) {
  const auto value = for_petition(cookie(request, sign_receipt_cookie_name), petition_id);
  if (!value) return std::nullopt;
  const auto tilde = value->find('~');
  if (tilde == std::string::npos) return std::nullopt;
  StoredReceipt receipt{value->substr(0, tilde), value->substr(tilde + 1)};
  if (!receipt_shaped(receipt.receipt) || !timestamp_shaped(receipt.signed_at)) return std::nullopt;
  return receipt;
}

}  // namespace recall::http
