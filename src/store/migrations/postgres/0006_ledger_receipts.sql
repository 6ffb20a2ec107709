-- Receipts (issue 4): which leaf of a petition's log carries a signer's receipt nonce, so a receipt is
-- found by one primary-key look-up instead of a scan of the leaves. Written with the leaves, in the
-- same transaction, and as append-only as they are.

-- The primary key also makes a nonce unique within a petition: a second leaf with the same nonce is
-- refused, so a receipt always names exactly one leaf.
CREATE TABLE ledger_receipts (
  petition_id bigint NOT NULL REFERENCES petitions (id),
  nonce bytea NOT NULL CHECK (octet_length(nonce) = 16),
  leaf_index bigint NOT NULL CHECK (leaf_index >= 0),
  PRIMARY KEY (petition_id, nonce),
  FOREIGN KEY (petition_id, leaf_index) REFERENCES ledger_leaves (petition_id, leaf_index)
);
