#include "http/routes/online_sign_session.hpp"

#include <fmt/format.h>

#include "core/auth/csrf.hpp"
#include "core/auth/token.hpp"
#include "core/base/error.hpp"
#include "core/ledger/encoding.hpp"
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

// The leaf in the cookie, if it is one of this petition's with a receipt nonce.
std::optional<LedgerLeaf> receipt_leaf(std::string_view base64, std::int64_t petition_id) {
  try {
    const std::vector<std::uint8_t> bytes = ledger::from_base64(base64);
    LedgerLeaf leaf = decode_leaf(bytes);
    if (leaf.petition_id != static_cast<std::uint64_t>(petition_id) || leaf.nonce == ReceiptNonce{}) return std::nullopt;
    return leaf;
  } catch (const Error&) {
    return std::nullopt;
  }
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
  const auto leaf = encode_leaf(receipt.leaf);
  return set_cookie(sign_receipt_cookie_name,
                    fmt::format("{}~{}~{}", petition_id, ledger::to_base64(leaf), receipt.signed_at),
                    receipt_cookie_seconds);
}

std::optional<StoredReceipt> receipt_from(const Request& request, std::int64_t petition_id) {
  const auto value = for_petition(cookie(request, sign_receipt_cookie_name), petition_id);
  if (!value) return std::nullopt;
  const auto tilde = value->find('~');
  if (tilde == std::string::npos) return std::nullopt;
  const std::optional<LedgerLeaf> leaf = receipt_leaf(std::string_view(*value).substr(0, tilde), petition_id);
  std::string signed_at = value->substr(tilde + 1);
  if (!leaf || !timestamp_shaped(signed_at)) return std::nullopt;
  return StoredReceipt{*leaf, std::move(signed_at)};
}

}  // namespace recall::http
