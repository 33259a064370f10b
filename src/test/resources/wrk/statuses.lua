-- Counts responses by status across wrk's threads and prints them, with the latency
-- percentiles, in a form the probe-flood test parses:
--   status 200 123456
--   latency p50 812 (microseconds)
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d %d\n", status, count))
  end
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%s %d\n", p, latency:percentile(p)))
  end
  io.write(string.format("latency max %d\n", latency.max))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("duration %d\n", summary.duration))
  io.write(string.format("errors connect %d read %d write %d status %d timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
