-- Verifiable petitions (issue 4): each petition's signing events as an RFC 6962 Merkle log
-- (src/core/ledger; the leaf is docs/ledger-format.md). Append-only: rows are inserted, never changed.

-- The 72-octet leaves, in log order. The primary key makes a second appender of the same index fail
-- instead of forking the log.
CREATE TABLE ledger_leaves (
  petition_id bigint NOT NULL REFERENCES petitions (id),
  leaf_index bigint NOT NULL CHECK (leaf_index >= 0),
  leaf bytea NOT NULL CHECK (octet_length(leaf) = 72),
  PRIMARY KEY (petition_id, leaf_index)
);

-- Every complete subtree hash (level 0 = the leaf hashes), so the root of any size and any proof is
-- O(log n) primary-key look-ups, never a recomputation over the leaves.
CREATE TABLE ledger_nodes (
  petition_id bigint NOT NULL REFERENCES petitions (id),
  level integer NOT NULL CHECK (level BETWEEN 0 AND 63),
  node_index bigint NOT NULL CHECK (node_index >= 0),
  hash bytea NOT NULL CHECK (octet_length(hash) = 32),
  PRIMARY KEY (petition_id, level, node_index)
);

-- The petition's secret HMAC key for elector hashes: as confidential as the register itself.
CREATE TABLE ledger_keys (
  petition_id bigint PRIMARY KEY REFERENCES petitions (id),
  elector_key bytea NOT NULL CHECK (octet_length(elector_key) = 32)
);

-- Signed checkpoints (C2SP signed notes), one per tree size; created_at is UTC text.
CREATE TABLE ledger_checkpoints (
  petition_id bigint NOT NULL REFERENCES petitions (id),
  tree_size bigint NOT NULL CHECK (tree_size >= 0),
  signed_note text NOT NULL CHECK (signed_note <> ''),
  created_at text NOT NULL,
  PRIMARY KEY (petition_id, tree_size)
);
