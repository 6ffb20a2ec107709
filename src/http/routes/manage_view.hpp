#pragma once
// The manage page, shared by its GET and by the officer's form POSTs, which show it again with the
// error when the service refuses a step.
#include <string>

#include <nlohmann/json.hpp>

#include "http/auth/visitor.hpp"
#include "http/request.hpp"
#include "http/site.hpp"

namespace recall::http {

struct ManageFormState {
  nlohmann::json error;  // null, or form_error_json(...)
  int status = 200;
  std::string place_name;  // what was typed in the add-a-place form
  std::string place_address;
  std::string place_postcode;
};

Response show_manage_page(const Site& site, const Request& request, const Visitor& visitor, const ManageFormState& state);

}  // namespace recall::http
