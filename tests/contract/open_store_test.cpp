// Opening stores with bad URLs: each error says what was wrong and where, and never leaks a password.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

#include <filesystem>
#include <fstream>

#include "core/base/error.hpp"
#include "store/store.hpp"

namespace recall::contract {

namespace {

Error open_error(const std::string& url) {
  try {
    open_store(url);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "opening '" << url << "' should have failed";
  return Error(ErrorKind::internal, "no error");
}

// A loopback port nothing listens on: let the kernel pick a free one, then close it again.
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("bind() on loopback failed");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

TEST(OpenStore, EmptyUrlIsInvalid) {
  const Error error = open_error("");
  EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
  ASSERT_TRUE(error.where().has_value());
  EXPECT_EQ(error.where()->field, "url");
}

TEST(OpenStore, UnknownSchemeIsInvalid) {
  const Error error = open_error("mysql://user:secret@localhost/recall");
  EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
  EXPECT_NE(error.message().find("mysql://"), std::string::npos) << error.message();
  EXPECT_EQ(std::string(error.what()).find("secret"), std::string::npos) << error.what();
}

TEST(OpenStore, MalformedPostgresUrlIsInvalidAndRedacted) {
  const Error error = open_error("postgresql://recall:hunter2@127.0.0.1:notaport/recall?bogus_option=1");
  EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
  EXPECT_EQ(std::string(error.what()).find("hunter2"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("bogus_option"), std::string::npos) << error.what();
}

TEST(OpenStore, UnreachablePostgresIsUnavailableAndNamesHostAndPort) {
  const std::string port = std::to_string(closed_port());
  const Error error = open_error("postgres://recall:s3cr3t-pw@127.0.0.1:" + port + "/recall?connect_timeout=5");
  EXPECT_EQ(error.kind(), ErrorKind::unavailable);
  const std::string text = error.what();
  EXPECT_NE(text.find("127.0.0.1:" + port), std::string::npos) << text;
  EXPECT_NE(text.find("recall"), std::string::npos) << text;
  EXPECT_EQ(text.find("s3cr3t-pw"), std::string::npos) << text;
}

TEST(OpenStore, WrongPasswordIsUnavailableAndNotEchoed) {
  const char* url = std::getenv("RECALL_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') GTEST_SKIP() << "RECALL_TEST_POSTGRES_URL is not set";
  // Swap the password (or add one) in the test server's URL.
  std::string bad = url;
  const std::size_t scheme_end = bad.find("://") + 3;
  const std::size_t at = bad.find('@', scheme_end);
  ASSERT_NE(at, std::string::npos) << "the test URL names no user";
  const std::size_t colon = bad.find(':', scheme_end);
  const std::size_t user_end = colon != std::string::npos && colon < at ? colon : at;
  bad = bad.substr(0, user_end) + ":Wr0ngPassw0rd" + bad.substr(at);
  const Error error = open_error(bad);
  EXPECT_EQ(error.kind(), ErrorKind::unavailable);
  EXPECT_EQ(std::string(error.what()).find("Wr0ngPassw0rd"), std::string::npos) << error.what();
}

TEST(OpenStore, SqliteInAMissingDirectoryIsUnavailableAndNamesThePath) {
  const std::string path = "/nonexistent-recall-dir/sub/store.db";
  const Error error = open_error(path);
  EXPECT_EQ(error.kind(), ErrorKind::unavailable);
  EXPECT_NE(error.message().find(path), std::string::npos) << error.message();
}

TEST(OpenStore, SqliteFileThatIsNotADatabaseIsRefused) {
  const auto path = std::filesystem::temp_directory_path() / "recall_contract_not_a_database.db";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "this is a text file, not a SQLite database, and is long enough to have a header page......";
  }
  const Error error = open_error(path.string());
  std::filesystem::remove(path);
  EXPECT_EQ(error.kind(), ErrorKind::unavailable);
  EXPECT_NE(error.message().find(path.string()), std::string::npos) << error.message();
}

}  // namespace recall::contract
