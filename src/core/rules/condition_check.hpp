#pragma once
// The engine's per-condition checks: each reads only its own policy parameters.
#include <optional>
#include <string>

#include "core/rules/event.hpp"
#include "core/rules/policy.hpp"

namespace recall::rules_detail {

// The outcome of checking one event against one condition of a policy.
struct Check {
  bool met = false;
  bool pending = false;
  std::string citation;
  std::string reason;
  std::optional<Date> met_on;
  std::string date_unknown_note;  // met, but on a date not known
};

Check check_condition(const Policy& policy, const Event& event, const Context& context);

}  // namespace recall::rules_detail
