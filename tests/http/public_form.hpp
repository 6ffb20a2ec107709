#pragma once
// What a test needs to post a public form as a browser would: the form's cookie and the token bound to it.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "server_fixture.hpp"

namespace recall::http::testing {

// "name=value" of a response's Set-Cookie header.
inline std::string cookie_pair(const ClientResponse& response) {
  const std::string header = response.header("set-cookie").value_or("");
  return header.substr(0, header.find(';'));
}

// The sign_token hidden in a public form's HTML.
inline std::string token_in(const std::string& html) {
  std::smatch match;
  if (!std::regex_search(html, match, std::regex(R"re(name="sign_token" value="([A-Za-z0-9_-]{43})")re"))) {
    ADD_FAILURE() << "no sign_token in the page";
    return {};
  }
  return match[1];
}

}  // namespace recall::http::testing
