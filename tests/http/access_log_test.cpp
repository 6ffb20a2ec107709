// The access log leaves out successful requests that look up or record signatures (a line per
// signature would be a running total for anyone who reads the log), and still records failures.
#include <chrono>
#include <mutex>
#include <sstream>
#include <thread>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "petition_world.hpp"

namespace recall::http::testing {
namespace {

class AccessLog : public ::testing::Test {
 protected:
  void SetUp() override {
    previous_ = spdlog::default_logger();
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines_);
    sink->set_pattern("%v");
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("access-log-test", sink));
  }
  void TearDown() override { spdlog::set_default_logger(previous_); }

  // The log so far, once the line for `marker` has been written (the server logs after replying).
  std::string log_through(const std::string& marker) {
    for (int i = 0; i < 200; ++i) {
      spdlog::default_logger()->flush();
      std::string text = snapshot();
      if (text.find(marker) != std::string::npos) return text;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "no log line for " << marker;
    return snapshot();
  }

 private:
  std::string snapshot() {
    const std::lock_guard lock(mutex_);
    return lines_.str();
  }
  std::mutex mutex_;
  std::ostringstream lines_;
  std::shared_ptr<spdlog::logger> previous_;
};

TEST_F(AccessLog, SigningLeavesNoLineButFailuresDo) {
  PetitionWorld world(utc("2019-03-06T10:00"));
  const std::int64_t id = world.open_peterborough(world.sign_in("officer"));
  const auto notices = world.service().elector_notices(world.actor("officer"), id);
  world.set_time(utc("2019-03-19T10:00"));
  const Browser clerk = world.sign_in("clerk");
  const Browser postal = world.sign_in("postal");
  const std::string clerk_page =
      "/petitions/" + std::to_string(id) + "/places/" + std::to_string(notices[0].place.id) + "/clerk";
  EXPECT_EQ(world.get(clerk, clerk_page + "?q=" + notices[0].elector.entry.elector_number).status, 200);
  const ClientResponse signed_up =
      world.post(clerk, clerk_page, "elector_number=" + notices[0].elector.entry.elector_number + "&identity_evidence=passport");
  EXPECT_EQ(signed_up.status, 200);
  EXPECT_EQ(world.get(postal, "/api/petitions/" + std::to_string(id) + "/postal", true).status, 200);
  EXPECT_EQ(world.get(clerk, "/petitions/" + std::to_string(id) + "/places/999/clerk").status, 404);
  EXPECT_EQ(world.get(Browser{}, "/petitions").status, 200);

  const std::string log = log_through("GET /petitions 200");
  EXPECT_EQ(log.find(clerk_page), std::string::npos) << log;
  EXPECT_EQ(log.find("/postal"), std::string::npos) << log;
  EXPECT_NE(log.find("/places/999/clerk 404"), std::string::npos) << log;
  EXPECT_EQ(log.find(notices[0].elector.entry.elector_number), std::string::npos) << log;
}

}  // namespace
}  // namespace recall::http::testing
