// The feature modules are pure: the server wires them to LSP, the CLI and docs reuse them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { repoRoot } from '../helpers/engine';

it('server/src/features imports neither vscode nor the language server, and does no I/O', () => {
  const dir = join(repoRoot, 'server', 'src', 'features');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const m of imports) {
      assert.ok(!/^vscode/.test(m), `${name} imports ${m}`);
      assert.ok(!/^(node:)?(fs|child_process|net|http|https)$/.test(m), `${name} imports ${m}`);
    }
  }
});
