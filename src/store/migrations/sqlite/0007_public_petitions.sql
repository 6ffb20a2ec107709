-- Public "call a by-election" petitions (issue 5; docs/public-petitions.md section 2). Instants are
-- UTC text (YYYY-MM-DDTHH:MM:SSZ), which sorts as time does; hashes and IP sort keys are BLOBs compared
-- as octets. There is no counter column anywhere: counts are a GROUP BY over the signatures, so a
-- surge never queues on one hot row (the e-petitions failure, DOMAIN.md section 4).

CREATE TABLE public_petitions (
  id INTEGER PRIMARY KEY,
  action TEXT NOT NULL CHECK (action <> ''),
  background TEXT NOT NULL,
  details TEXT NOT NULL,
  member_id TEXT,
  ons_code TEXT,
  state TEXT NOT NULL
    CHECK (state IN ('collecting-sponsors', 'sponsored', 'open', 'closed', 'rejected', 'hidden')),
  -- The creator signs as the first supporter. No foreign key: the signature refers to the petition,
  -- and anonymising deletes pending signatures.
  creator_signature_id INTEGER,
  -- SHA-256 of the shared sponsor link's token; the token itself is never stored.
  sponsor_token_hash BLOB NOT NULL UNIQUE
    CHECK (typeof(sponsor_token_hash) = 'blob' AND length(sponsor_token_hash) = 32),
  sponsor_count INTEGER NOT NULL DEFAULT 0 CHECK (sponsor_count >= 0),
  sponsored_at TEXT,
  created_at TEXT NOT NULL,
  opened_at TEXT,
  closes_at TEXT,
  closed_at TEXT,
  moderation_reason TEXT,
  moderation_note TEXT,
  moderated_at TEXT,
  moderated_by INTEGER REFERENCES users (id),
  anonymised_at TEXT,
  CHECK ((moderation_reason IS NULL) = (moderated_at IS NULL)
     AND (moderation_reason IS NULL) = (moderation_note IS NULL)),
  CHECK ((opened_at IS NULL) = (closes_at IS NULL))
);

-- Newest first by state, and the moderation queue in the order petitions were sponsored.
CREATE INDEX public_petitions_by_state ON public_petitions (state, id);
CREATE INDEX public_petitions_queue ON public_petitions (state, sponsored_at);

-- The petition's thresholds (a response, a debate) and the first time each was reached, kept even if
-- invalidation later takes the count back below.
CREATE TABLE public_petition_thresholds (
  petition_id INTEGER NOT NULL REFERENCES public_petitions (id),
  signatures INTEGER NOT NULL CHECK (signatures > 0),
  reached_at TEXT,
  PRIMARY KEY (petition_id, signatures)
) WITHOUT ROWID;

-- A moderator's bulk invalidation: the criteria as JSON and how many signatures they struck out.
CREATE TABLE public_invalidations (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES public_petitions (id),
  criteria_json TEXT NOT NULL CHECK (json_valid(criteria_json)),
  matched INTEGER NOT NULL CHECK (matched >= 0),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id)
);

CREATE INDEX public_invalidations_by_petition ON public_invalidations (petition_id, id);

-- Personal columns (name, email, canonical_email, postcode, ip, email_domain, confirm_token_hash) are
-- NULL once the petition is anonymised; ons_code, state, standing and the times are kept, so the
-- counts and the constituency breakdown survive. ons_code NULL: a postcode not in the directory.
CREATE TABLE public_signatures (
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
  state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'invalidated')),
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

-- The rule "one signature per canonical email per petition", enforced by the database. NULLs (after
-- anonymising) never collide.
CREATE UNIQUE INDEX public_signatures_one_each ON public_signatures (petition_id, canonical_email);
CREATE UNIQUE INDEX public_signatures_token ON public_signatures (confirm_token_hash);
-- Counts at start and in the recount: a covering index, so the GROUP BY never reads the table.
CREATE INDEX public_signatures_counting ON public_signatures (petition_id, state, standing, ons_code);
CREATE INDEX public_signatures_by_ip ON public_signatures (petition_id, ip);
CREATE INDEX public_signatures_by_time ON public_signatures (petition_id, created_at);

-- What moderators have blocked (core/public_petition/block_list.hpp): kind ip (an address or CIDR
-- range), domain ("example.com" or "*.example.com") or email (canonical), in canonical text form.
CREATE TABLE public_blocks (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ip', 'domain', 'email')),
  value TEXT NOT NULL CHECK (value <> ''),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, value)
);
