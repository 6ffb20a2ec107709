#pragma once
// Waiting for something another thread or process does on its own time (a server following a change
// made elsewhere): polls `done` until it holds, and gives up after 20 s, a guard against a hung test
// rather than a timing assertion.
#include <chrono>
#include <functional>
#include <thread>

namespace recall::testing {

inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds every = std::chrono::milliseconds(20)) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(every);
  }
  return true;
}

}  // namespace recall::testing
