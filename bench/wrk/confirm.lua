-- Confirmation load for the surge benchmark: each request confirms one token from a file (one token a
-- line, as the SMTP sink wrote them from the confirmation emails), each token once; a thread stops when
-- its share of the tokens is used, and the rate is timed from the first request to the last answer.
--
--   wrk -t1 -c64 -d600s --latency -s bench/wrk/confirm.lua http://127.0.0.1:PORT -- TOKEN_FILE THREADS DONE_FILE
--
-- THREADS must equal -t: thread i of n takes the tokens on lines i, i+n, i+2n, …
-- wrk itself runs for its whole -d whatever its threads do, so each thread, once finished, appends a
-- line to DONE_FILE: the caller sends wrk SIGINT when the file has THREADS lines, and wrk then reports.
-- Only 200 counts as a confirmation. When a thread's tokens run out, its idle connections send nothing
-- (an empty request parks them), so every answer it reads is a confirmation's, and it stops after the
-- last one. wrk calls request() once before the run to check it (on the first thread): that call gets
-- the first token without using it up.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(here .. "report.lua")

local tokens = {}
local next_token = 1
local answered = 0
local checked = false
local done_file = nil
ok = 0
first_request_at = nil
last_answer_at = nil

setup = report.setup

function init(args)
  local file = args[1] and io.open(args[1], "r")
  if not file then error("confirm.lua needs a token file as its first argument") end
  local threads = tonumber(args[2] or "1")
  done_file = args[3]
  local index = thread_index or 1
  local line_number = 0
  for line in file:lines() do
    if line:match("%S") then
      line_number = line_number + 1
      if (line_number - 1) % threads == index - 1 then table.insert(tokens, line) end
    end
  end
  file:close()
  if #tokens == 0 then error("no tokens for thread " .. index .. " in " .. args[1]) end
  checked = index ~= 1
end

-- The JSON API, which takes only a JSON body (an empty object: the token is in the path).
local headers = { ["Content-Type"] = "application/json" }
local function confirm_request(token)
  return wrk.format("POST", "/api/public/petitions/confirm/" .. token, headers, "{}")
end

function request()
  if not checked then
    checked = true
    return confirm_request(tokens[1])
  end
  if first_request_at == nil then first_request_at = report.now() end
  local token = tokens[next_token]
  if token == nil then return "" end
  next_token = next_token + 1
  return confirm_request(token)
end

function response(status)
  answered = answered + 1
  if status == 200 then ok = ok + 1 end
  if answered == #tokens then
    last_answer_at = report.now()
    if done_file then
      local out = io.open(done_file, "a")
      out:write("done\n")
      out:close()
    end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  report.done("confirm", true, summary, latency)
end
