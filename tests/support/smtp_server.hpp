#pragma once
// A real SMTP server for tests: aiosmtpd (Debian's python3-aiosmtpd) on 127.0.0.1, delivering into a
// Maildir that the test reads back. Header-only because tests/support is shared by suites that are
// built separately.
//
//   recall::testing::SmtpServer smtp;            // picks a free port and starts
//   ... send to smtp.url() ...
//   auto mail = smtp.wait_for_messages(1);       // parsed messages, oldest first
//   smtp.stop(); smtp.start();                   // same port and mailbox: a server that goes away and returns
//
// The interpreter is /usr/bin/python3 on purpose: `python3` on PATH may be a shim without aiosmtpd.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace recall::testing {

struct ReceivedEmail {
  std::map<std::string, std::string> headers;  // lower-cased names, unfolded values
  std::string body;                            // "\n" line ends, as the Maildir keeps it
  [[nodiscard]] std::string header(const std::string& lower_name) const {
    auto found = headers.find(lower_name);
    return found == headers.end() ? std::string() : found->second;
  }
};

inline ReceivedEmail parse_received_email(const std::string& text) {
  ReceivedEmail email;
  std::istringstream in(text);
  std::string line;
  std::string last_name;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !last_name.empty()) {
      email.headers[last_name] += line;  // a folded continuation
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    email.headers[name] = value;
    last_name = name;
  }
  std::ostringstream rest;
  rest << in.rdbuf();
  email.body = rest.str();
  email.body.erase(std::remove(email.body.begin(), email.body.end(), '\r'), email.body.end());
  return email;
}

class SmtpServer {
 public:
  SmtpServer() : port_(free_port()) {
    root_ = std::filesystem::temp_directory_path() /
            ("recall-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(port_));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
    start();
  }
  ~SmtpServer() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  [[nodiscard]] unsigned short port() const { return port_; }
  [[nodiscard]] std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] std::filesystem::path maildir() const { return root_ / "mail"; }
  [[nodiscard]] bool running() const { return pid_ > 0; }

  // Starts aiosmtpd and returns once it accepts connections (throws after 15 s).
  void start() {
    if (pid_ > 0) return;
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    const std::string mail = maildir().string();
    const std::string log = (root_ / "aiosmtpd.log").string();
    std::vector<std::string> args{"/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", listen,
                                  "-c", "aiosmtpd.handlers.Mailbox", mail};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = 0;
    const int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) throw std::runtime_error("cannot start /usr/bin/python3 -m aiosmtpd");
    pid_ = pid;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (!accepts()) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("aiosmtpd exited at start; see " + log);
      }
      if (std::chrono::steady_clock::now() > deadline) {
        stop();
        throw std::runtime_error("aiosmtpd did not accept connections within 15 s");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  // Stops the server (SIGTERM, then waits); the mailbox and the port number stay for a restart.
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  // Every message delivered so far, oldest first.
  [[nodiscard]] std::vector<ReceivedEmail> messages() const {
    std::vector<std::filesystem::path> files;
    for (const char* sub : {"new", "cur"}) {
      const auto dir = maildir() / sub;
      if (!std::filesystem::exists(dir)) continue;
      for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
    }
    // Maildir names start with the delivery time in seconds; within a second, the file's mtime decides.
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
      const auto ta = std::filesystem::last_write_time(a);
      const auto tb = std::filesystem::last_write_time(b);
      return ta != tb ? ta < tb : a.filename() < b.filename();
    });
    std::vector<ReceivedEmail> out;
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      out.push_back(parse_received_email(text.str()));
    }
    return out;
  }

  // Polls until at least `count` messages have arrived or `timeout` passes; returns what is there.
  [[nodiscard]] std::vector<ReceivedEmail> wait_for_messages(std::size_t count,
                                                             std::chrono::milliseconds timeout = std::chrono::seconds(10)) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      auto found = messages();
      if (found.size() >= count || std::chrono::steady_clock::now() > deadline) return found;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  }

 private:
  static unsigned short free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      ::close(fd);
      throw std::runtime_error("cannot find a free port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
  }

  [[nodiscard]] bool accepts() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port_);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    ::close(fd);
    return ok;
  }

  unsigned short port_;
  std::filesystem::path root_;
  pid_t pid_ = -1;
};

}  // namespace recall::testing
