-- Public petitions (issue 5): a signature's state is checked by comparisons instead of `IN (…)`.
--
-- SQLite checks `state IN ('pending', 'confirmed', 'invalidated')`, a list of three or more values,
-- by building a temporary B-tree of the values, and every single-row INSERT of the surge built one
-- and threw it away: a page cache opened and torn down per signature. In a profile of signing at
-- 35,500 a second that teardown alone was an eighth of the writer thread's samples, and writing the
-- check as three comparisons took the writer from 19–23 to 16–21 µs a signature (docs/performance.md,
-- "A temporary table per signature on SQLite"). The rule is the same; SQLite cannot change a CHECK in
-- place, so the table is rebuilt as SQLite's documentation describes (a new table, the rows copied in
-- id order, the old one dropped, the new one renamed, its indexes made again). Nothing references
-- public_signatures, so the foreign keys that stay on during a migration are not disturbed.
CREATE TABLE public_signatures_rebuilt (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES public_petitions (id),
  name TEXT,
  email TEXT,
  canonical_email TEXT,
  postcode TEXT,
  ons_code TEXT,
  ip BLOB CHECK (ip IS NULL OR (typeof(ip) = 'blob' AND length(ip) = 16)),
  email_domain TEXT,
  uk_resident INTEGER NOT NULL CHECK (uk_resident IN (0, 1)),
  sponsor INTEGER NOT NULL DEFAULT 0 CHECK (sponsor IN (0, 1)),
  state TEXT NOT NULL CHECK (state = 'pending' OR state = 'confirmed' OR state = 'invalidated'),
  standing TEXT NOT NULL CHECK (standing IN ('counted', 'suspect')),
  suspect_reason TEXT,
  confirm_token_hash BLOB
    CHECK (confirm_token_hash IS NULL OR (typeof(confirm_token_hash) = 'blob' AND length(confirm_token_hash) = 32)),
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  invalidated_at TEXT,
  invalidation_id INTEGER REFERENCES public_invalidations (id),
  CHECK ((standing = 'suspect') = (suspect_reason IS NOT NULL)),
  -- confirmed_at says whether a signature was ever confirmed, also once invalidated: the store reads
  -- "counted before" from it in the same statement that invalidates.
  CHECK (state <> 'pending' OR confirmed_at IS NULL),
  CHECK (state <> 'confirmed' OR confirmed_at IS NOT NULL),
  CHECK ((state = 'invalidated') = (invalidated_at IS NOT NULL))
);
INSERT INTO public_signatures_rebuilt (id, petition_id, name, email, canonical_email, postcode, ons_code, ip,
    email_domain, uk_resident, sponsor, state, standing, suspect_reason, confirm_token_hash, created_at,
    confirmed_at, invalidated_at, invalidation_id)
  SELECT id, petition_id, name, email, canonical_email, postcode, ons_code, ip, email_domain, uk_resident, sponsor,
         state, standing, suspect_reason, confirm_token_hash, created_at, confirmed_at, invalidated_at,
         invalidation_id
    FROM public_signatures ORDER BY id;
DROP TABLE public_signatures;
ALTER TABLE public_signatures_rebuilt RENAME TO public_signatures;
CREATE UNIQUE INDEX public_signatures_one_each ON public_signatures (petition_id, canonical_email);
CREATE INDEX public_signatures_by_ip ON public_signatures (petition_id, ip);
CREATE INDEX public_signatures_by_time ON public_signatures (petition_id, created_at);
CREATE INDEX public_signatures_counted ON public_signatures (petition_id, standing, ons_code)
  WHERE state = 'confirmed';
