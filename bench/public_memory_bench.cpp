// Memory per signature of a public petition (issue 5: at most 100 bytes a signature at 10 million).
// What the intake keeps in memory for each signature is one 64-bit fingerprint in the FingerprintSet
// (the duplicate check); the CountAggregator holds counters per constituency and nation, a fixed size
// whatever the number of signatures. This fills both with N signatures across the constituencies of
// the reference data and reports, per signature:
//   - the structures' own accounting (FingerprintSet::bytes_used plus the aggregator's counters);
//   - the growth of the resident set (/proc/self/statm) from before the first signature to after the
//     last, which also catches allocator overhead the accounting would miss;
//   - the peak resident growth (VmHWM), which includes the old table held while the set doubles.
// Run twice, as the service can: growing from empty (a surge on a new petition) and with `reserve` first
// (the rebuild at start, which knows the count).
//
//   public_memory_bench [--signatures N] [--data DIR]    (defaults: 10000000, ./data)
//
// The last line is one JSON object with bytes_per_signature (the worse of accounted and RSS growth,
// growing from empty) and the other figures.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_loader.hpp"
#include "core/public_petition/count_aggregator.hpp"
#include "core/public_petition/fingerprint_set.hpp"

namespace {

using namespace recall;
using namespace recall::public_petition;

struct Options {
  std::uint64_t signatures = 10'000'000;
  std::filesystem::path data_dir = "data";
};

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) throw Error(ErrorKind::invalid_input, fmt::format("{} needs a value", arg));
    const std::string value = argv[++i];
    if (arg == "--signatures") {
      try {
        options.signatures = std::stoull(value);
      } catch (const std::exception&) {
        throw Error(ErrorKind::invalid_input, fmt::format("--signatures must be a whole number, not '{}'", value));
      }
      if (options.signatures == 0) throw Error(ErrorKind::invalid_input, "--signatures must be at least 1");
    } else if (arg == "--data") {
      options.data_dir = value;
    } else {
      throw Error(ErrorKind::invalid_input, fmt::format("unknown option {}", arg));
    }
  }
  return options;
}

// Resident set size in bytes, from the second field of /proc/self/statm (pages).
std::int64_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size_pages = 0;
  std::int64_t resident_pages = 0;
  statm >> size_pages >> resident_pages;
  return resident_pages * static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
}

// Peak resident set size in bytes (VmHWM in /proc/self/status, kB).
std::int64_t peak_resident_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      std::istringstream fields(line.substr(6));
      std::int64_t kilobytes = 0;
      fields >> kilobytes;
      return kilobytes * 1024;
    }
  }
  return 0;
}

// What the aggregator holds, counted from its shape: one counter per constituency, the per-nation
// counters, the sorted codes and their index. Fixed whatever the number of signatures.
std::size_t aggregator_bytes(const std::vector<std::string>& codes) {
  std::size_t bytes = sizeof(CountAggregator);
  for (const std::string& code : codes) {
    bytes += sizeof(std::int64_t) + sizeof(Nation);        // the counter and the nation of the code
    bytes += 2 * (sizeof(std::string) + code.capacity());  // the code, sorted and as the index's key
    bytes += sizeof(std::size_t) + 2 * sizeof(void*);      // the index's value and its node links
  }
  return bytes;
}

// Plain data, as the child process hands it to its parent through a pipe.
struct Fill {
  double accounted_per_signature = 0;
  double rss_per_signature = 0;
  double peak_rss_per_signature = 0;
  std::size_t slots = 0;
};

Fill fill(const Options& options, const Parliament& parliament, bool reserve_first) {
  std::vector<std::string> codes;
  codes.reserve(parliament.data().constituencies.size());
  for (const auto& constituency : parliament.data().constituencies) codes.push_back(constituency.ons_code);
  std::sort(codes.begin(), codes.end());

  const std::int64_t rss_before = resident_bytes();
  const std::int64_t peak_before = peak_resident_bytes();

  CountAggregator counts(parliament);
  FingerprintSet fingerprints;
  if (reserve_first) fingerprints.reserve(options.signatures);
  const SipKey key{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  constexpr std::int64_t petition_id = 1;
  constexpr std::size_t batch_size = 2000;  // as the sequencer applies a committed batch
  std::vector<CountChange> batch;
  batch.reserve(batch_size);
  std::string email;
  for (std::uint64_t i = 0; i < options.signatures; ++i) {
    email = fmt::format("signer{}@example.org", i);
    if (!fingerprints.insert(signature_fingerprint(key, petition_id, email))) {
      throw Error(ErrorKind::internal, fmt::format("fingerprint of {} collided: the set said it was there", email));
    }
    batch.push_back(CountChange{codes[i % codes.size()], 1});
    if (batch.size() == batch_size) {
      counts.apply(batch);
      batch.clear();
    }
  }
  counts.apply(batch);
  batch.clear();
  batch.shrink_to_fit();
  if (counts.total() != static_cast<std::int64_t>(options.signatures)) {
    throw Error(ErrorKind::internal, fmt::format("the aggregator counted {}, not {}", counts.total(), options.signatures));
  }

  const auto n = static_cast<double>(options.signatures);
  Fill result;
  result.accounted_per_signature = static_cast<double>(fingerprints.bytes_used() + aggregator_bytes(codes)) / n;
  result.rss_per_signature = static_cast<double>(resident_bytes() - rss_before) / n;
  result.peak_rss_per_signature = static_cast<double>(peak_resident_bytes() - peak_before) / n;
  result.slots = fingerprints.capacity();
  return result;
}

// One run in a child process, so the peak resident set (which never goes down) is that run's alone.
Fill fill_in_child(const Options& options, const Parliament& parliament, bool reserve_first) {
  int channel[2];
  if (::pipe(channel) != 0) throw Error(ErrorKind::internal, "pipe() failed");
  std::fflush(stdout);
  const pid_t child = ::fork();
  if (child < 0) throw Error(ErrorKind::internal, "fork() failed");
  if (child == 0) {
    ::close(channel[0]);
    int status = 0;
    try {
      const Fill result = fill(options, parliament, reserve_first);
      if (::write(channel[1], &result, sizeof result) != static_cast<ssize_t>(sizeof result)) status = 1;
    } catch (const std::exception& error) {
      std::fprintf(stderr, "public_memory_bench: %s\n", error.what());
      status = 1;
    }
    ::_exit(status);
  }
  ::close(channel[1]);
  Fill result;
  const ssize_t got = ::read(channel[0], &result, sizeof result);
  ::close(channel[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (got != static_cast<ssize_t>(sizeof result) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw Error(ErrorKind::internal, "the measuring child process failed");
  }
  return result;
}

void print(const char* label, const Fill& run) {
  std::printf("%-36s %12.1f %12.1f %12.1f %14zu\n", label, run.accounted_per_signature, run.rss_per_signature,
              run.peak_rss_per_signature, run.slots);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    const Parliament parliament(load_reference_data(options.data_dir));
    if (parliament.data().constituencies.empty()) {
      throw Error(ErrorKind::invalid_input, fmt::format("no constituencies in {}", options.data_dir.string()));
    }
    std::printf("%llu signatures across %zu constituencies\n", static_cast<unsigned long long>(options.signatures),
                parliament.data().constituencies.size());
    std::printf("%-36s %12s %12s %12s %14s\n", "bytes per signature", "accounted", "RSS growth", "peak RSS", "table slots");
    const Fill growing = fill_in_child(options, parliament, false);
    print("growing from empty (a surge)", growing);
    const Fill reserved = fill_in_child(options, parliament, true);
    print("reserved first (rebuild at start)", reserved);
    const double worst = std::max(growing.accounted_per_signature, growing.rss_per_signature);
    std::printf(
        "{\"signatures\": %llu, \"bytes_per_signature\": %.1f, \"accounted_bytes_per_signature\": %.1f, "
        "\"rss_bytes_per_signature\": %.1f, \"peak_rss_bytes_per_signature\": %.1f, "
        "\"reserved_bytes_per_signature\": %.1f, \"reserved_rss_bytes_per_signature\": %.1f}\n",
        static_cast<unsigned long long>(options.signatures), worst, growing.accounted_per_signature,
        growing.rss_per_signature, growing.peak_rss_per_signature, reserved.accounted_per_signature,
        reserved.rss_per_signature);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "public_memory_bench: %s\n", error.what());
    return 1;
  }
}
