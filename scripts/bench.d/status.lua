-- wrk: GET /v1/requests/{tracking} with the request's own access token, each wrk thread walking the list
-- round-robin from its own starting point. Usage: wrk ... -s status.lua URL -- PAIRS_FILE
-- (PAIRS_FILE: "tracking_number access_token" per line, as submissions.py create writes it)
local thread_count = 0

function setup(thread)
    thread:set("thread_no", thread_count)
    thread_count = thread_count + 1
end

local items, next_item = {}, 1

function init(args)
    for line in io.lines(args[1]) do
        local tracking, token = line:match("^(%S+)%s+(%S+)$")
        if tracking then
            local headers = { ["Authorization"] = "Bearer " .. token }
            items[#items + 1] = wrk.format("GET", "/v1/requests/" .. tracking, headers)
        end
    end
    if #items == 0 then
        error("no tracking number and token pairs in " .. args[1])
    end
    next_item = ((thread_no or 0) * 7919) % #items + 1
end

function request()
    local item = items[next_item]
    next_item = next_item % #items + 1
    return item
end
