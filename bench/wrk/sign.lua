-- Signing load for the surge benchmark: each request signs the petition in the URL with a new email
-- (run tag, thread and counter, so no two requests in a run share one) and a postcode taken in turn
-- from a file of real postcodes (one a line), so every signature is allocated to a constituency.
--
--   wrk -t1 -c64 -d20s --latency -s bench/wrk/sign.lua \
--       http://127.0.0.1:PORT/api/public/petitions/ID/signatures -- POSTCODE_FILE RUN_TAG
--
-- Only 202 (pending, after the batch is durable) counts as a signature.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(here .. "report.lua")

local postcodes = {}
local tag = "run"
local counter = 0
ok = 0

setup = report.setup

function init(args)
  local file = args[1] and io.open(args[1], "r")
  if not file then error("sign.lua needs a postcode file as its first argument") end
  for line in file:lines() do
    if line:match("%S") then table.insert(postcodes, line) end
  end
  file:close()
  if #postcodes == 0 then error("no postcodes in " .. args[1]) end
  tag = args[2] or tag
  -- Each thread starts at a different place in the list.
  counter = (thread_index or 1) * 7919
end

local headers = { ["Content-Type"] = "application/json" }

function request()
  counter = counter + 1
  local body = string.format(
    '{"name":"Surge Signer %d","email":"s-%s-%d-%d@example.org","postcode":"%s","uk_resident":true}',
    counter, tag, thread_index or 1, counter, postcodes[counter % #postcodes + 1])
  return wrk.format("POST", nil, headers, body)
end

function response(status)
  if status == 202 then ok = ok + 1 end
end

function done(summary, latency, requests)
  report.done("sign", true, summary, latency)
end
