#pragma once
// The HTTP/1.1 server: Boost.Beast sessions on I/O threads, each running its own event loop; a
// connection stays on the thread that accepted it. Sessions own the socket,
// buffers, limits and timeouts; requests are turned into http::Request values and handed to the
// Router, whose Response is written back. Asio never appears in this header.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace recall::http {

class Router;

struct ServerLimits {
  std::size_t header_bytes = 16 * 1024;   // larger request heads get 431
  std::size_t body_bytes = 1024 * 1024;   // larger bodies get 413
  std::chrono::seconds read_timeout{30};  // to receive one whole request
  std::chrono::seconds keep_alive{60};    // idle time allowed between requests
  unsigned max_requests_per_connection = 1000;
  // Pipelined requests are answered strictly in order, one at a time: handlers run on the I/O
  // thread, so reading ahead would buy nothing. Unread pipelined bytes stay in the kernel's socket
  // buffer, which bounds them without a limit of our own.
};

struct ServerConfig {
  std::string address = "127.0.0.1";
  unsigned short port = 0;  // 0 = any free port; read Server::port() after start()
  unsigned threads = 2;
  std::filesystem::path web_root;  // the built assets (web/dist), served under /assets/; empty = none
  ServerLimits limits;
};

class Server {
 public:
  Server(ServerConfig config, const Router& router);
  ~Server();  // stops and joins
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the I/O threads; returns once the port is open. Throws
  // recall::Error (unavailable) when the address cannot be bound.
  void start();
  [[nodiscard]] unsigned short port() const;
  // Stops accepting, lets requests in flight finish, closes idle connections. Safe to call from
  // any thread (and from a signal-handling thread) and more than once.
  void stop();
  // Blocks until the I/O threads have exited (after stop()).
  void wait();

  struct Impl;  // opaque; defined in server.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace recall::http
