-- Shared by the surge benchmark's wrk scripts (scripts/bench-surge.sh): one machine-readable line per
-- run, so the shell never parses wrk's human summary.
--
--   RESULT label=… ok=… requests=… not_ok=… socket_errors=… seconds=… per_s=… p50_ms=… p99_ms=… max_ms=…
--
-- `ok` counts only answers with the status the script expects (2xx): a script that checks statuses
-- itself keeps a per-thread `ok` global; otherwise every answer below 400 is ok, as wrk counts them.
-- `seconds` is the time the load ran: wrk's duration, or, for a script that stops early when its work
-- runs out (confirm.lua), from its first request to its last answer, which it records itself.
local report = {}

local threads = {}

function report.setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

local function sum(name)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (tonumber(thread:get(name)) or 0)
  end
  return total
end

local function span(first_name, last_name)
  local first, last = nil, nil
  for _, thread in ipairs(threads) do
    local a, b = thread:get(first_name), thread:get(last_name)
    if a and b then
      first = (first == nil or a < first) and a or first
      last = (last == nil or b > last) and b or last
    end
  end
  if first == nil then return nil end
  return last - first
end

function report.done(label, counts_itself, summary, latency)
  local errors = summary.errors
  local ok
  if counts_itself then
    ok = sum("ok")
  else
    ok = summary.requests - errors.status
  end
  local seconds = span("first_request_at", "last_answer_at") or (summary.duration / 1e6)
  if seconds <= 0 then seconds = summary.duration / 1e6 end
  io.write(string.format(
    "RESULT label=%s ok=%d requests=%d not_ok=%d socket_errors=%d seconds=%.3f per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    label, ok, summary.requests, summary.requests - ok,
    errors.connect + errors.read + errors.write + errors.timeout, seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

-- Wall-clock seconds with microseconds (os.time has whole seconds only).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } recall_timeval;
  int gettimeofday(recall_timeval* tv, void* tz);
]]
local timeval = ffi.new("recall_timeval")
function report.now()
  ffi.C.gettimeofday(timeval, nil)
  return tonumber(timeval.tv_sec) + tonumber(timeval.tv_usec) / 1e6
end

return report
