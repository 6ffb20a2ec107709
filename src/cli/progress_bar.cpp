#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

namespace recall::cli {

namespace {
constexpr int bar_width = 30;
constexpr auto redraw_interval = std::chrono::milliseconds(100);
}  // namespace

ProgressBar::ProgressBar(std::string label, std::uint64_t total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled),
      terminal_(isatty(STDERR_FILENO) == 1),
      started_(std::chrono::steady_clock::now()),
      last_draw_(started_ - redraw_interval) {}

ProgressBar::~ProgressBar() {
  if (!finished_ && terminal_ && enabled_) std::fputs("\n", stderr);
}

void ProgressBar::update(std::uint64_t done) {
  if (!enabled_ || finished_) return;
  const auto now = std::chrono::steady_clock::now();
  if (terminal_) {
    if (now - last_draw_ < redraw_interval) return;
    last_draw_ = now;
    draw(done);
    return;
  }
  const int tenth = total_ == 0 ? 10 : static_cast<int>(std::min<std::uint64_t>(done * 10 / total_, 10));
  if (tenth != last_tenth_) {
    last_tenth_ = tenth;
    draw(done);
  }
}

void ProgressBar::finish() {
  if (!enabled_ || finished_) return;
  draw(total_);
  finished_ = true;
  if (terminal_) std::fputs("\n", stderr);
}

void ProgressBar::draw(std::uint64_t done) {
  const double fraction = total_ == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
  const auto filled = static_cast<int>(fraction * bar_width);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const std::string bar = std::string(static_cast<std::size_t>(filled), '#') +
                          std::string(static_cast<std::size_t>(bar_width - filled), '.');
  const std::string line = fmt::format("{} [{}] {:3.0f}% {:.1f}s", label_, bar, fraction * 100.0, seconds);
  if (terminal_) {
    std::fprintf(stderr, "\r%s", line.c_str());
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

}  // namespace recall::cli
