-- End-to-end check of the jfp-assist language server from a real third-party client:
-- headless Neovim 0.7 with its built-in LSP client (vim.lsp.start_client).
--
-- Run through test/e2e/nvim/run.sh, which prepares a temp dir and sets:
--   JFP_E2E_ROOT     workspace folder (a temp dir holding only the draft)
--   JFP_E2E_DRAFT    copy of test/fixtures/workspace/draft-forward-plan.md (a plan with gaps), in JFP_E2E_ROOT
--   JFP_E2E_EXAMPLE  copy of examples/wessex-vale-joint-forward-plan.md (a complete plan), OUTSIDE the root:
--                    the server treats all plan files of one workspace folder as one multi-file plan, so the
--                    two must not share a folder or the example would cover the draft's gaps
--   JFP_LSP_CMD      server command (run.sh defaults it to: node <repo>/dist/server.cjs --stdio)
--   JFP_E2E_TIMEOUT  per-wait timeout in ms (default 10000)
--   JFP_E2E_PIDFILE  where to write the server's pid (run.sh ends it if it outlives nvim)
--
-- Prints one line per check and a last line "N passed, M failed"; exits 0 only if all passed.
-- Every wait is on a condition (vim.wait), never a fixed sleep.

local passed, failed = 0, 0
local started = vim.loop.hrtime()

local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

local function check(name, fn)
  local t0 = vim.loop.hrtime()
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out(string.format('ok   %s (%d ms)', name, math.floor((vim.loop.hrtime() - t0) / 1e6)))
  else
    failed = failed + 1
    out('FAIL ' .. name .. ': ' .. tostring(err))
  end
  return ok
end

local function expect(cond, msg)
  if not cond then error(msg or 'expectation failed', 2) end
end

local function contains(hay, needle)
  return type(hay) == 'string' and hay:find(needle, 1, true) ~= nil
end

local function short(s, n)
  s = tostring(s):gsub('%s+', ' ')
  n = n or 160
  if #s > n then return s:sub(1, n) .. '…' end
  return s
end

local TIMEOUT = tonumber(os.getenv('JFP_E2E_TIMEOUT') or '') or 10000
local ROOT = assert(os.getenv('JFP_E2E_ROOT'), 'JFP_E2E_ROOT is not set (use run.sh)')
local EXAMPLE = assert(os.getenv('JFP_E2E_EXAMPLE'), 'JFP_E2E_EXAMPLE is not set (use run.sh)')
local DRAFT = assert(os.getenv('JFP_E2E_DRAFT'), 'JFP_E2E_DRAFT is not set (use run.sh)')
local cmd = vim.split(assert(os.getenv('JFP_LSP_CMD'), 'JFP_LSP_CMD is not set (use run.sh)'), '%s+', { trimempty = true })

vim.o.hidden = true
vim.o.swapfile = false
vim.o.shortmess = vim.o.shortmess .. 'F'

-- Every publishDiagnostics, raw (as the server sent it), in arrival order.
local published = {}
local exited, exit_code, exit_signal = false, nil, nil
local client_id, client

local function publish_handler(err, result, ctx, config)
  table.insert(published, result)
  return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

--- The last publish for uri (optionally for one document version).
local function last_publish(uri, version)
  for i = #published, 1, -1 do
    local p = published[i]
    if p.uri == uri and (version == nil or p.version == version) then return p end
  end
end

local function wait_publish(bufnr, what)
  local uri = vim.uri_from_bufnr(bufnr)
  local p
  local ok = vim.wait(TIMEOUT, function()
    -- The version nvim sent last for this buffer (its changedtick).
    local version = vim.lsp.util.buf_versions[bufnr]
    p = last_publish(uri, version)
    return p ~= nil
  end, 10)
  expect(ok, 'no publishDiagnostics for ' .. what .. ' (version ' .. tostring(vim.lsp.util.buf_versions[bufnr]) .. ') within ' .. TIMEOUT .. ' ms')
  return p
end

local function by_code(diags, code, item)
  local r = {}
  for _, d in ipairs(diags) do
    local data = d.data or (d.user_data and d.user_data.lsp and d.user_data.lsp.data) or {}
    if d.code == code and (item == nil or data.itemId == item) then table.insert(r, d) end
  end
  return r
end

--- Rebuilds the full LSP Diagnostic from a vim.diagnostic entry: nvim 0.7 keeps
--- code/codeDescription/data only in user_data.lsp, and columns as bytes.
local function to_lsp(bufnr, d)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local function utf16(lnum, col)
    local line = lines[lnum + 1] or ''
    if col > #line then col = #line end
    local _, u16 = vim.str_utfindex(line, col)
    return u16
  end
  local lsp = (d.user_data and d.user_data.lsp) or {}
  return {
    range = {
      start = { line = d.lnum, character = utf16(d.lnum, d.col) },
      ['end'] = { line = d.end_lnum, character = utf16(d.end_lnum, d.end_col) },
    },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code or lsp.code,
    codeDescription = lsp.codeDescription,
    tags = lsp.tags,
    relatedInformation = lsp.relatedInformation,
    data = lsp.data,
  }
end

local function request(bufnr, method, params)
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  expect(res, method .. ' failed: ' .. tostring(err))
  local r = res[client_id]
  expect(r, method .. ': no answer from the server')
  expect(not r.err, method .. ' error: ' .. vim.inspect(r.err))
  return r.result
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown' -- -u NONE: no filetype detection
  expect(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  return bufnr
end

local function line_of(bufnr, prefix)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if l:sub(1, #prefix) == prefix then return i - 1 end
  end
  error('"' .. prefix .. '" not found in buffer')
end

local function hover_text(bufnr, line, character)
  local h = request(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line, character = character },
  })
  expect(h and h.contents, 'no hover')
  local c = h.contents
  if type(c) == 'string' then return c, 'string' end
  if c.kind then return c.value, c.kind end
  return vim.inspect(c), 'other'
end

--- Inserts a line, asks for completion at its end, then removes it again.
local function complete_on_new_line(bufnr, line, typed)
  vim.api.nvim_buf_set_lines(bufnr, line, line, false, { typed })
  local ok, res = pcall(request, bufnr, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line, character = #typed },
  })
  vim.api.nvim_buf_set_lines(bufnr, line, line + 1, false, {})
  if not ok then error(res, 0) end
  local items = res and (res.items or res) or {}
  local labels = {}
  for _, it in ipairs(items) do labels[it.label] = it end
  return labels, #items
end

local function main()
  local draft, example, draft_uri

  check('server starts and initializes (' .. table.concat(cmd, ' ') .. ')', function()
    client_id = vim.lsp.start_client({
      name = 'jfp-assist',
      cmd = cmd,
      root_dir = ROOT,
      handlers = { ['textDocument/publishDiagnostics'] = publish_handler },
      on_exit = function(code, signal)
        exit_code, exit_signal = code, signal
        exited = true
      end,
    })
    expect(client_id, 'start_client returned nil')
    client = vim.lsp.get_client_by_id(client_id)
    local pidfile = os.getenv('JFP_E2E_PIDFILE')
    if pidfile and client.rpc and client.rpc.pid then
      local f = io.open(pidfile, 'w')
      if f then
        f:write(tostring(client.rpc.pid))
        f:close()
      end
    end
    expect(vim.wait(TIMEOUT, function() return client.initialized or exited end, 10), 'initialize timed out')
    expect(not exited, 'server exited during initialize (code ' .. tostring(exit_code) .. ')')
    local sc = client.server_capabilities
    expect(sc.hoverProvider and sc.completionProvider and sc.codeActionProvider, 'missing hover/completion/codeAction capability: ' .. short(vim.inspect(sc), 300))
  end)
  if not client or not client.initialized then return end

  check('complete plan: diagnostics pushed, no statutory item reported missing', function()
    example = open(EXAMPLE)
    local p = wait_publish(example, 'the complete plan')
    expect(#p.diagnostics > 0, 'nothing published: not recognised as a plan?')
    -- Statutory items are reported as warnings; guidance-only content areas (area-*) as information.
    local statutory = {}
    for _, d in ipairs(by_code(p.diagnostics, 'jfp.duty.missing')) do
      if d.severity <= 2 then table.insert(statutory, d.data and d.data.itemId) end
    end
    expect(#statutory == 0, 'statutory items reported missing: ' .. table.concat(statutory, ', '))
  end)

  local first
  check('draft plan: diagnostics pushed after didOpen and shown by vim.diagnostic', function()
    draft = open(DRAFT)
    draft_uri = vim.uri_from_bufnr(draft)
    first = wait_publish(draft, 'the draft')
    expect(#first.diagnostics > 0, 'no diagnostics for the draft')
    expect(#vim.diagnostic.get(draft) == #first.diagnostics,
      'vim.diagnostic has ' .. #vim.diagnostic.get(draft) .. ' entries, server sent ' .. #first.diagnostics)
  end)
  if not first then return end

  check('draft plan: misspelt id is a jfp.tag.unknown error on line 20', function()
    local u = by_code(vim.diagnostic.get(draft), 'jfp.tag.unknown')
    expect(#u == 1, 'expected 1 jfp.tag.unknown, got ' .. #u)
    expect(u[1].severity == vim.diagnostic.severity.ERROR, 'severity ' .. tostring(u[1].severity))
    expect(u[1].lnum == 19, 'on line ' .. (u[1].lnum + 1))
    expect(u[1].lnum == line_of(draft, '<!-- jfp: duty-integraton'), 'not on the comment line')
  end)

  check('draft plan: duty-research is a jfp.duty.missing warning on the title line', function()
    local m = by_code(vim.diagnostic.get(draft), 'jfp.duty.missing', 'duty-research')
    expect(#m == 1, 'expected 1 duty-research missing, got ' .. #m)
    expect(m[1].severity == vim.diagnostic.severity.WARN, 'severity ' .. tostring(m[1].severity))
    expect(m[1].lnum == 7, 'on line ' .. (m[1].lnum + 1))
    local prefix = 'Not covered: Duty in respect of research (NHS Act 2006 s.14Z40'
    expect(m[1].message:sub(1, #prefix) == prefix, 'message: ' .. short(m[1].message))
    expect(#by_code(vim.diagnostic.get(draft), 'jfp.duty.missing') > 1, 'only one missing item reported')
  end)

  check('hover on "## Safe, effective care": quality duty and citation', function()
    local text = hover_text(draft, line_of(draft, '## Safe, effective care'), 5)
    expect(contains(text, 'Duty to improve the quality of services'), 'hover: ' .. short(text))
    expect(contains(text, 's.14Z34'), 'hover: ' .. short(text))
  end)

  check('completion after "## " offers item headings', function()
    local labels, n = complete_on_new_line(draft, line_of(draft, '## Next steps'), '## ')
    expect(labels['Climate change and net zero'], n .. ' items, none "Climate change and net zero"')
  end)

  check('completion inside "<!-- jfp: " offers catalogue ids', function()
    local labels, n = complete_on_new_line(draft, line_of(draft, '## Next steps'), '<!-- jfp: ')
    expect(labels['duty-climate-change'], n .. ' items, none "duty-climate-change"')
  end)

  check('quick fix for missing duty-research inserts a tagged section (inline edit)', function()
    wait_publish(draft, 'the draft after completion edits')
    local d = by_code(vim.diagnostic.get(draft), 'jfp.duty.missing', 'duty-research')[1]
    expect(d, 'no duty-research diagnostic')
    local ld = to_lsp(draft, d)
    local actions = request(draft, 'textDocument/codeAction', { textDocument = { uri = draft_uri }, range = ld.range, context = { diagnostics = { ld } } })
    local title = 'Insert a section for "Duty in respect of research"'
    local action
    for _, a in ipairs(actions or {}) do
      if a.title == title then action = a end
    end
    expect(action, 'no "' .. title .. '" in ' .. short(vim.inspect(vim.tbl_map(function(a) return a.title end, actions or {}))))
    expect(action.kind == 'quickfix', 'kind ' .. tostring(action.kind))
    local edits = action.edit and action.edit.changes and action.edit.changes[draft_uri]
    expect(edits and #edits > 0, 'no inline edit for the document: ' .. short(vim.inspect(action.edit)))
    local text = table.concat(vim.tbl_map(function(e) return e.newText end, edits), '')
    expect(contains(text, '<!-- jfp: duty-research -->'), 'edit text: ' .. short(text))
  end)

  check('didChange: appending a research section re-publishes without the duty-research warning', function()
    local n = vim.api.nvim_buf_line_count(draft)
    -- The text "\n## Research\n\nWe will work with NIHR ...\n" appended at the end of the file.
    vim.api.nvim_buf_set_lines(draft, n, n, false, { '', '## Research', '', 'We will work with NIHR and our universities on clinical trials.' })
    local p = wait_publish(draft, 'the edited draft')
    expect(#by_code(p.diagnostics, 'jfp.duty.missing', 'duty-research') == 0, 'duty-research still reported missing')
    expect(#by_code(p.diagnostics, 'jfp.duty.missing', 'duty-advice') == 1, 'duty-advice is no longer reported (unexpected)')
    expect(#by_code(vim.diagnostic.get(draft), 'jfp.duty.missing', 'duty-research') == 0, 'vim.diagnostic still shows duty-research')
  end)

  check('quick fix "Change to \\"duty-integration\\"" applied with apply_workspace_edit clears jfp.tag.unknown', function()
    local d = by_code(vim.diagnostic.get(draft), 'jfp.tag.unknown')[1]
    expect(d, 'no jfp.tag.unknown diagnostic')
    local ld = to_lsp(draft, d)
    expect(ld.code == 'jfp.tag.unknown' and ld.data ~= nil, 'rebuilt diagnostic lacks code/data: ' .. short(vim.inspect(ld)))
    local actions = request(draft, 'textDocument/codeAction', {
      textDocument = { uri = draft_uri }, range = ld.range,
      context = { diagnostics = { ld }, only = { 'quickfix' } },
    })
    local action
    for _, a in ipairs(actions or {}) do
      if a.title == 'Change to "duty-integration"' then action = a end
    end
    expect(action, 'no "Change to \\"duty-integration\\"" in ' .. short(vim.inspect(vim.tbl_map(function(a) return a.title end, actions or {}))))
    expect(action.edit, 'the quick fix has no inline edit')
    local before = vim.lsp.util.buf_versions[draft]
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    expect(vim.lsp.util.buf_versions[draft] > before, 'applying the edit did not change the buffer')
    local line = vim.api.nvim_buf_get_lines(draft, 19, 20, false)[1]
    expect(line == '<!-- jfp: duty-integration -->', 'line 20 is now: ' .. tostring(line))
    local p = wait_publish(draft, 'the fixed draft')
    expect(#by_code(p.diagnostics, 'jfp.tag.unknown') == 0, 'jfp.tag.unknown still published')
    expect(#by_code(vim.diagnostic.get(draft), 'jfp.tag.unknown') == 0, 'vim.diagnostic still shows jfp.tag.unknown')
    expect(vim.bo[draft].modified, 'buffer should be modified (and never saved)')
  end)

  check('hover on "## Joining up care" (mapped once the id is fixed): duty title and citation, as Markdown', function()
    local text, kind = hover_text(draft, line_of(draft, '## Joining up care'), 5)
    expect(kind == 'markdown', 'kind ' .. kind)
    expect(contains(text, 'Duty to promote integration'), 'hover: ' .. short(text))
    local citation = 's.14Z42'
    expect(contains(text, citation), 'no "' .. citation .. '" in hover: ' .. short(text))
    expect(contains(text, '**'), 'Markdown hover expected (nvim advertises markdown): ' .. short(text))
  end)

end

local ok, err = pcall(main)
if not ok then
  failed = failed + 1
  out('FAIL script error: ' .. tostring(err))
end

-- Shut the server down (shutdown + exit) and wait for the process to end.
local stopped_ok = pcall(function()
  if client and not exited then
    check('server shuts down cleanly', function()
      client.stop()
      expect(vim.wait(TIMEOUT, function() return exited end, 10), 'server did not exit after shutdown')
      expect(exit_code == 0 and exit_signal == 0, 'server exit code ' .. tostring(exit_code) .. ', signal ' .. tostring(exit_signal))
    end)
  end
end)
if not stopped_ok and client then pcall(client.stop, true) end

out(string.format('(%d ms)', math.floor((vim.loop.hrtime() - started) / 1e6)))
out(string.format('%d passed, %d failed', passed, failed))
if failed == 0 and passed > 0 then
  vim.cmd('qa!')
else
  vim.cmd('cquit 1')
end
