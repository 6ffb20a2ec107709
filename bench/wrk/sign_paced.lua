-- Signing at a set rate, for the surge benchmark's count reads (scripts/bench-surge.sh, (d)): the
-- requests of sign.lua, each thread sending at most RATE a second on a fixed schedule, so the reads
-- beside it meet a known stream of signatures rather than as many as the cores allow.
--
--   wrk -t1 -c64 -d20s --latency -s bench/wrk/sign_paced.lua \
--       http://127.0.0.1:PORT/api/public/petitions/ID/signatures -- POSTCODE_FILE RUN_TAG RATE
--
-- The schedule is absolute: request k of a thread goes at start + k / RATE, on whichever connection is
-- free, so a slow answer on one connection does not lower the rate while others are free. A server
-- that cannot keep up shows as a rate below RATE in the RESULT line. wrk times each request from when
-- it is sent, so the pause before it is not counted as latency.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "sign.lua")
local report = dofile(here .. "report.lua")

local interval
local next_at
local unpaced_init = init

function init(args)
  unpaced_init(args)
  local rate = tonumber(args[3])
  if not rate or rate <= 0 then error("sign_paced.lua needs a rate (signatures a second) as its third argument") end
  interval = 1 / rate
end

function delay()
  local now = report.now()
  -- After a stall of over a second the schedule starts again from now rather than sending the backlog
  -- at once: a surge is people arriving, not a queue released.
  if next_at == nil or next_at < now - 1 then next_at = now end
  local wait = next_at - now
  next_at = next_at + interval
  return wait > 0 and wait * 1000 or 0
end
