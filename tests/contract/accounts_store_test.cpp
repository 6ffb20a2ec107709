// Users, sessions and the audit log on every backend.
#include <fmt/format.h>

#include "contract/store_contract.hpp"
#include "core/base/error.hpp"

namespace recall::contract {

namespace {

UserRecord officer(const std::string& email = "Officer@Example.org") {
  return {0,    email, "petition-officer", "", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", 1'700'000'000,
          false};
}

std::string hash_of(char fill) { return std::string(64, fill); }

SessionRecord session_for(std::int64_t user_id, char fill, std::int64_t now = 1'700'000'000) {
  return {hash_of(fill), user_id, now, now, now + 3600, fmt::format("csrf-{}", fill)};
}

AuditEntry entry(const std::string& action, const std::string& target) {
  AuditEntry e;
  e.at = "2026-11-26T15:00:00Z";
  e.actor_email = "officer@example.org";
  e.role = "petition-officer";
  e.action = action;
  e.target = target;
  e.detail = R"({"role":"staff","duty":"postal-team"})";
  e.remote_address = "192.0.2.7";
  return e;
}

ErrorKind kind_of(const std::function<void()>& work, std::string* field = nullptr) {
  try {
    work();
  } catch (const Error& error) {
    if (field != nullptr && error.where()) *field = error.where()->field;
    return error.kind();
  }
  ADD_FAILURE() << "no error";
  return ErrorKind::internal;
}

}  // namespace

TEST_P(StoreContract, UserAddFindList) {
  auto store = open();
  auto& users = store->users();
  EXPECT_TRUE(users.list_users().empty());
  const std::int64_t id = users.add_user(officer());
  UserRecord staff{0,    "clerk@example.org", "staff", "signing-place-clerk", "$argon2id$x", 1'700'000'100,
                   false};
  const std::int64_t staff_id = users.add_user(staff);
  EXPECT_GT(staff_id, id);

  auto found = users.find_user_by_email("officer@EXAMPLE.org");
  ASSERT_TRUE(found.has_value());
  UserRecord expected = officer();
  expected.id = id;
  EXPECT_EQ(*found, expected) << "the email is kept as typed";
  EXPECT_EQ(users.find_user(id), expected);
  EXPECT_EQ(users.find_user(staff_id + 100), std::nullopt);
  EXPECT_EQ(users.find_user_by_email("nobody@example.org"), std::nullopt);

  staff.id = staff_id;
  EXPECT_EQ(users.list_users(), (std::vector<UserRecord>{expected, staff}));
}

TEST_P(StoreContract, DuplicateEmailIsRefusedIgnoringCaseByTheDatabase) {
  auto store = open();
  store->users().add_user(officer("officer@example.org"));
  std::string field;
  EXPECT_EQ(kind_of([&] { store->users().add_user(officer("OFFICER@example.ORG")); }, &field),
            ErrorKind::conflict);
  EXPECT_EQ(field, "email");
  EXPECT_EQ(store->users().list_users().size(), 1U);
  RECALL_REQUIRE_SHARED_DATABASE();
  // Past the store's own code, straight at the table: the unique index still refuses it.
  EXPECT_THROW(database().execute_raw("INSERT INTO users (email, role, duty, password_hash, created_at) "
                                      "VALUES ('Officer@Example.Org', 'observer', '', 'h', 1)"),
               std::exception);
}

TEST_P(StoreContract, BadUsersNameTheField) {
  auto store = open();
  std::string field;
  UserRecord bad = officer("not-an-email");
  EXPECT_EQ(kind_of([&] { store->users().add_user(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "email");
  bad = officer();
  bad.role = "public";
  EXPECT_EQ(kind_of([&] { store->users().add_user(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "role");
  bad = officer();
  bad.role = "staff";
  EXPECT_EQ(kind_of([&] { store->users().add_user(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "duty");
}

TEST_P(StoreContract, UserPasswordAndDisable) {
  auto store = open();
  const std::int64_t id = store->users().add_user(officer());
  store->users().set_password_hash(id, "$argon2id$new");
  store->users().set_disabled(id, true);
  const auto user = store->users().find_user(id);
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->password_hash, "$argon2id$new");
  EXPECT_TRUE(user->disabled);
  EXPECT_EQ(kind_of([&] { store->users().set_disabled(id + 1, true); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { store->users().set_password_hash(id + 1, "h"); }), ErrorKind::not_found);
}

TEST_P(StoreContract, SessionCreateFindTouchRevoke) {
  auto store = open();
  const std::int64_t id = store->users().add_user(officer());
  auto& sessions = store->sessions();
  const SessionRecord first = session_for(id, 'a');
  sessions.create_session(first);
  sessions.create_session(session_for(id, 'b'));
  EXPECT_EQ(sessions.find_session(hash_of('a')), first);
  EXPECT_EQ(sessions.find_session(hash_of('c')), std::nullopt);
  EXPECT_EQ(kind_of([&] { sessions.create_session(first); }), ErrorKind::conflict);

  sessions.touch_session(hash_of('a'), first.last_seen_at + 60);
  sessions.touch_session(hash_of('a'), first.last_seen_at + 30);  // late and older: ignored
  EXPECT_EQ(sessions.find_session(hash_of('a'))->last_seen_at, first.last_seen_at + 60);

  EXPECT_TRUE(sessions.revoke_session(hash_of('a')));
  EXPECT_FALSE(sessions.revoke_session(hash_of('a')));
  EXPECT_EQ(sessions.find_session(hash_of('a')), std::nullopt);
  EXPECT_EQ(sessions.revoke_user_sessions(id), 1);
  EXPECT_EQ(sessions.find_session(hash_of('b')), std::nullopt);
}

TEST_P(StoreContract, SessionsNeedAUserAndAHash) {
  auto store = open();
  std::string field;
  SessionRecord bad = session_for(1, 'a');
  bad.token_hash = "raw-token";
  EXPECT_EQ(kind_of([&] { store->sessions().create_session(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "token_hash");
  EXPECT_EQ(kind_of([&] { store->sessions().create_session(session_for(999, 'a')); }), ErrorKind::conflict)
      << "no such user";
}

TEST_P(StoreContract, ExpiredSessionsAreDeleted) {
  auto store = open();
  const std::int64_t id = store->users().add_user(officer());
  const std::int64_t now = 1'700'010'000;
  SessionRecord fresh = session_for(id, 'a', now - 100);
  SessionRecord idle = session_for(id, 'b', now - 2000);  // last seen 2000 s ago, idle limit 1800
  SessionRecord old = session_for(id, 'c', now - 3000);
  old.last_seen_at = now - 10;
  old.expires_at = now;  // past its absolute limit however active
  for (const auto& s : {fresh, idle, old}) store->sessions().create_session(s);
  EXPECT_EQ(store->sessions().delete_expired_sessions(now, 1800), 2);
  EXPECT_TRUE(store->sessions().find_session(hash_of('a')).has_value());
  EXPECT_FALSE(store->sessions().find_session(hash_of('b')).has_value());
  EXPECT_FALSE(store->sessions().find_session(hash_of('c')).has_value());
}

TEST_P(StoreContract, AuditAppendsAndReadsBackInOrder) {
  auto store = open();
  const std::int64_t user = store->users().add_user(officer());
  std::vector<AuditEntry> written;
  for (int i = 0; i < 5; ++i) {
    AuditEntry e = entry("user.add", fmt::format("user{}@example.org", i));
    if (i % 2 == 0) e.actor_user_id = user;
    e.id = store->audit().append(e);
    written.push_back(e);
  }
  EXPECT_EQ(store->audit().export_audit(), written);
  EXPECT_EQ(store->audit().read_audit(written[1].id, 2), (std::vector<AuditEntry>{written[2], written[3]}));
  EXPECT_TRUE(store->audit().read_audit(written.back().id, 10).empty());
}

TEST_P(StoreContract, BadAuditEntriesNameTheField) {
  auto store = open();
  std::string field;
  AuditEntry bad = entry("user.add", "x");
  bad.at = "2026-11-26 15:00";
  EXPECT_EQ(kind_of([&] { store->audit().append(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "at");
  bad = entry("", "x");
  EXPECT_EQ(kind_of([&] { store->audit().append(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "action");
  bad = entry("user.add", "x");
  bad.detail = "[1]";
  EXPECT_EQ(kind_of([&] { store->audit().append(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "detail");
  EXPECT_TRUE(store->audit().export_audit().empty());
}

TEST_P(StoreContract, AuditLogRefusesUpdateAndDelete) {
  RECALL_REQUIRE_SHARED_DATABASE();
  auto store = open();
  store->audit().append(entry("user.add", "a@example.org"));
  EXPECT_THROW(database().execute_raw("UPDATE audit_log SET action = 'forged'"), std::exception);
  EXPECT_THROW(database().execute_raw("DELETE FROM audit_log"), std::exception);
  EXPECT_EQ(store->audit().export_audit().at(0).action, "user.add");
}

}  // namespace recall::contract
