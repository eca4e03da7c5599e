-- wrk: a new comment per request through Isso's API (its rate guard is off in this benchmark).
local counter = 0
local tag = tostring({}):sub(8)
request = function()
  counter = counter + 1
  local id = tag .. "-" .. counter
  local body = '{"author":"Bench ' .. id .. '","email":"bench' .. id .. '@example.org","text":"Benchmark comment ' .. id .. ', with a **bold** word."}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
