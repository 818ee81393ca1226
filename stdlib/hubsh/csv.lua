--- hubsh.csv: read and write CSV (RFC 4180) for exports and imports of records.
---
--- Depends on nothing but Lua's standard library.
---
--- ```lua
--- local csv = require "hubsh.csv"
--- csv.encode({ { "email", "name" }, { "a@example.com", "Ann, Jr." } })
--- --> 'email,name\r\na@example.com,"Ann, Jr."\r\n'
--- csv.decode('a,b\r\n1,"x ""y"""\r\n')   --> { { "a", "b" }, { "1", 'x "y"' } }
--- ```
local csv = {}

--- Quotes a field when it holds a comma, a quote or a line break.
---@param value any
---@return string
local function field(value)
  if value == nil then return "" end
  local s = tostring(value)
  if s:find('[,"\r\n]') then
    return '"' .. s:gsub('"', '""') .. '"'
  end
  return s
end

---@param rows any[][] rows of fields; nil fields are written empty
---@return string text CSV with CRLF line ends
function csv.encode(rows)
  if type(rows) ~= "table" then
    error(("bad argument #1 to 'encode' (table expected, got %s)"):format(type(rows)), 2)
  end
  local lines = {}
  for i, row in ipairs(rows) do
    if type(row) ~= "table" then
      error(("bad argument #1 to 'encode' (row %d is a %s, not a table)"):format(i, type(row)), 2)
    end
    local fields = {}
    for j = 1, #row do fields[j] = field(row[j]) end
    lines[#lines + 1] = table.concat(fields, ",") .. "\r\n"
  end
  return table.concat(lines)
end

--- Writes records as CSV with a header row of `columns`.
---@param records table[] tables of column → value (records' `properties` work too)
---@param columns string[] the header, in order
---@return string
function csv.encode_records(records, columns)
  if type(columns) ~= "table" then
    error(("bad argument #2 to 'encode_records' (table expected, got %s)"):format(type(columns)), 2)
  end
  local rows = { columns }
  for _, record in ipairs(records) do
    local source = record.properties or record
    local row = {}
    for j, name in ipairs(columns) do row[j] = source[name] end
    rows[#rows + 1] = row
  end
  return csv.encode(rows)
end

---@param text string CSV text (CRLF or LF line ends)
---@return string[][] rows
function csv.decode(text)
  if type(text) ~= "string" then
    error(("bad argument #1 to 'decode' (string expected, got %s)"):format(type(text)), 2)
  end
  local rows, row, pos, len = {}, {}, 1, #text
  while pos <= len do
    local value
    if text:sub(pos, pos) == '"' then
      local parts, i = {}, pos + 1
      while true do
        local q = text:find('"', i, true)
        if not q then error(("unterminated quoted field at byte %d"):format(pos), 2) end
        parts[#parts + 1] = text:sub(i, q - 1)
        if text:sub(q + 1, q + 1) == '"' then
          parts[#parts + 1] = '"'
          i = q + 2
        else
          pos = q + 1
          break
        end
      end
      value = table.concat(parts)
    else
      local stop = text:find("[,\r\n]", pos) or len + 1
      value = text:sub(pos, stop - 1)
      pos = stop
    end
    row[#row + 1] = value
    local c = text:sub(pos, pos)
    if c == "," then
      pos = pos + 1
      if pos > len then row[#row + 1] = "" end
    elseif c == "\r" or c == "\n" or c == "" then
      rows[#rows + 1] = row
      row = {}
      pos = pos + ((text:sub(pos, pos + 1) == "\r\n") and 2 or 1)
    else
      error(("unexpected character after quoted field at byte %d"):format(pos), 2)
    end
  end
  return rows
end

--- Reads CSV with a header row into tables of header → value.
---@param text string
---@return table[] records
function csv.decode_records(text)
  local rows = csv.decode(text)
  local header, records = rows[1] or {}, {}
  for i = 2, #rows do
    local record = {}
    for j, name in ipairs(header) do record[name] = rows[i][j] end
    records[#records + 1] = record
  end
  return records
end

return csv
