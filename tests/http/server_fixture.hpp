#pragma once
// A real Server on 127.0.0.1 (port 0) in-process, and a small blocking HTTP/1.1 client that keeps
// its connection open between requests. Usage:
//
//   class MyPages : public recall::http::testing::ServerFixture {};
//   TEST_F(MyPages, Home) {
//     recall::http::Router router(&templates());
//     router.add_page("/", handler);
//     start(router);
//     auto reply = client().get("/");
//     EXPECT_EQ(reply.status, 200);
//   }
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/router.hpp"
#include "http/server.hpp"
#include "http/templates.hpp"

namespace recall::http::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;

  [[nodiscard]] std::optional<std::string> header(const std::string& lower_name) const;
  [[nodiscard]] nlohmann::json json() const;  // parses body; fails the test on bad JSON
};

// One keep-alive connection; reconnects transparently if the server closed it.
class TestClient {
 public:
  explicit TestClient(unsigned short port);
  ~TestClient();
  TestClient(TestClient&&) noexcept;
  TestClient& operator=(TestClient&&) noexcept;

  ClientResponse request(const std::string& method, const std::string& target, const HeaderList& headers = {},
                         const std::string& body = {});
  ClientResponse get(const std::string& target, const HeaderList& headers = {}) {
    return request("GET", target, headers);
  }
  ClientResponse head(const std::string& target, const HeaderList& headers = {}) {
    return request("HEAD", target, headers);
  }
  ClientResponse post(const std::string& target, const std::string& body,
                      const std::string& content_type = "application/x-www-form-urlencoded",
                      const HeaderList& headers = {});
  // Writes raw bytes and reads one response (for malformed requests the client would not send).
  ClientResponse raw(const std::string& bytes);

  // How many TCP connections this client has opened (keep-alive tests expect 1).
  [[nodiscard]] int connections_opened() const;
  // True when the server has not closed the current connection.
  [[nodiscard]] bool connected() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// <repo>/web/templates, loaded once per test binary; for worlds that start a server outside a fixture.
const Templates& test_templates();

class ServerFixture : public ::testing::Test {
 protected:
  // Starts the server with this router (which must outlive the test). `config` address and port
  // are forced to 127.0.0.1:0.
  void start(const Router& router, ServerConfig config = {});
  void TearDown() override;

  [[nodiscard]] unsigned short port() const;
  [[nodiscard]] Server& server();
  // A client on the running server, created on first use and kept for the test.
  TestClient& client();

  // <repo>/web/templates, loaded once per test binary (test_templates()).
  static const Templates& templates();
  static std::filesystem::path source_dir() { return RECALL_SOURCE_DIR; }

 private:
  std::unique_ptr<Server> server_;
  std::unique_ptr<TestClient> client_;
};

}  // namespace recall::http::testing
