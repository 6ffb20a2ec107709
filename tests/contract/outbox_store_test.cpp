// OutboxStore contract: due messages oldest first, sent ones never again, failures retried later.
#include "contract/sample_petition.hpp"
#include "contract/store_contract.hpp"

namespace recall::contract {

namespace {

OutboxMessage message(const std::string& to, std::int64_t next_attempt_at) {
  return {0,
          to,
          "Recall petition: signing opens",
          "Signing opens on Tuesday 19 March 2019.\n",
          "2019-03-05T17:00:00Z",
          next_attempt_at,
          0,
          "",
          std::nullopt,
          std::nullopt};
}

std::vector<std::string> recipients(const std::vector<OutboxMessage>& messages) {
  std::vector<std::string> out;
  for (const auto& m : messages) out.push_back(m.to);
  return out;
}

}  // namespace

TEST_P(StoreContract, OutboxRoundTripsAndServesDueMessagesOldestFirst) {
  auto store = open();
  auto& outbox = store->outbox();
  EXPECT_TRUE(outbox.due(2'000, 10).empty());
  OutboxMessage a = message("a@example.org", 1'000);
  OutboxMessage b = message("b@example.org", 3'000);  // not due until later
  OutboxMessage c = message("c@example.org", 900);
  a.id = outbox.enqueue(a);
  b.id = outbox.enqueue(b);
  c.id = outbox.enqueue(c);
  EXPECT_EQ(outbox.list_outbox(), (std::vector<OutboxMessage>{a, b, c}));

  EXPECT_EQ(outbox.due(2'000, 10), (std::vector<OutboxMessage>{a, c}));
  EXPECT_EQ(recipients(outbox.due(2'000, 1)), std::vector<std::string>{"a@example.org"});
  EXPECT_EQ(recipients(outbox.due(3'000, 10)),
            (std::vector<std::string>{"a@example.org", "b@example.org", "c@example.org"}));
  EXPECT_EQ(recipients(outbox.due(1'000, 10)), (std::vector<std::string>{"a@example.org", "c@example.org"}))
      << "next_attempt_at == now is due";
}

TEST_P(StoreContract, OutboxSentMessagesLeaveAndFailedOnesWait) {
  auto store = open();
  auto& outbox = store->outbox();
  OutboxMessage a = message("a@example.org", 1'000);
  OutboxMessage b = message("b@example.org", 1'000);
  a.id = outbox.enqueue(a);
  b.id = outbox.enqueue(b);

  outbox.mark_sent(a.id, "2019-03-05T17:00:05Z");
  outbox.mark_failed(b.id, "421 4.7.0 try again later", 1'060);
  EXPECT_TRUE(outbox.due(1'059, 10).empty());
  const auto retry = outbox.due(1'060, 10);
  ASSERT_EQ(retry.size(), 1u);
  EXPECT_EQ(retry[0].id, b.id);
  EXPECT_EQ(retry[0].attempts, 1);
  EXPECT_EQ(retry[0].last_error, "421 4.7.0 try again later");
  outbox.mark_failed(b.id, "connection refused", 1'180);
  outbox.mark_sent(b.id, "2019-03-05T17:03:00Z");
  EXPECT_TRUE(outbox.due(1'000'000, 10).empty());

  a.sent_at = "2019-03-05T17:00:05Z";
  b.attempts = 2;
  b.last_error = "connection refused";
  b.next_attempt_at = 1'180;
  b.sent_at = "2019-03-05T17:03:00Z";
  EXPECT_EQ(outbox.list_outbox(), (std::vector<OutboxMessage>{a, b}));

  EXPECT_EQ(error_kind_of([&] { outbox.mark_sent(999, "2019-03-05T17:03:00Z"); }), ErrorKind::not_found);
  EXPECT_EQ(error_kind_of([&] { outbox.mark_failed(999, "x", 0); }), ErrorKind::not_found);
}

TEST_P(StoreContract, OutboxMessageIsKeptOnlyIfItsTransactionCommits) {
  auto store = open();
  EXPECT_THROW(store->transaction([&] {
    store->outbox().enqueue(message("a@example.org", 0));
    throw Error(ErrorKind::conflict, "the step that caused the email failed");
  }),
               Error);
  EXPECT_TRUE(store->outbox().list_outbox().empty());
  std::string field;
  OutboxMessage bad = message("", 0);
  EXPECT_EQ(error_kind_of([&] { store->outbox().enqueue(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "to");
  bad = message("a@example.org", 0);
  bad.created_at = "now";
  EXPECT_EQ(error_kind_of([&] { store->outbox().enqueue(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "created_at");
}

}  // namespace recall::contract
