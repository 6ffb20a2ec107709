#include <utility>  // before Asio: GCC 12 in C++20 mode needs it first

#include "durability/loopback_client.hpp"

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace recall::durability {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

std::string loopback_address(unsigned number) {
  const unsigned a = (number / (254U * 256U)) % 256U;
  const unsigned b = (number / 254U) % 256U;
  const unsigned c = number % 254U + 1U;
  std::string out = "127." + std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c);
  return out == "127.0.0.1" ? "127.0.0.2" : out;
}

LoopbackAnswer loopback_request(unsigned short port, const std::string& source_address,
                                const std::string& method, const std::string& target,
                                const std::string& json_body) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.open(tcp::v4());
  socket.bind(tcp::endpoint(asio::ip::make_address(source_address), 0));
  // A guard against a hung test, not a timing assertion.
  timeval timeout{20, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));

  bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
  request.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port));
  request.set(bhttp::field::user_agent, "recall-kill-test");
  request.set(bhttp::field::connection, "close");
  if (method == "POST") {
    request.set(bhttp::field::content_type, "application/json");
    request.body() = json_body;
    request.prepare_payload();
  }
  bhttp::write(socket, request);

  boost::beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(socket, buffer, response);
  boost::system::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  return {static_cast<int>(response.result_int()), response.body(),
          response.count(bhttp::field::retry_after) > 0};
}

}  // namespace recall::durability
