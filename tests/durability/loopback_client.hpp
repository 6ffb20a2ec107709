#pragma once
// One HTTP/1.1 request on a fresh connection to 127.0.0.1, sent from a chosen loopback address. Every
// 127.x.y.z address is this machine, so the test can be many signers to the server's per-address rate
// limits (which would otherwise mark almost every signature from one address suspect).
#include <string>

namespace recall::durability {

struct LoopbackAnswer {
  int status = 0;
  std::string body;
  bool retry_after = false;  // a Retry-After header was present
};

// Throws (std::exception) when the connection fails or closes before a whole answer arrives, as it
// does when the server is killed: such a request was never acknowledged.
LoopbackAnswer loopback_request(unsigned short port, const std::string& source_address,
                                const std::string& method, const std::string& target,
                                const std::string& json_body = "");

// 127.A.B.C for a number below 2^24 - 1, never 127.0.0.1 itself (C is 1..254).
std::string loopback_address(unsigned number);

}  // namespace recall::durability
