// Async routes on a real server: the answer comes later from another thread while the I/O threads
// serve other connections; keep-alive, ordering, the access log and a vanished client still work.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "core/base/error.hpp"
#include "http/server_fixture.hpp"

namespace recall::http {
namespace {

using testing::ServerFixture;
using testing::TestClient;

Response text(std::string body) {
  Response out;
  out.content_type = "text/plain; charset=utf-8";
  out.body = std::move(body);
  return out;
}

// Holds the responders of requests in flight until the test answers them.
class HeldAnswers {
 public:
  void hold(Responder responder, std::string name) {
    const std::lock_guard lock(mutex_);
    held_.emplace_back(std::move(responder), std::move(name));
    changed_.notify_all();
  }
  // Waits until `count` requests are held at once; false on a 20 s timeout.
  bool wait_for(std::size_t count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(20), [&] { return held_.size() >= count; });
  }
  // Answers every held request from this (non-I/O) thread.
  void answer_all() {
    std::vector<std::pair<Responder, std::string>> now;
    {
      const std::lock_guard lock(mutex_);
      now.swap(held_);
    }
    for (auto& [respond, name] : now) respond(text("answered " + name));
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::pair<Responder, std::string>> held_;
};

class ServerAsync : public ServerFixture {
 protected:
  void SetUp() override {
    router_.get("/hello", [](const Request&) { return text("hello"); });
    router_.add_async("GET", "/held/{name}", [this](const Request& r, Responder respond) {
      held_.hold(std::move(respond), r.path_params.at("name"));
    });
    router_.add_async("GET", "/thread/{name}", [this](const Request& r, Responder respond) {
      const std::lock_guard lock(workers_mutex_);
      workers_.emplace_back([respond, name = r.path_params.at("name")] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        respond(text("from a worker " + name));
      });
    });
    router_.add_async("GET", "/api/throws", [](const Request&, Responder) -> void {
      throw Error(ErrorKind::conflict, "the petition is closed");
    });
  }
  void TearDown() override {
    held_.answer_all();
    ServerFixture::TearDown();
    const std::lock_guard lock(workers_mutex_);
    for (auto& t : workers_) t.join();
  }

  Router router_{&templates()};
  HeldAnswers held_;
  std::mutex workers_mutex_;
  std::vector<std::thread> workers_;
};

TEST_F(ServerAsync, AnsweredLaterFromAnotherThreadOnAKeptAliveConnection) {
  start(router_);
  const auto first = client().get("/thread/a");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "from a worker a");
  EXPECT_EQ(first.header("content-length"), "15");
  // The connection stays in step: sync and async answers alternate on it in order.
  EXPECT_EQ(client().get("/hello").body, "hello");
  EXPECT_EQ(client().get("/thread/b").body, "from a worker b");
  EXPECT_EQ(client().connections_opened(), 1);
}

TEST_F(ServerAsync, SynchronousThrowIsTheUsualProblem) {
  start(router_);
  const auto reply = client().get("/api/throws");
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(reply.json()["detail"], "the petition is closed");
}

TEST_F(ServerAsync, ManyConnectionsWaitAtOnceWithoutHoldingTheIoThreads) {
  ServerConfig config;
  config.threads = 2;
  start(router_, config);
  constexpr int waiting = 24;  // far more than the 2 I/O threads
  std::vector<std::string> bodies(waiting);
  std::vector<std::thread> clients;
  for (int i = 0; i < waiting; ++i) {
    clients.emplace_back([this, i, &bodies] {
      TestClient c(port());
      bodies[static_cast<std::size_t>(i)] = c.get("/held/" + std::to_string(i)).body;
    });
  }
  // Every request is in flight at once: none of them holds an I/O thread.
  ASSERT_TRUE(held_.wait_for(waiting));
  // And the I/O threads still answer others meanwhile.
  TestClient other(port());
  EXPECT_EQ(other.get("/hello").body, "hello");
  held_.answer_all();
  for (auto& t : clients) t.join();
  for (int i = 0; i < waiting; ++i) EXPECT_EQ(bodies[static_cast<std::size_t>(i)], "answered " + std::to_string(i));
}

TEST_F(ServerAsync, AClientThatLeftIsDroppedSafely) {
  start(router_);
  // A bare socket: send a request, then close before the answer exists.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port());
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  const std::string request = "GET /held/gone HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(::send(fd, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  ASSERT_TRUE(held_.wait_for(1));
  ::close(fd);
  // The answer goes to a closed connection: written into live memory, then dropped.
  held_.answer_all();
  EXPECT_EQ(client().get("/hello").body, "hello");
  EXPECT_EQ(client().get("/thread/after").body, "from a worker after");
}

TEST_F(ServerAsync, TheAccessLogRecordsAsyncAnswers) {
  auto previous = spdlog::default_logger();
  std::ostringstream lines;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines);
  sink->set_pattern("%v");
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("async-log-test", sink));
  start(router_);
  EXPECT_EQ(client().get("/thread/logged").status, 200);
  // The line is written after the reply; give it a moment.
  std::string text;
  for (int i = 0; i < 200 && text.find("/thread/logged") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    spdlog::default_logger()->flush();
    text = lines.str();
  }
  spdlog::set_default_logger(previous);
  EXPECT_NE(text.find("GET /thread/logged 200"), std::string::npos) << text;
}

}  // namespace
}  // namespace recall::http
