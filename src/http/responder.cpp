#include "http/responder.hpp"

#include <atomic>

#include <spdlog/spdlog.h>

#include "http/problem.hpp"

namespace recall::http {

struct Responder::State {
  State(Deliver d, Request r, const Templates* t) : deliver(std::move(d)), request(std::move(r)), templates(t) {}
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  ~State() {
    if (answered.exchange(true)) return;
    // Every copy went away unanswered: a bug in the async work, but the client still gets a reply.
    spdlog::error("{} {}: the asynchronous handler dropped its responder without answering", request.method,
                  request.path);
    try {
      deliver(problem_response(request, 500, "Sorry, there is a problem with the service",
                               "Try again later.", templates));
    } catch (const std::exception& e) {
      spdlog::error("delivering the fallback answer failed: {}", e.what());
    }
  }

  Deliver deliver;
  Request request;  // request_head: method, path and headers only
  const Templates* templates;
  std::atomic<bool> answered{false};
};

Responder::Responder(Deliver deliver, const Request& request, const Templates* templates)
    : state_(std::make_shared<State>(std::move(deliver), request_head(request), templates)) {}

void Responder::operator()(Response response) const {
  if (state_->answered.exchange(true)) return;
  state_->deliver(std::move(response));
}

bool Responder::answered() const { return state_->answered.load(); }

const Request& Responder::request() const { return state_->request; }

}  // namespace recall::http
