-- Public petitions (issue 5): a confirmation link names its signature (service/public_tokens.hpp), so
-- a confirmation reads the row by its id and compares the secret's hash there. The unique index on
-- the hash was a random key written with every signature of a surge, and nothing needs it now.
-- Links emailed before this migration no longer confirm; signing again sends a new one.
DROP INDEX public_signatures_token;
