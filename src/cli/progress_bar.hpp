#pragma once
// A progress bar on stderr for long imports. On a terminal it redraws one line; otherwise (CI logs,
// pipes) it prints a line at every 10% so logs stay short.
#include <chrono>
#include <cstdint>
#include <string>

namespace recall::cli {

class ProgressBar {
 public:
  ProgressBar(std::string label, std::uint64_t total, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::uint64_t done);
  void finish();

 private:
  void draw(std::uint64_t done);

  std::string label_;
  std::uint64_t total_;
  bool enabled_;
  bool terminal_;
  bool finished_ = false;
  int last_tenth_ = -1;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace recall::cli
