-- wrk script: every request comes from a new reader (its own User-Agent and,
-- behind --trust-proxy, its own X-Forwarded-For address), as thousands of
-- readers on a busy news site would.
-- Set by bench/writes.sh through environment variables:
--   WARTA_PATH  the endpoint, WARTA_BODY  a JSON body with %d for a counter
local counter = 0
local path = os.getenv("WARTA_PATH")
local body = os.getenv("WARTA_BODY")
local thread_id = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

request = function()
  counter = counter + 1
  local n = (tid or 0) * 100000000 + counter
  local ip = string.format("10.%d.%d.%d", (n / 65536) % 256, (n / 256) % 256, n % 256)
  local headers = {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = string.format("Mozilla/5.0 (Linux; Android 14; pembaca-%d) Chrome/124 Mobile", n),
    ["X-Forwarded-For"] = ip,
  }
  return wrk.format("POST", path, headers, string.format(body, n, n))
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
