#pragma once
// The counts a running `recall serve` holds in memory for a public petition, read from its
// count.json (docs/public-petitions.md section 5) over plain HTTP. `recall public-petition recount
// --server URL` compares them with the store: the CLI's own service rebuilds its memory from the
// store at start, so only a running server's memory can have drifted.
#include <cstdint>
#include <string>
#include <vector>

#include "core/public_petition/count_aggregator.hpp"

namespace recall::cli {

struct ServerCounts {
  std::string url;  // what was fetched
  std::int64_t total = 0;
  // By ONS code; "" for unallocated (count.json gives only the total, so it is the total less the
  // constituencies). Zero counts are left out, as the store's GROUP BY leaves them out.
  std::vector<public_petition::ConstituencyCount> by_constituency;
};

// `base` is the server's address, "http://127.0.0.1:8080" (a path prefix is kept: "http://host/app").
// Fetches {base}/public/petitions/{id}/count.json. Error(invalid_input) naming --server for a URL it
// cannot use; Error(unavailable) when the server cannot be reached or answers other than 200 (the
// message says what it answered); Error(invalid_input) when the body is not count.json's shape.
ServerCounts fetch_server_counts(const std::string& base, std::int64_t petition_id);

}  // namespace recall::cli
