#include <utility>  // before Asio: GCC 12 in C++20 mode needs it first

#include "http/server.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffer_traits.hpp>
#include <boost/beast/core/buffers_suffix.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "core/base/error.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"
#include "http/security_headers.hpp"
#include "http/static_files.hpp"
#include "http_url/url.hpp"

namespace recall::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

// A connection's objects name their io_context's executor type rather than the type-erased
// any_io_executor: every operation otherwise copies, compares and destroys an erased executor.
using Executor = asio::io_context::executor_type;
using Socket = asio::basic_stream_socket<tcp, Executor>;
using Timer = asio::basic_waitable_timer<std::chrono::steady_clock,
                                         asio::wait_traits<std::chrono::steady_clock>, Executor>;
template <class T>
using Awaitable = asio::awaitable<T, Executor>;
constexpr asio::use_awaitable_t<Executor> awaited;

namespace {

constexpr std::string_view assets_prefix = "/assets/";

std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The path part of a raw target, for the access log: the query can hold postcodes and names.
std::string_view log_path(std::string_view target) { return target.substr(0, target.find_first_of("?#")); }

// Requests that look up or record signatures (the clerk's page, the postal team's, online signing)
// leave no line in the access log when they succeed: one line per signature would be a running
// total for anyone who can read the log (DOMAIN.md "Secrecy"). Failures are still logged; the
// logged path never holds an elector number (those travel in forms and queries).
bool records_signatures(std::string_view path) {
  for (std::string_view prefix : {std::string_view("/petitions/"), std::string_view("/api/petitions/")}) {
    if (!path.starts_with(prefix)) continue;
    std::string_view rest = path.substr(prefix.size());
    while (!rest.empty()) {
      const auto slash = rest.find('/');
      const std::string_view segment = rest.substr(0, slash);
      if (segment == "clerk" || segment.starts_with("postal") || segment.starts_with("sign") ||
          segment.starts_with("online")) {
        return true;
      }
      if (slash == std::string_view::npos) break;
      rest.remove_prefix(slash + 1);
    }
  }
  return false;
}

// Public petitions' hot paths (signing, confirming, and the JSON documents a surge of readers polls)
// leave no line when they succeed either: at thousands of requests a second the log line would cost
// more than the answer. Their failures are still logged.
bool hot_public_path(std::string_view path) {
  const bool under_petitions = path.starts_with("/public/petitions/") ||
                               path.starts_with("/api/public/petitions/") || path.starts_with("/petitions/");
  return under_petitions && (path.ends_with("/signatures") ||
                             path.find("/confirm/") != std::string_view::npos || path.ends_with(".json"));
}

// The path as the access log shows it: a confirmation link's token is cut out, since whoever holds
// it can confirm that signature, and failed requests are logged.
std::string logged_path_of(std::string_view path) {
  constexpr std::string_view confirm = "/confirm/";
  const std::size_t at = path.find(confirm);
  if (at == std::string_view::npos) return std::string(path);
  return std::string(path.substr(0, at + confirm.size())) + "<token>";
}

// Whether `text` holds any of `chars`. One memchr over the text per character sought: find_first_of
// makes a call per character of the text: a tenth of a count.json answer's user-space CPU in a profile.
bool holds_any(std::string_view text, std::string_view chars) {
  return std::ranges::any_of(chars, [text](char c) { return text.find(c) != std::string_view::npos; });
}

// A header line, unless its name or value holds a CR or LF (which would split it into two headers,
// or end the head early): such a header is a bug in a handler, logged and left out.
void append_header(std::string& out, std::string_view name, std::string_view value) {
  if (holds_any(name, "\r\n:") || holds_any(value, "\r\n")) {
    spdlog::error("a response header '{}' holds a line break and was not sent", name);
    return;
  }
  out.append(name).append(": ").append(value).append("\r\n");
}

// The headers every response carries, formatted once.
const std::string& fixed_headers() {
  static const std::string text = [] {
    std::string out;
    append_header(out, "Server", "Recall");
    for (const auto& [name, value] : security_headers()) append_header(out, name, value);
    return out;
  }();
  return text;
}

// The status line and headers of `response` (RFC 9112 section 4-6). Content-Length is the body's
// length (also for HEAD, which sends no body), except on 204 and 304, which have none.
std::string response_head(const Response& response, unsigned version, bool keep_alive) {
  std::string out;
  out.reserve(512 + response.headers.size() * 64);
  out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  fmt::format_to(std::back_inserter(out), "{} ", response.status);
  out.append(sv(bhttp::obsolete_reason(static_cast<bhttp::status>(response.status)))).append("\r\n");
  out.append(fixed_headers());
  append_header(out, "Content-Type", response.content_type);
  for (const auto& [name, value] : response.headers) append_header(out, name, value);
  // HTTP/1.1 keeps the connection unless told; HTTP/1.0 closes it unless told.
  if (version == 10 && keep_alive) out.append("Connection: keep-alive\r\n");
  if (version != 10 && !keep_alive) out.append("Connection: close\r\n");
  if (response.status != 204 && response.status != 304) {
    fmt::format_to(std::back_inserter(out), "Content-Length: {}\r\n", response.body.size());
  }
  out.append("\r\n");
  return out;
}

}  // namespace

class Connection;

struct Server::Impl {
  Impl(ServerConfig c, const Router& r)
      : config(std::move(c)),
        router(r),
        contexts(single_threaded_contexts(std::max(1u, config.threads))),
        watch_tick(tick_for(config.limits)) {}

  // How often a connection's watchdog looks at its deadline: an eighth of the shorter timeout, so a
  // timeout fires at most an eighth late.
  static std::chrono::steady_clock::duration tick_for(const ServerLimits& limits) {
    const auto shorter = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::min(limits.read_timeout, limits.keep_alive));
    return std::max(shorter / 8, std::chrono::milliseconds(1));
  }

  // One single-threaded io_context per I/O thread: a connection lives on one thread from accept to
  // close, so its handlers need no strand and its memory is allocated and freed by one thread.
  static std::vector<std::unique_ptr<asio::io_context>> single_threaded_contexts(unsigned count) {
    std::vector<std::unique_ptr<asio::io_context>> out;
    for (unsigned i = 0; i < count; ++i) out.push_back(std::make_unique<asio::io_context>(1));
    return out;
  }

  ServerConfig config;
  const Router& router;
  std::optional<StaticFiles> assets;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::chrono::steady_clock::duration watch_tick;
  // Keeps every context's run() going while it has no connection, until stop().
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  tcp::acceptor acceptor{*contexts.front()};
  std::size_t next_context = 0;  // round robin; touched only by the accept loop
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::atomic<unsigned short> bound_port{0};

  std::mutex connections_mutex;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections;

  asio::awaitable<void> accept_loop();
  // The request as the router sees it, or the answer already (a bad target, an asset).
  // The body is moved out of `message`.
  std::variant<Request, Response> prepare(bhttp::request<bhttp::string_body>& message,
                                          const std::string& remote) const;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Server::Impl& server, Socket socket)
      : server_(server), socket_(std::move(socket)), watchdog_(socket_.get_executor()) {
    beast::error_code ec;
    // For the write tried at once in send(); without it that write could block the I/O thread.
    socket_.non_blocking(true, ec);
    write_at_once_ = !ec;
    const auto endpoint = socket_.remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }

  Awaitable<void> run();
  [[nodiscard]] Executor executor() { return socket_.get_executor(); }

  // Runs on the connection's thread: an idle connection closes now, a busy one after its response.
  void request_stop() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      if (self->idle_) self->socket_.cancel(ec);
    });
  }

 private:
  // Timeouts cost a store per operation, not a timer: each read or write sets `deadline_`, and one
  // watchdog per connection wakes every `watch_tick` and closes the socket once the deadline has
  // passed (so a timeout fires up to one tick late). A timer armed and cancelled around every
  // operation, as beast::tcp_stream does, cost about a tenth of a count.json answer's CPU (five pairs
  // of runs, docs/performance.md) and a timerfd_settime call every few requests.
  void expire_after(std::chrono::steady_clock::duration timeout) {
    deadline_ = std::chrono::steady_clock::now() + timeout;
  }
  void no_deadline() { deadline_ = std::chrono::steady_clock::time_point::max(); }
  void watch();

  Awaitable<Response> answer(bhttp::request<bhttp::string_body>& message);
  Awaitable<bool> send(Response response, const std::string& method, unsigned version, bool keep_alive,
                       std::string_view target, std::chrono::steady_clock::time_point started);
  Awaitable<void> send_error(int status, std::string_view title, std::string_view detail,
                             std::string_view target, unsigned version,
                             std::chrono::steady_clock::time_point started);

  Server::Impl& server_;
  Socket socket_;
  Timer watchdog_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool timed_out_ = false;
  bool write_at_once_ = false;  // the socket is non-blocking: send() tries write_some first
  bool finished_ = false;
  beast::flat_buffer buffer_;
  std::string remote_;
  bool idle_ = false;
};

void Connection::watch() {
  watchdog_.expires_after(server_.watch_tick);
  watchdog_.async_wait([self = shared_from_this()](const beast::error_code& ec) {
    if (ec || self->finished_) return;
    if (std::chrono::steady_clock::now() < self->deadline_) return self->watch();
    // Closing ends the pending read or write with an error, and any later one at once.
    self->timed_out_ = true;
    beast::error_code ignored;
    self->socket_.close(ignored);
  });
}

Awaitable<void> Connection::run() {
  const ServerLimits& limits = server_.config.limits;
  beast::error_code ec;
  watch();
  for (unsigned served = 0; served < limits.max_requests_per_connection; ++served) {
    // Wait for the first bytes of the next request under the idle (keep-alive) timeout; a
    // pipelined request is already in the buffer and skips the wait.
    if (buffer_.size() == 0) {
      if (server_.stopping) break;
      idle_ = true;
      expire_after(served == 0 ? limits.read_timeout : limits.keep_alive);
      const std::size_t n =
          co_await socket_.async_read_some(buffer_.prepare(4096), asio::redirect_error(awaited, ec));
      idle_ = false;
      if (ec) break;  // closed by the peer, timed out or stopped
      buffer_.commit(n);
    }

    const auto started = std::chrono::steady_clock::now();
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
    parser.body_limit(limits.body_bytes);
    deadline_ = started + limits.read_timeout;  // expire_after, without reading the clock again
    // A small request usually arrived whole: parsed from the buffer at once, it skips an asynchronous
    // read whose completion, with no I/O to wait for, would still go round the scheduler.
    buffer_.consume(parser.put(buffer_.data(), ec));
    if (ec == bhttp::error::need_more) {
      ec = {};
      co_await bhttp::async_read_header(socket_, buffer_, parser, asio::redirect_error(awaited, ec));
    }
    if (!ec && !parser.is_done()) {
      // A client that asked before sending its body (curl does for large POSTs) gets the go-ahead
      // now; one whose Content-Length is over the limit has already failed with body_limit.
      const auto expect = parser.get()[bhttp::field::expect];
      if (beast::iequals(expect, "100-continue")) {
        bhttp::response<bhttp::empty_body> go_ahead{bhttp::status::continue_, parser.get().version()};
        co_await bhttp::async_write(socket_, go_ahead, asio::redirect_error(awaited, ec));
      }
      if (!ec) co_await bhttp::async_read(socket_, buffer_, parser, asio::redirect_error(awaited, ec));
    }
    no_deadline();  // the handler's time is not the client's
    if (timed_out_ || ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted) break;
    if (ec) {
      const std::string target =
          parser.is_header_done() ? std::string(parser.get().target()) : std::string("/");
      const unsigned version = parser.is_header_done() ? parser.get().version() : 11;
      if (ec == bhttp::error::header_limit) {
        co_await send_error(431, "Request header fields too large",
                            fmt::format("The request headers are larger than {} bytes.", limits.header_bytes),
                            target, version, started);
      } else if (ec == bhttp::error::body_limit) {
        co_await send_error(413, "Content too large",
                            fmt::format("The request body is larger than {} bytes.", limits.body_bytes),
                            target, version, started);
      } else {
        co_await send_error(400, "Bad request",
                            fmt::format("The request is not valid HTTP: {}.", ec.message()), target, version,
                            started);
      }
      break;  // the stream is out of step after a parse error, so the connection closes
    }

    auto& message = parser.get();
    Response response = co_await answer(message);
    const bool keep_alive =
        message.keep_alive() && !server_.stopping && served + 1 < limits.max_requests_per_connection;
    const bool kept = co_await send(std::move(response), std::string(message.method_string()),
                                    message.version(), keep_alive, sv(message.target()), started);
    if (!kept) break;
  }
  finished_ = true;
  watchdog_.cancel();
  socket_.shutdown(Socket::shutdown_send, ec);
  socket_.close(ec);
}

// An answer that an async route delivers from another thread: stored, then the waiting coroutine
// woken by cancelling a timer that never expires on its own. Both steps run on the connection's own
// I/O thread, so they need no lock; the pending wait keeps that thread running until it is woken.
struct LaterAnswer {
  explicit LaterAnswer(const Executor& executor) : wake(executor, Timer::time_point::max()) {}
  std::optional<Response> response;
  Timer wake;
};

Awaitable<Response> Connection::answer(bhttp::request<bhttp::string_body>& message) {
  auto prepared = server_.prepare(message, remote_);
  if (auto* ready = std::get_if<Response>(&prepared)) co_return std::move(*ready);

  std::shared_ptr<LaterAnswer> later;
  std::optional<Response> now =
      server_.router.dispatch(std::move(std::get<Request>(prepared)), [&]() -> Responder::Deliver {
        later = std::make_shared<LaterAnswer>(socket_.get_executor());
        // The Deliver holds the connection and the slot weakly: the last owner of a socket or a timer
        // must let go of it on an I/O thread, never on the thread that answers, which may outlive
        // the server (a Responder kept past shutdown destroyed them after the io_context). While
        // the connection waits for the answer both are alive, and the handler posted to its thread
        // takes them there; once the client has gone, the answer is dropped.
        return [weak_self = std::weak_ptr<Connection>(shared_from_this()),
                weak_later = std::weak_ptr<LaterAnswer>(later)](Response response) {
          std::shared_ptr<Connection> self = weak_self.lock();
          std::shared_ptr<LaterAnswer> waiting = weak_later.lock();
          if (!self || !waiting) return;
          const auto executor = self->socket_.get_executor();
          asio::post(executor, [self = std::move(self), waiting = std::move(waiting),
                                response = std::move(response)]() mutable {
            waiting->response = std::move(response);
            waiting->wake.cancel();
          });
        };
      });
  if (now) co_return std::move(*now);
  if (!later->response) {
    beast::error_code ec;
    co_await later->wake.async_wait(asio::redirect_error(awaited, ec));
  }
  co_return std::move(*later->response);
}

Awaitable<bool> Connection::send(Response response, const std::string& method, unsigned version,
                                 bool keep_alive, std::string_view target,
                                 std::chrono::steady_clock::time_point started) {
  if (response.status == 304 || response.status == 204) response.body.clear();
  const bool head_only = method == "HEAD";
  const std::size_t bytes = response.body.size();
  const std::string head = response_head(response, version, keep_alive);

  beast::error_code ec;
  // The head and the body in one write: one system call for a small answer. Tried at once on the
  // non-blocking socket, since it nearly always fits the send buffer; only what is left, if anything,
  // waits in an asynchronous write (whose completion would otherwise go round the scheduler).
  beast::buffers_suffix<std::array<asio::const_buffer, 2>> unsent{std::array<asio::const_buffer, 2>{
      asio::buffer(head), head_only ? asio::const_buffer() : asio::buffer(response.body)}};
  if (write_at_once_) {
    unsent.consume(socket_.write_some(unsent, ec));
    if (ec == asio::error::would_block) ec = {};
  }
  if (!ec && beast::buffer_bytes(unsent) > 0) {
    expire_after(server_.config.limits.read_timeout);  // only a write that waits has a deadline
    co_await asio::async_write(socket_, unsent, asio::redirect_error(awaited, ec));
    no_deadline();
  }
  const std::string_view path = log_path(target);
  if (response.status >= 400 || !(records_signatures(path) || hot_public_path(path))) {
    const auto elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    spdlog::info("{} {} {} {}B {:.1f}ms", method, logged_path_of(path), response.status,
                 head_only ? 0 : bytes, elapsed.count());
  }
  co_return !ec && keep_alive;
}

Awaitable<void> Connection::send_error(int status, std::string_view title, std::string_view detail,
                                       std::string_view target, unsigned version,
                                       std::chrono::steady_clock::time_point started) {
  Request request;
  request.method = "GET";
  request.path = std::string(log_path(target));
  Response response = problem_response(request, status, title, detail, server_.router.templates());
  co_await send(std::move(response), "-", version, false, target, started);
}

std::variant<Request, Response> Server::Impl::prepare(bhttp::request<bhttp::string_body>& message,
                                                      const std::string& remote) const {
  Request request;
  request.method = std::string(message.method_string());
  request.remote_address = remote;
  for (const auto& field : message) {
    auto name = lower(sv(field.name_string()));
    auto [it, inserted] = request.headers.emplace(name, std::string(field.value()));
    // Repeated headers combine into one comma-separated value (RFC 9110 5.3).
    if (!inserted) it->second += ", " + std::string(field.value());
  }
  request.body = std::move(message.body());
  const std::string_view target = sv(message.target());
  try {
    Target parsed = parse_target(target);
    request.path = std::move(parsed.path);
    request.query = std::move(parsed.query);
    const auto content_type = request.header("content-type");
    if (content_type && lower(*content_type).starts_with("application/x-www-form-urlencoded")) {
      request.form = parse_form(request.body);
    }
  } catch (const Error& error) {
    request.path = std::string(log_path(target));
    return problem_response(request, error, router.templates());
  }

  if (assets && request.path.starts_with(assets_prefix)) {
    if (request.method != "GET" && request.method != "HEAD") {
      Response response = problem_response(
          request, 405, "Method not allowed",
          fmt::format("{} is not allowed here; use GET, HEAD.", request.method), router.templates());
      response.headers.emplace_back("Allow", "GET, HEAD");
      return response;
    }
    try {
      return assets->serve(request, std::string_view(request.path).substr(assets_prefix.size()));
    } catch (...) {
      return problem_response_for_current_exception(request, router.templates());
    }
  }
  return request;
}

asio::awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    beast::error_code ec;
    asio::io_context& home = *contexts[next_context];
    next_context = (next_context + 1) % contexts.size();
    Socket socket{home.get_executor()};
    co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      // Running out of file descriptors is transient: log it and keep accepting.
      spdlog::warn("accept failed: {}", ec.message());
      continue;
    }
    auto connection = std::make_shared<Connection>(*this, std::move(socket));
    {
      const std::lock_guard lock(connections_mutex);
      connections.emplace(connection.get(), connection);
    }
    // The coroutine runs on the socket's own context; the completion unregisters the connection.
    asio::co_spawn(
        connection->executor(), [connection]() { return connection->run(); },
        [this, key = connection.get()](const std::exception_ptr& error) {
          if (error) {
            try {
              std::rethrow_exception(error);
            } catch (const std::exception& e) {
              spdlog::error("connection failed: {}", e.what());
            }
          }
          const std::lock_guard lock(connections_mutex);
          connections.erase(key);
        });
  }
}

Server::Server(ServerConfig config, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(config), router)) {
  if (!impl_->config.web_root.empty()) impl_->assets.emplace(impl_->config.web_root);
}

Server::~Server() {
  stop();
  wait();
}

void Server::start() {
  Impl& s = *impl_;
  if (!s.threads.empty()) throw Error(ErrorKind::internal, "the server is already started");
  beast::error_code ec;
  const auto address = asio::ip::make_address(s.config.address, ec);
  if (ec) {
    throw Error(ErrorKind::invalid_input, fmt::format("'{}' is not an IP address", s.config.address),
                SourceLocation{"server config", 0, 0, "address"});
  }
  const tcp::endpoint endpoint{address, s.config.port};
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw Error(ErrorKind::unavailable,
                fmt::format("cannot listen on {}:{}: {}", s.config.address, s.config.port, ec.message()));
  }
  s.bound_port = s.acceptor.local_endpoint().port();
  asio::co_spawn(
      s.acceptor.get_executor(), [&s] { return s.accept_loop(); }, asio::detached);
  for (const auto& context : s.contexts) s.keep_running.push_back(asio::make_work_guard(*context));
  for (const auto& context : s.contexts) {
    s.threads.emplace_back([&io = *context] {
      // Handlers never throw out of a connection; anything reaching here is a bug worth logging.
      for (;;) {
        try {
          io.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("I/O thread caught: {}", e.what());
        }
      }
    });
  }
  spdlog::info("listening on http://{}:{}", s.config.address, s.bound_port.load());
}

unsigned short Server::port() const { return impl_->bound_port; }

void Server::stop() {
  Impl& s = *impl_;
  if (s.stopping.exchange(true)) return;
  asio::post(s.acceptor.get_executor(), [&s] {
    beast::error_code ec;
    s.acceptor.close(ec);
  });
  std::vector<std::shared_ptr<Connection>> open;
  {
    const std::lock_guard lock(s.connections_mutex);
    for (const auto& [key, weak] : s.connections) {
      if (auto c = weak.lock()) open.push_back(std::move(c));
    }
  }
  for (const auto& c : open) c->request_stop();
  // Each thread's run() returns once its last connection has closed (the acceptor's, once closed).
  for (auto& guard : s.keep_running) guard.reset();
}

void Server::wait() {
  for (auto& thread : impl_->threads) {
    if (thread.joinable()) thread.join();
  }
}

}  // namespace recall::http
