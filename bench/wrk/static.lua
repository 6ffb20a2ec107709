-- GET load for the surge benchmark (nginx's static 200, Recall's count.json): the URL as given, every
-- answer below 400 counted, and the RESULT line of report.lua.
--
--   wrk -t2 -c64 -d10s --latency -s bench/wrk/static.lua http://127.0.0.1:PORT/path
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(here .. "report.lua")

setup = report.setup

function done(summary, latency, requests)
  report.done(wrk.path, false, summary, latency)
end
