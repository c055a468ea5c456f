-- wrk: POST /v1/requests, a residence certificate in Benghazi (a single-step service of the demo catalog), every body
-- distinct: the applicant's name, national id, phone and address carry the run, the wrk thread and a counter.
-- No Idempotency-Key (replays are another benchmark). The peer server accepts the same body (it ignores what it
-- does not store). Usage: wrk ... -s submit.lua URL -- RUN   (RUN: a small number telling rounds apart)
local thread_count = 0

function setup(thread)
    thread:set("thread_no", thread_count)
    thread_count = thread_count + 1
end

local run, counter = 0, 0

function init(args)
    run = tonumber(args[1] or "0") % 10
end

-- A Libyan national id: 1, a birth year (1985), then 7 digits; a Libyan mobile number: 091 and 7 digits.
local body_format = '{"service":"residence_certificate","municipality":"BEN",'
    .. '"applicant":{"name":"Bench Applicant %d-%d-%d","national_id":"11985%d%d%05d","phone":"091%d%d%05d"},'
    .. '"fields":{"national_id":"11985%d%d%05d","address":"Street %d, house %d, Benghazi",'
    .. '"resident_since":"2015-06-01","purpose":"employment"}}'

function request()
    counter = counter + 1
    local t, n = (thread_no or 0) % 10, counter % 100000
    local body = string.format(body_format, run, t, counter, run, t, n, run, t, n, run, t, n, t, counter)
    return wrk.format("POST", "/v1/requests", { ["Content-Type"] = "application/json" }, body)
end
