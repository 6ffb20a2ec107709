-- Public petitions (issue 5): what one process changed, for the others to follow. A moderator's
-- command at the command line (publish, hide, invalidate, block import, close-due...) runs in a
-- process of its own, while `recall serve` keeps petitions, counts and the block list in memory; each
-- change made outside a signing batch adds a row here in the same transaction, naming the process
-- (`origin`, random per process) and the petition (none: the block list), and the server's intake
-- reads the rows after the last it saw about once a second and reloads what another process changed.
-- Signing and confirming are not recorded: only a server takes them, and it changes its own memory.
-- Writers take a transaction lock first (SqlConnection::lock_for_transaction), so rows commit in
-- `seq` order and a reader that has seen a seq has seen every row before it.
CREATE TABLE public_changes (
  seq bigserial PRIMARY KEY,
  origin text NOT NULL,
  petition_id bigint,
  at text NOT NULL
);
