-- wrk: a new comment per request through Gazette's API, each from its own network (the server
-- trusts X-Forwarded-For in this benchmark) so the per-network limits measure nothing here.
-- Networks are taken in turn from a start drawn per thread and per run: wrk's threads and runs
-- would otherwise draw the same random addresses and meet the limits (5 a minute, 30 an hour).
local counter = 0
local tag = tostring({}):sub(8)
local seed = os.time()
for i = 1, #tag do seed = (seed * 31 + tag:byte(i)) % 2147483647 end
math.randomseed(seed)
local start = math.random(0, 65535)
request = function()
  counter = counter + 1
  local id = tag .. "-" .. counter
  local n = (start + counter) % 65536
  local ip = "10." .. math.floor(n / 256) .. "." .. (n % 256) .. ".7"
  local body = '{"name":"Bench ' .. id .. '","email":"bench' .. id .. '@example.org","body":"Benchmark comment ' .. id .. ', with a **bold** word."}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Accept"] = "application/json", ["X-Forwarded-For"] = ip}, body)
end
