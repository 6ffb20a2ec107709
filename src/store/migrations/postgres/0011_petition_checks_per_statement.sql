-- The checks that a signature or a mail names an existing public petition, made once per statement
-- instead of once per row.
--
-- A REFERENCES constraint runs a trigger for every inserted row, and each runs a query of its own
-- (SELECT … FOR KEY SHARE on public_petitions, through SPI): a sixth of the database's time in a
-- surge profile, for batches whose rows all name one or two petitions that the store has just
-- looked up itself (it names the row and field of a missing one before writing). A statement
-- trigger sees the batch as a transition table and checks it in one query. Measured with
-- bench/surge/profile.sh, three pairs of runs: the backend's CPU per signature fell by about 11%
-- and signing rose 4–11% (docs/performance.md).
--
-- What the constraints also did is kept by row triggers that fire only when someone tries it: a
-- changed petition_id must name a petition, and a petition with signatures or mail cannot be
-- deleted. The share locks the constraints took against a concurrent delete are gone; nothing in
-- Recall deletes a public petition (they are rejected or hidden instead).
ALTER TABLE public_signatures DROP CONSTRAINT public_signatures_petition_id_fkey;
ALTER TABLE outbox DROP CONSTRAINT outbox_public_petition_id_fkey;

-- Two functions of one shape, one per column: a single one taking the column's name would need
-- EXECUTE, planned again at every statement, which measured slower (the backend's CPU per signature
-- about a quarter more, three pairs).
CREATE FUNCTION public_signatures_name_petitions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing bigint;
BEGIN
  SELECT n.petition_id INTO missing FROM inserted n
   WHERE NOT EXISTS (SELECT 1 FROM public_petitions p WHERE p.id = n.petition_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'public_signatures.petition_id % names no public petition', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER public_signatures_name_petitions AFTER INSERT ON public_signatures
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION public_signatures_name_petitions();

CREATE FUNCTION outbox_names_public_petitions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing bigint;
BEGIN
  SELECT n.public_petition_id INTO missing FROM inserted n
   WHERE n.public_petition_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM public_petitions p WHERE p.id = n.public_petition_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'outbox.public_petition_id % names no public petition', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_names_public_petitions AFTER INSERT ON outbox
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION outbox_names_public_petitions();

-- Fires only when an UPDATE sets the column, which Recall never does.
CREATE FUNCTION public_petition_reference_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  petition bigint := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
BEGIN
  IF petition IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public_petitions WHERE id = petition) THEN
    RAISE EXCEPTION '%.% % names no public petition', TG_TABLE_NAME, TG_ARGV[0], petition
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER public_signatures_petition_changes BEFORE UPDATE OF petition_id ON public_signatures
  FOR EACH ROW EXECUTE FUNCTION public_petition_reference_changes('petition_id');
CREATE TRIGGER outbox_public_petition_changes BEFORE UPDATE OF public_petition_id ON outbox
  FOR EACH ROW EXECUTE FUNCTION public_petition_reference_changes('public_petition_id');

CREATE FUNCTION public_petitions_keep_referenced_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM public_signatures WHERE petition_id = OLD.id)
     OR EXISTS (SELECT 1 FROM outbox WHERE public_petition_id = OLD.id) THEN
    RAISE EXCEPTION 'public petition % still has signatures or mail', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER public_petitions_keep_referenced_rows BEFORE DELETE ON public_petitions
  FOR EACH ROW EXECUTE FUNCTION public_petitions_keep_referenced_rows();
