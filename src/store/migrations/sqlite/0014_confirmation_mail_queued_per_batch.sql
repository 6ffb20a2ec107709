-- Public petitions (issue 5): a signing batch queues its confirmation emails as one row, not one outbox
-- row per signature (the PostgreSQL migration of the same number says why and what the bytes are).
CREATE TABLE public_confirmation_mail (
  id INTEGER PRIMARY KEY,
  queued_at INTEGER NOT NULL,
  links BLOB NOT NULL CHECK (typeof(links) = 'blob' AND length(links) BETWEEN 32 AND 6400 AND length(links) % 32 = 0)
);
