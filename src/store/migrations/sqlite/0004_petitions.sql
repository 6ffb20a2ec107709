-- Statutory recall petitions (Recall of MPs Act 2015) and everything recorded while one runs.
-- Dates are ISO text (YYYY-MM-DD); instants are UTC text (YYYY-MM-DDTHH:MM:SSZ), except the outbox
-- and one-time codes, which the worker compares with the clock as Unix seconds. Booleans are 0/1.

-- One row per petition, the timetable stored as computed at opening. A petition is finished once it
-- is declared or terminated; until then it is "under way" and s.5 allows no second one.
CREATE TABLE petitions (
  id INTEGER PRIMARY KEY,
  ons_code TEXT NOT NULL CHECK (ons_code <> ''),
  member_id TEXT NOT NULL,
  mp_name TEXT NOT NULL,
  constituency_name TEXT NOT NULL,
  policy_id TEXT NOT NULL CHECK (policy_id <> ''),
  condition TEXT NOT NULL,
  condition_detail TEXT NOT NULL,
  notice TEXT NOT NULL,
  override_designated_day TEXT,
  override_extend_for_bank_holidays INTEGER CHECK (override_extend_for_bank_holidays IN (0, 1)),
  override_reason TEXT NOT NULL,
  timetable_notice TEXT,
  requirement_notice_by TEXT,
  cut_off_day TEXT,
  designated_day TEXT NOT NULL,
  signing_period_end TEXT NOT NULL,
  unextended_end TEXT NOT NULL,
  extended_for_bank_holidays INTEGER NOT NULL CHECK (extended_for_bank_holidays IN (0, 1)),
  count_by TEXT NOT NULL,
  register_id INTEGER NOT NULL REFERENCES registers (id),
  maximum_signing_places INTEGER NOT NULL CHECK (maximum_signing_places >= 0),
  online_signing INTEGER NOT NULL CHECK (online_signing IN (0, 1)),
  postal_signing INTEGER NOT NULL CHECK (postal_signing IN (0, 1)),
  proxy_signing INTEGER NOT NULL CHECK (proxy_signing IN (0, 1)),
  opened_at TEXT NOT NULL,
  termination_on TEXT,
  termination_reason TEXT CHECK (termination_reason IN ('dissolution', 'seat-vacated', 'overturned-on-appeal')),
  termination_detail TEXT,
  -- The count (Declaration) and its s.14 breakdown; all NULL until counted.
  count_eligible INTEGER,
  count_valid_signatures INTEGER,
  count_rejected INTEGER,
  count_percent_tenths INTEGER,
  count_required INTEGER,
  count_successful INTEGER CHECK (count_successful IN (0, 1)),
  eligibility_eligible INTEGER,
  eligibility_excluded_under_18 INTEGER,
  eligibility_excluded_late_application INTEGER,
  eligibility_excluded_after_cut_off INTEGER,
  eligibility_deleted INTEGER,
  eligibility_not_yet_effective INTEGER,
  counted_at TEXT,
  speaker_notified_at TEXT,
  declared_at TEXT,
  CHECK ((termination_on IS NULL) = (termination_reason IS NULL)
     AND (termination_on IS NULL) = (termination_detail IS NULL)),
  CHECK ((counted_at IS NULL) = (count_eligible IS NULL)
     AND (counted_at IS NULL) = (count_valid_signatures IS NULL)
     AND (counted_at IS NULL) = (count_rejected IS NULL)
     AND (counted_at IS NULL) = (count_percent_tenths IS NULL)
     AND (counted_at IS NULL) = (count_required IS NULL)
     AND (counted_at IS NULL) = (count_successful IS NULL)
     AND (counted_at IS NULL) = (eligibility_eligible IS NULL)
     AND (counted_at IS NULL) = (eligibility_excluded_under_18 IS NULL)
     AND (counted_at IS NULL) = (eligibility_excluded_late_application IS NULL)
     AND (counted_at IS NULL) = (eligibility_excluded_after_cut_off IS NULL)
     AND (counted_at IS NULL) = (eligibility_deleted IS NULL)
     AND (counted_at IS NULL) = (eligibility_not_yet_effective IS NULL))
);

-- At most one unfinished petition per constituency, decided by the database so two officers opening
-- at once cannot both succeed. The same predicate is the conflict target of the store's INSERT.
CREATE UNIQUE INDEX petitions_one_unfinished ON petitions (ons_code)
  WHERE declared_at IS NULL AND termination_reason IS NULL;

-- The timetable's closures (days in the signing period when places shut), in the order computed.
CREATE TABLE petition_closures (
  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  on_date TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (petition_id, ordinal)
) WITHOUT ROWID;

-- The count's rejected sheets by reason (only reasons that occurred).
CREATE TABLE petition_rejections (
  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN ('want-of-official-mark', 'unmarked-or-void-for-uncertainty',
                                         'identifiers-failed', 'not-entitled', 'received-late')),
  sheets INTEGER NOT NULL CHECK (sheets >= 0),
  PRIMARY KEY (petition_id, reason)
) WITHOUT ROWID;

CREATE TABLE signing_places (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  name TEXT NOT NULL CHECK (name <> ''),
  address TEXT NOT NULL,
  postcode TEXT NOT NULL,
  -- Target of the composite keys below: a place referred to must belong to the same petition.
  UNIQUE (id, petition_id)
);

CREATE INDEX signing_places_by_petition ON signing_places (petition_id, id);

-- Opening hours, in the order the officer gave them; one row per weekday at most.
CREATE TABLE signing_place_hours (
  place_id INTEGER NOT NULL REFERENCES signing_places (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 1440),
  closes INTEGER NOT NULL CHECK (closes BETWEEN 0 AND 1440 AND closes > opens),
  PRIMARY KEY (place_id, ordinal),
  UNIQUE (place_id, weekday)
) WITHOUT ROWID;

-- Polling district -> signing place (s.7: each elector is allocated one place).
CREATE TABLE allocations (
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  polling_district TEXT NOT NULL CHECK (polling_district <> ''),
  place_id INTEGER NOT NULL,
  PRIMARY KEY (petition_id, polling_district),
  FOREIGN KEY (place_id, petition_id) REFERENCES signing_places (id, petition_id)
) WITHOUT ROWID;

-- Postal (and postal-proxy) signing sheets sent out: one per elector per petition.
CREATE TABLE postal_issues (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  elector_number TEXT NOT NULL CHECK (elector_number <> ''),
  to_proxy INTEGER NOT NULL CHECK (to_proxy IN (0, 1)),
  reason TEXT NOT NULL CHECK (reason IN ('standing-postal-vote', 'application')),
  issued_at TEXT NOT NULL,
  issued_by INTEGER REFERENCES users (id),
  UNIQUE (petition_id, elector_number)
);

-- Every signing sheet, whichever channel it came by. UNIQUE (petition_id, elector_number) is what
-- makes signing twice impossible (s.12), across channels and across concurrent clerks. A sheet void
-- for uncertainty names nobody: its elector_number is NULL, and NULLs never collide.
CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  elector_number TEXT CHECK (elector_number <> ''),
  channel TEXT NOT NULL CHECK (channel IN ('in-person', 'postal', 'proxy-in-person', 'proxy-postal', 'online')),
  place_id INTEGER,
  rejection TEXT CHECK (rejection IN ('want-of-official-mark', 'unmarked-or-void-for-uncertainty',
                                      'identifiers-failed', 'not-entitled', 'received-late')),
  identity_evidence TEXT NOT NULL,
  proxy_name TEXT NOT NULL,
  proxy_address TEXT NOT NULL,
  official_mark INTEGER NOT NULL CHECK (official_mark IN (0, 1)),
  date_of_birth_matched INTEGER CHECK (date_of_birth_matched IN (0, 1)),
  signature_matched INTEGER CHECK (signature_matched IN (0, 1)),
  receipt TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  UNIQUE (petition_id, elector_number),
  FOREIGN KEY (place_id, petition_id) REFERENCES signing_places (id, petition_id),
  CHECK (elector_number IS NOT NULL OR rejection = 'unmarked-or-void-for-uncertainty')
);

-- Refused second attempts (s.12), for the officer only.
CREATE TABLE double_signing_attempts (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  elector_number TEXT NOT NULL CHECK (elector_number <> ''),
  channel TEXT NOT NULL CHECK (channel IN ('in-person', 'postal', 'proxy-in-person', 'proxy-postal', 'online')),
  place_id INTEGER,
  recorded_by INTEGER REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (place_id, petition_id) REFERENCES signing_places (id, petition_id)
);

CREATE INDEX double_signing_attempts_by_petition ON double_signing_attempts (petition_id, id);

-- The vacancy a successful petition creates: one by-election per petition.
CREATE TABLE by_elections (
  id INTEGER PRIMARY KEY,
  ons_code TEXT NOT NULL CHECK (ons_code <> ''),
  petition_id INTEGER NOT NULL UNIQUE REFERENCES petitions (id),
  vacancy_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status <> '')
);

-- Email written in the same transaction as its cause and sent later by a worker.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  to_address TEXT NOT NULL CHECK (to_address <> ''),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  last_error TEXT NOT NULL,
  sent_at TEXT
);

-- The worker's question: unsent and due.
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL;

-- One live code per elector per petition, kept only as a hash.
CREATE TABLE one_time_codes (
  petition_id INTEGER NOT NULL REFERENCES petitions (id),
  elector_number TEXT NOT NULL CHECK (elector_number <> ''),
  code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
  email TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL CHECK (failed_attempts >= 0),
  PRIMARY KEY (petition_id, elector_number)
) WITHOUT ROWID;
