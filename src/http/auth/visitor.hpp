#pragma once
// Who sent a request, as the pages see it: the Actor the service needs, and the CSRF token of the
// session (empty for the public) that every form the page shows must carry back.
#include <string>

#include "service/actor.hpp"

namespace recall::http {

struct Visitor {
  Actor actor;             // Actor::public_user(remote) when nobody is signed in
  std::string csrf_token;  // the session's; "" for the public
  std::string session_hash;  // SHA-256 of the cookie token; "" for the public

  [[nodiscard]] bool signed_in() const { return actor.user_id.has_value(); }
};

}  // namespace recall::http
