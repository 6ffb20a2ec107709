// The server on a real loopback socket: HTTP semantics, limits, keep-alive and error shapes.
#include <utility>  // before Asio: GCC 12 in C++20 mode needs it first

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <thread>

#include <sys/socket.h>
#include <sys/time.h>

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include "core/base/error.hpp"
#include "http/server_fixture.hpp"

namespace recall::http {
namespace {

namespace asio = boost::asio;
using testing::ServerFixture;

Response text(std::string body) {
  Response out;
  out.content_type = "text/plain; charset=utf-8";
  out.body = std::move(body);
  return out;
}

// Larger than a loopback socket's send buffer, so the answer cannot go in one write.
std::string large_body() {
  std::string body;
  for (int i = 0; body.size() < 8 * 1024 * 1024; ++i) body += std::to_string(i) + '\n';
  return body;
}

class ServerTest : public ServerFixture {
 protected:
  void SetUp() override {
    router_.get("/hello", [](const Request&) { return text("hello"); });
    router_.get("/echo", [](const Request& r) { return text(r.query.get("q").value_or("-")); });
    router_.post("/form", [](const Request& r) { return text(r.form.get("name").value_or("-")); });
    router_.post("/size", [](const Request& r) { return text(std::to_string(r.body.size())); });
    router_.get("/api/search", [](const Request& r) { return text(r.query.get("q").value_or("-")); });
    router_.get("/split", [](const Request&) {
      Response out = text("split");
      out.headers.emplace_back("X-Note", "one\r\nSet-Cookie: session=stolen");
      out.headers.emplace_back("X-Kept", "kept");
      return out;
    });
    router_.get("/nothing", [](const Request&) {
      Response out = text("dropped");
      out.status = 204;
      return out;
    });
    router_.get("/large", [](const Request&) { return text(large_body()); });
    router_.get("/api/fail", [](const Request&) -> Response {
      throw Error(ErrorKind::conflict, "the petition is already closed");
    });
  }
  Router router_{&templates()};
};

TEST_F(ServerTest, ServesARoute) {
  start(router_);
  const auto reply = client().get("/hello");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "hello");
  EXPECT_EQ(reply.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(reply.header("content-length"), "5");
}

TEST_F(ServerTest, DecodesTheQuery) {
  start(router_);
  EXPECT_EQ(client().get("/echo?q=SW1A+1AA").body, "SW1A 1AA");
  EXPECT_EQ(client().get("/echo?q=%C2%A3").body, "\xC2\xA3");
}

TEST_F(ServerTest, DecodesAFormBody) {
  start(router_);
  const auto reply = client().post("/form", "name=Jo+Bloggs&x=1");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "Jo Bloggs");
}

TEST_F(ServerTest, NotFoundPageAndProblemJson) {
  start(router_);
  const auto page = client().get("/no/such/page");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.header("content-type")->find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("Page not found"), std::string::npos);
  EXPECT_NE(page.body.find("govuk-template"), std::string::npos);  // inside the layout

  const auto api = client().get("/api/no/such/thing");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
  const auto body = api.json();
  EXPECT_EQ(body["status"], 404);
  EXPECT_EQ(body["title"], "Page not found");

  const auto by_accept = client().get("/no/such/page", {{"Accept", "application/json"}});
  EXPECT_EQ(by_accept.header("content-type"), "application/problem+json");
}

TEST_F(ServerTest, BadQueryEscapeIs400NamingTheParameter) {
  start(router_);
  const auto api = client().get("/api/search?q=%ZZ");
  EXPECT_EQ(api.status, 400);
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
  const auto body = api.json();
  EXPECT_EQ(body["field"], "q");
  EXPECT_EQ(body["file"], "query");
  EXPECT_EQ(body["column"], 3);

  const auto page = client().get("/echo?q=%4");
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("There is a problem"), std::string::npos);
  EXPECT_NE(page.body.find("query parameter &apos;q&apos;"), std::string::npos);
}

TEST_F(ServerTest, DomainErrorsUseTheTable) {
  start(router_);
  const auto reply = client().get("/api/fail");
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(reply.json()["detail"], "the petition is already closed");
}

TEST_F(ServerTest, MethodNotAllowedHasAllow) {
  start(router_);
  const auto reply = client().request("DELETE", "/hello");
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.header("allow"), "GET, HEAD");
}

TEST_F(ServerTest, HeadHasHeadersWithoutBody) {
  start(router_);
  const auto reply = client().head("/hello");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-length"), "5");
  EXPECT_TRUE(reply.body.empty());
  // The connection is still in step: the next response is read correctly.
  EXPECT_EQ(client().get("/hello").body, "hello");
  EXPECT_EQ(client().connections_opened(), 1);
}

TEST_F(ServerTest, BodyOverTheLimitIs413) {
  ServerConfig config;
  config.limits.body_bytes = 1024;
  start(router_, config);
  EXPECT_EQ(client().post("/size", std::string(1024, 'x'), "text/plain").body, "1024");
  const auto reply = client().post("/size", std::string(1025, 'x'), "text/plain");
  EXPECT_EQ(reply.status, 413);
}

TEST_F(ServerTest, ExpectContinueGetsTheGoAhead) {
  start(router_);
  const auto reply =
      client().post("/size", std::string(5000, 'x'), "text/plain", {{"Expect", "100-continue"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "5000");
}

TEST_F(ServerTest, ExpectContinueOverTheLimitIs413WithoutReadingTheBody) {
  ServerConfig config;
  config.limits.body_bytes = 100;
  start(router_, config);
  const auto reply =
      client().raw("POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(reply.status, 413);
}

TEST_F(ServerTest, HeadersOverTheLimitAre431) {
  ServerConfig config;
  config.limits.header_bytes = 2048;
  start(router_, config);
  const auto reply = client().get("/hello", {{"X-Padding", std::string(4096, 'a')}});
  EXPECT_EQ(reply.status, 431);
}

TEST_F(ServerTest, KeepsTheConnectionAlive) {
  start(router_);
  EXPECT_EQ(client().get("/hello").status, 200);
  EXPECT_TRUE(client().connected());
  EXPECT_EQ(client().get("/echo?q=2").body, "2");
  EXPECT_EQ(client().connections_opened(), 1);
}

TEST_F(ServerTest, AnswersPipelinedRequestsInOrder) {
  start(router_);
  const auto first =
      client().raw("GET /echo?q=one HTTP/1.1\r\nHost: x\r\n\r\nGET /echo?q=two HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(first.body, "one");
  const auto second = client().raw("");  // the second answer is already on its way
  EXPECT_EQ(second.body, "two");
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  start(router_);
  const auto reply = client().get("/hello", {{"Connection", "close"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_FALSE(client().connected());
}

TEST_F(ServerTest, Http10ClosesUnlessAskedToKeepAlive) {
  start(router_);
  const auto closing = client().raw("GET /hello HTTP/1.0\r\n\r\n");
  EXPECT_EQ(closing.status, 200);
  EXPECT_EQ(closing.body, "hello");
  EXPECT_FALSE(closing.header("connection").has_value());
  EXPECT_FALSE(client().connected());
  const auto kept = client().raw("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_EQ(kept.body, "hello");
  EXPECT_EQ(kept.header("connection"), "keep-alive");
  EXPECT_TRUE(client().connected());
}

TEST_F(ServerTest, AHeaderWithALineBreakIsNotSent) {
  // A line break in a value would start a header of the handler's choosing (here a cookie).
  start(router_);
  const auto reply = client().get("/split");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "split");
  EXPECT_FALSE(reply.header("x-note").has_value());
  EXPECT_FALSE(reply.header("set-cookie").has_value());
  EXPECT_EQ(reply.header("x-kept"), "kept");
}

TEST_F(ServerTest, NoContentHasNoBodyAndNoLength) {
  start(router_);
  const auto reply = client().get("/nothing");
  EXPECT_EQ(reply.status, 204);
  EXPECT_TRUE(reply.body.empty());
  EXPECT_FALSE(reply.header("content-length").has_value());
  EXPECT_EQ(client().get("/hello").body, "hello") << "the connection is still in step";
  EXPECT_EQ(client().connections_opened(), 1);
}

TEST_F(ServerTest, MalformedRequestIs400) {
  start(router_);
  const auto reply = client().raw("GET /hello HTTP/1.1\r\nBad Header Line\r\n\r\n");
  EXPECT_EQ(reply.status, 400);
}

TEST_F(ServerTest, SecurityHeadersOnEveryResponse) {
  start(router_);
  for (const auto& target : {"/hello", "/no/such", "/api/search?q=%ZZ"}) {
    const auto reply = client().get(target);
    const auto csp = reply.header("content-security-policy");
    ASSERT_TRUE(csp.has_value()) << target;
    EXPECT_NE(csp->find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(csp->find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(reply.header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(reply.header("x-frame-options"), "DENY") << target;
    EXPECT_TRUE(reply.header("referrer-policy").has_value()) << target;
  }
}

TEST_F(ServerTest, StopsGracefullyWithAnIdleConnectionOpen) {
  start(router_);
  EXPECT_EQ(client().get("/hello").status, 200);
  server().stop();
  server().wait();  // returns although the client still holds its keep-alive connection
  SUCCEED();
}

// A raw connection to the server, for watching it close a connection on its own.
class RawConnection {
 public:
  // `receive_buffer`: a small one keeps the server's writes from all fitting in the kernel's buffers.
  explicit RawConnection(unsigned short port, int receive_buffer = 0) : socket_(io_) {
    socket_.open(asio::ip::tcp::v4());
    if (receive_buffer > 0) socket_.set_option(asio::socket_base::receive_buffer_size(receive_buffer));
    socket_.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    // A guard against a hung test, not a timing assertion.
    timeval guard{20, 0};
    setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof guard);
  }
  void send(std::string_view bytes) { asio::write(socket_, asio::buffer(bytes)); }
  // Reads until the server closes the connection: what it sent, and how long that took.
  std::pair<std::string, std::chrono::steady_clock::duration> read_until_closed() {
    const auto started = std::chrono::steady_clock::now();
    std::string received;
    std::array<char, 4096> chunk{};
    boost::system::error_code ec;
    while (!ec) {
      const std::size_t n = socket_.read_some(asio::buffer(chunk), ec);
      received.append(chunk.data(), n);
    }
    EXPECT_EQ(ec, asio::error::eof) << "the server did not close the connection: " << ec.message();
    return {received, std::chrono::steady_clock::now() - started};
  }

 private:
  asio::io_context io_;
  asio::ip::tcp::socket socket_;
};

TEST_F(ServerTest, ARequestArrivingInPiecesIsAnswered) {
  start(router_);
  RawConnection connection(port());
  // The head split mid-name, then a body split across two sends, then a request that ends the
  // connection: each part is a read of its own for the server.
  connection.send("GET /echo?q=pieces HTTP/1.1\r\nHo");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  connection.send("st: x\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  connection.send("POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01234");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  connection.send("56789GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto [received, waited] = connection.read_until_closed();
  const std::size_t pieces = received.find("\r\n\r\npieces");
  const std::size_t size = received.find("\r\n\r\n10", pieces);
  const std::size_t hello = received.find("\r\n\r\nhello", size);
  EXPECT_NE(pieces, std::string::npos) << received;
  EXPECT_NE(size, std::string::npos) << received;
  EXPECT_NE(hello, std::string::npos) << received;
}

TEST_F(ServerTest, ALargeAnswerToASlowReaderArrivesWhole) {
  start(router_);
  RawConnection connection(port(), 4096);
  connection.send("GET /large HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  // The server fills the socket's buffer and must wait for the reader to make room.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto [received, waited] = connection.read_until_closed();
  const std::size_t head_end = received.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos) << received.substr(0, 200);
  EXPECT_TRUE(received.starts_with("HTTP/1.1 200 OK\r\n"));
  const std::string expected = large_body();
  EXPECT_EQ(received.size() - head_end - 4, expected.size());
  EXPECT_TRUE(received.compare(head_end + 4, std::string::npos, expected) == 0) << "the body differs";
}

TEST_F(ServerTest, AnIdleKeepAliveConnectionIsClosedAfterItsTimeout) {
  ServerConfig config;
  config.limits.keep_alive = std::chrono::seconds(1);
  start(router_, config);
  RawConnection connection(port());
  connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto [received, waited] = connection.read_until_closed();
  EXPECT_TRUE(received.starts_with("HTTP/1.1 200 OK\r\n")) << received;
  EXPECT_TRUE(received.ends_with("\r\n\r\nhello")) << received;
  EXPECT_GE(waited, std::chrono::seconds(1));  // not before the keep-alive time
}

TEST_F(ServerTest, ASlowRequestHeadIsCutOffAfterTheReadTimeout) {
  ServerConfig config;
  config.limits.read_timeout = std::chrono::seconds(1);
  start(router_, config);
  RawConnection connection(port());
  connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n");  // and never the blank line
  const auto [received, waited] = connection.read_until_closed();
  EXPECT_EQ(received, "");  // closed without an answer
  EXPECT_GE(waited, std::chrono::seconds(1));
}

TEST_F(ServerTest, ATimeoutDoesNotCountTheHandlersTime) {
  // Answered from another thread after longer than both timeouts, while the I/O thread is free to
  // notice a deadline.
  ServerConfig config;
  config.limits.read_timeout = std::chrono::seconds(1);
  config.limits.keep_alive = std::chrono::seconds(1);
  std::jthread worker;  // joined however the test ends
  router_.add_async("GET", "/slow", [&worker](const Request&, Responder respond) {
    worker = std::jthread([respond] {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      respond(text("slow"));
    });
  });
  start(router_, config);
  const auto reply = client().get("/slow");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "slow");
  EXPECT_EQ(client().connections_opened(), 1);
}

TEST_F(ServerTest, PortZeroPicksAFreePort) {
  start(router_);
  EXPECT_NE(port(), 0);
  Router other;
  other.get("/", [](const Request&) { return text("second"); });
  Server second(ServerConfig{}, other);
  second.start();
  EXPECT_NE(second.port(), port());
  testing::TestClient c(second.port());
  EXPECT_EQ(c.get("/").body, "second");
}

TEST(ServerStart, BadAddressIsAClearError) {
  Router router;
  ServerConfig config;
  config.address = "not-an-address";
  Server server(config, router);
  EXPECT_THROW(server.start(), Error);
}

}  // namespace
}  // namespace recall::http
