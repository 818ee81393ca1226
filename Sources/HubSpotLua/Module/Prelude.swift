/// The few helpers written in Lua itself: an iterator over pages fetched by a Swift
/// function (so a page fetch inside `hubspot.parallel` is a yield point like any other
/// call), and the bodies the scheduler runs in its coroutines.
enum Prelude {
    static let source = #"""
    local helpers = {}

    -- fetch() returns the next page's list and whether it was the last one.
    function helpers.pager(fetch)
      local page, i, done = nil, 0, false
      return function()
        while true do
          if page ~= nil then
            i = i + 1
            local v = page[i]
            if v ~= nil then return v end
          end
          if done then return nil end
          page, done = fetch()
          i = 0
        end
      end
    end

    -- hubspot.parallel: keeps each function's first result.
    function helpers.run_parallel(results, i, f)
      results[i] = (f())
    end

    -- hubspot.map: fn(item, index) for one item.
    function helpers.run_map(results, list, i, fn)
      results[i] = (fn(list[i], i))
    end

    return helpers
    """#
}
