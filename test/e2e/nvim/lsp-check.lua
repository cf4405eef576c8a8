-- Neovim as a second LSP client of the AWS Patterns server (Debian's Neovim 0.7: vim.lsp.start
-- does not exist yet, so start_client + buf_attach_client). Run headless by lsp-clients.test.ts:
--   nvim --headless --clean -n -i NONE -S lsp-check.lua <policy.json>
-- Environment: AWS_PATTERNS_SERVER (dist/server.js). The workspace folder is the current directory.
-- Prints one line per check, then "N passed, N failed"; exits non-zero on any failure.
local passed, failed = 0, 0
local function say(line) io.stdout:write(line .. '\n') end
local function check(ok, what)
  if ok then passed = passed + 1; say('ok   ' .. what) else failed = failed + 1; say('FAIL ' .. what) end
  return ok
end
local function finish()
  say(string.format('%d passed, %d failed', passed, failed))
  vim.cmd(failed == 0 and 'qa!' or 'cq 1')
end

local rule = 'iam-wildcard-action'
local function our_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.source == 'aws-patterns' and d.code == rule then table.insert(found, d) end
  end
  return found
end

local root = vim.fn.getcwd()
local client_id = vim.lsp.start_client({
  name = 'aws-patterns',
  cmd = { 'node', os.getenv('AWS_PATTERNS_SERVER'), '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
})
if not check(client_id ~= nil, 'the server starts over stdio') then return finish() end
vim.lsp.buf_attach_client(0, client_id)
local client = vim.lsp.get_client_by_id(client_id)

-- 1. Diagnostics are pushed for the opened policy.
check(vim.wait(20000, function() return #our_diagnostics() > 0 end, 20), 'diagnostics arrive for the policy')
local d = our_diagnostics()[1]
if not d then return finish() end
local line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
check(line:sub(d.col + 1, d.end_col) == '"s3:*"', string.format('%s on "s3:*" (line %d): %s', rule, d.lnum + 1, d.message))

-- 2. A quick fix is offered for it and, applied, rewrites the text and clears the finding.
local lsp_diagnostic = vim.lsp.diagnostic.get_line_diagnostics(0, d.lnum)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = lsp_diagnostic, only = { 'quickfix' } },
}
local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
local action
for _, response in pairs(responses) do
  for _, a in ipairs(response.result or {}) do
    if a.edit and not action then action = a end
  end
end
if not check(action ~= nil, 'a code action with an edit is offered') then return finish() end
say('     code action: ' .. action.title)
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
check(not text:find('"s3:*"', 1, true), 'applying it rewrites "s3:*"')
check(pcall(vim.fn.json_decode, text), 'the fixed policy is still JSON')
check(vim.wait(20000, function() return #our_diagnostics() == 0 end, 20), 'the finding is gone after the fix')

vim.lsp.stop_client(client_id)
finish()
