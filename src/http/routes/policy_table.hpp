#pragma once
// The policies' parameters side by side: one row per parameter, one cell per policy, in words.
#include <nlohmann/json.hpp>

#include "core/rules/policy_set.hpp"

namespace recall::http {

// {"policies": [{"id", "title", "jurisdiction"}], "rows": [{"label", "cells": [{"text", "lines"}]}]}
nlohmann::json policy_table_json(const PolicySet& policies);

}  // namespace recall::http
