#pragma once
// The real `recall serve` as a child process: started on a free loopback port against a given
// database, and ended either politely (SIGTERM) or as a crash would end it (SIGKILL).
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace recall::durability {

class ServerProcess {
 public:
  // Starts `binary --db db serve --address 127.0.0.1 --port 0 [extra…]`, its output in `log`, and
  // returns once it listens (throws with the log's tail if it exits or takes over 120 s).
  ServerProcess(const std::string& binary, const std::string& db, const std::filesystem::path& log,
                const std::vector<std::string>& extra = {});
  ~ServerProcess();  // SIGKILL if still running: a failed test must not leave a server behind
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  [[nodiscard]] unsigned short port() const { return port_; }
  [[nodiscard]] pid_t pid() const { return pid_; }

  void kill_hard();  // SIGKILL, then reaps the child
  // SIGTERM, then reaps; returns the exit status as waitpid gives it.
  int stop();

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::filesystem::path log_;
};

// The last `bytes` of a file, for failure messages.
std::string tail_of(const std::filesystem::path& file, std::size_t bytes = 3000);

}  // namespace recall::durability
