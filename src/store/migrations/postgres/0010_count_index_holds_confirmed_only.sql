-- Public petitions (issue 5): the index behind the count (public_petition_store.hpp
-- count_by_constituency) holds confirmed signatures only. It used to hold every signature under its
-- state, so each pending signature of a surge was written into it at a random place (by
-- constituency), and again when confirmed; now a signature enters it once, when it confirms. The
-- count's WHERE names state = 'confirmed', which lets both databases use the partial index.
DROP INDEX public_signatures_counting;
CREATE INDEX public_signatures_counted ON public_signatures (petition_id, standing, ons_code)
  WHERE state = 'confirmed';
