#include <utility>  // before Asio: GCC 12 in C++20 mode needs it first

#include "http/server_fixture.hpp"

#include <cctype>

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace recall::http::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

std::optional<std::string> ClientResponse::header(const std::string& lower_name) const {
  const auto it = headers.find(lower_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

nlohmann::json ClientResponse::json() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << "response body is not JSON: " << body.substr(0, 500);
  return parsed;
}

struct TestClient::Impl {
  unsigned short port;
  asio::io_context io;
  tcp::socket socket{io};
  beast::flat_buffer buffer;
  bool open = false;
  int opened = 0;

  void connect() {
    socket = tcp::socket(io);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    // A guard against a hung test, not a timing assertion: a stuck read fails after 20 s.
    timeval timeout{20, 0};
    setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    buffer.clear();
    open = true;
    ++opened;
  }

  void close() {
    beast::error_code ec;
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
    open = false;
  }

  ClientResponse read(bool head) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(head);
    bhttp::read(socket, buffer, parser);
    // An interim "100 Continue" comes before the real response.
    if (parser.get().result_int() / 100 == 1) return read(head);
    const auto& message = parser.get();
    ClientResponse out;
    out.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers[name] = std::string(field.value());
    }
    out.body = message.body();
    if (!message.keep_alive()) close();
    return out;
  }
};

TestClient::TestClient(unsigned short port) : impl_(std::make_unique<Impl>()) { impl_->port = port; }
TestClient::~TestClient() {
  if (impl_ && impl_->open) impl_->close();
}
TestClient::TestClient(TestClient&&) noexcept = default;
TestClient& TestClient::operator=(TestClient&&) noexcept = default;

ClientResponse TestClient::request(const std::string& method, const std::string& target,
                                   const HeaderList& headers, const std::string& body) {
  bhttp::request<bhttp::string_body> message{bhttp::string_to_verb(method), target, 11};
  if (message.method() == bhttp::verb::unknown) message.method_string(method);
  message.set(bhttp::field::host, "127.0.0.1:" + std::to_string(impl_->port));
  message.set(bhttp::field::user_agent, "recall-test");
  for (const auto& [name, value] : headers) message.set(name, value);
  message.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT") message.prepare_payload();
  // A reused connection may have been closed by the server since the last request: retry once on
  // a fresh one.
  for (int attempt = 0;; ++attempt) {
    const bool reused = impl_->open;
    if (!impl_->open) impl_->connect();
    try {
      bhttp::write(impl_->socket, message);
      return impl_->read(method == "HEAD");
    } catch (const boost::system::system_error&) {
      impl_->close();
      if (!reused || attempt > 0) throw;
    }
  }
}

ClientResponse TestClient::post(const std::string& target, const std::string& body,
                                const std::string& content_type, const HeaderList& headers) {
  HeaderList all = headers;
  all.emplace_back("Content-Type", content_type);
  return request("POST", target, all, body);
}

ClientResponse TestClient::raw(const std::string& bytes) {
  if (!impl_->open) impl_->connect();
  asio::write(impl_->socket, asio::buffer(bytes));
  return impl_->read(false);
}

int TestClient::connections_opened() const { return impl_->opened; }

bool TestClient::connected() const { return impl_->open; }

void ServerFixture::start(const Router& router, ServerConfig config) {
  config.address = "127.0.0.1";
  config.port = 0;
  server_ = std::make_unique<Server>(std::move(config), router);
  server_->start();
}

void ServerFixture::TearDown() {
  client_.reset();
  if (server_) {
    server_->stop();
    server_->wait();
    server_.reset();
  }
}

unsigned short ServerFixture::port() const { return server_->port(); }

Server& ServerFixture::server() { return *server_; }

TestClient& ServerFixture::client() {
  if (!client_) client_ = std::make_unique<TestClient>(port());
  return *client_;
}

const Templates& test_templates() {
  static const Templates loaded(std::filesystem::path(RECALL_SOURCE_DIR) / "web" / "templates");
  return loaded;
}

const Templates& ServerFixture::templates() { return test_templates(); }

}  // namespace recall::http::testing
