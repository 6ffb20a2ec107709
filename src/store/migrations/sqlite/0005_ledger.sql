-- Verifiable petitions (issue 4): each petition's signing events as an RFC 6962 Merkle log
-- (src/core/ledger; the leaf is docs/ledger-format.md). Append-only: rows are inserted, never changed.

-- The 72-octet leaves, in log order. The primary key makes a second appender of the same index fail
-- instead of forking the log.
CREATE TABLE ledger_leaves (
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  leaf_index INTEGER NOT NULL CHECK (leaf_index >= 0),
  leaf BLOB NOT NULL CHECK (typeof(leaf) = 'blob' AND length(leaf) = 72),
  PRIMARY KEY (petition_id, leaf_index)
) WITHOUT ROWID;

-- Every complete subtree hash (level 0 = the leaf hashes), so the root of any size and any proof is
-- O(log n) primary-key look-ups, never a recomputation over the leaves.
CREATE TABLE ledger_nodes (
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 63),
  node_index INTEGER NOT NULL CHECK (node_index >= 0),
  hash BLOB NOT NULL CHECK (typeof(hash) = 'blob' AND length(hash) = 32),
  PRIMARY KEY (petition_id, level, node_index)
) WITHOUT ROWID;

-- The petition's secret HMAC key for elector hashes: as confidential as the register itself.
CREATE TABLE ledger_keys (
  petition_id INTEGER PRIMARY KEY REFERENCES petitions (id),
  elector_key BLOB NOT NULL CHECK (typeof(elector_key) = 'blob' AND length(elector_key) = 32)
);

-- Signed checkpoints (C2SP signed notes), one per tree size; created_at is UTC text.
CREATE TABLE ledger_checkpoints (
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  tree_size INTEGER NOT NULL CHECK (tree_size >= 0),
  signed_note TEXT NOT NULL CHECK (signed_note <> ''),
  created_at TEXT NOT NULL,
  PRIMARY KEY (petition_id, tree_size)
) WITHOUT ROWID;
