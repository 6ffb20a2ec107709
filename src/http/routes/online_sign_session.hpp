#pragma once
// What the public online-signing pages keep in the browser between steps, without an account:
//  - a form token in a __Host- cookie that each form must echo (the sign-in form's pattern,
//    http/auth/cookies.hpp): another site can post to us but can neither read nor set that cookie;
//  - the elector number typed on the first page, so the code page need not ask again and the URL
//    never carries it (URLs end up in logs and browser history);
//  - the receipt after signing, for the receipt page and its download.
// All are HttpOnly, Secure, SameSite=Strict and short-lived. None is trusted for anything that matters:
// the service checks the code, and a forged receipt cookie only shows its owner what they wrote.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/petition/ledger_leaf.hpp"
#include "http/request.hpp"

namespace recall::http {

inline constexpr std::string_view sign_token_cookie_name = "__Host-recall-sign";
inline constexpr std::string_view sign_elector_cookie_name = "__Host-recall-sign-elector";
inline constexpr std::string_view sign_receipt_cookie_name = "__Host-recall-receipt";
inline constexpr long sign_cookie_seconds = 30 * 60;     // a little longer than a code lives
inline constexpr long receipt_cookie_seconds = 60 * 60;  // long enough to print and download

// A fresh form token, and the Set-Cookie value that pairs with it.
struct SignFormToken {
  std::string token;
  std::string set_cookie;
};
[[nodiscard]] SignFormToken new_sign_form_token();

// Throws Error(forbidden, field "sign_token") unless the form field sign_token (or the X-CSRF-Token
// header, for API clients) equals the token cookie.
void check_sign_form_token(const Request& request);

[[nodiscard]] std::string sign_elector_cookie(std::int64_t petition_id, std::string_view elector_number);
// The elector number remembered for this petition, if any (and only if it still looks like one).
[[nodiscard]] std::optional<std::string> sign_elector_from(const Request& request, std::int64_t petition_id);

// The receipt cookie holds the signature's ledger leaf (base64, 96 characters): its nonce is the
// receipt code, and the whole leaf is the receipt file's content (core/petition/receipt.hpp).
struct StoredReceipt {
  LedgerLeaf leaf;
  std::string signed_at;  // "YYYY-MM-DDTHH:MM:SSZ"
};
[[nodiscard]] std::string receipt_cookie(std::int64_t petition_id, const StoredReceipt& receipt);
// Only a leaf of this petition that decodes and carries a receipt nonce; nullopt for anything else.
[[nodiscard]] std::optional<StoredReceipt> receipt_from(const Request& request, std::int64_t petition_id);

}  // namespace recall::http
