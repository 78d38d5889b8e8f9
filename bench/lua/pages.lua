-- wrk script: each request reads a page picked at random from a list of
-- paths (one per line in the file named by WARTA_PATHS), as readers spread
-- over a whole site do. Set GZIP=1 to ask for gzip like a browser.
local paths = {}
for line in io.lines(os.getenv("WARTA_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local gzip = os.getenv("GZIP") ~= nil and os.getenv("GZIP") ~= ""
local thread_id = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

request = function()
  local headers = { ["User-Agent"] = "Mozilla/5.0 (Linux; Android 14) Chrome/124 Mobile" }
  if gzip then headers["Accept-Encoding"] = "gzip" end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
