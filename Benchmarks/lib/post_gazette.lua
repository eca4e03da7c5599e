-- wrk: a new comment per request through Gazette's API, each from its own network (the server
-- trusts X-Forwarded-For in this benchmark) so the per-network limits measure nothing here.
local counter = 0
local tag = tostring({}):sub(8)
request = function()
  counter = counter + 1
  local id = tag .. "-" .. counter
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. ".7"
  local body = '{"name":"Bench ' .. id .. '","email":"bench' .. id .. '@example.org","body":"Benchmark comment ' .. id .. ', with a **bold** word."}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Accept"] = "application/json", ["X-Forwarded-For"] = ip}, body)
end
