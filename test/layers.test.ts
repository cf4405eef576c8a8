// House rule 1: the engine and the rules are a plain library. They import neither VS Code nor
// the LSP libraries and do no I/O of their own; the client does no analysis.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|\brequire\(\s*'([^']+)'\s*\)|\bimport\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? m[4],
  );
}

const IO_OR_EDITOR = /^(vscode($|-)|(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|dgram|tls)$)/;

describe('layers', () => {
  for (const dir of ['server/src/engine', 'server/src/rules']) {
    it(`${dir} imports no editor, LSP or I/O module`, () => {
      const offenders = sources(dir).flatMap((f) => importsOf(f).filter((s) => IO_OR_EDITOR.test(s) || /\/(lsp|audit)\//.test(s)).map((s) => `${f}: ${s}`));
      assert.deepEqual(offenders, []);
    });
  }

  it('the client imports only VS Code, the language client, the shared module and its own modules', () => {
    const offenders = sources('client/src').flatMap((f) => importsOf(f).filter((s) => !/^(vscode|vscode-languageclient(\/node)?|\.\.\/\.\.\/shared\/settings|\.\/\w+)$/.test(s)).map((s) => `${f}: ${s}`));
    assert.deepEqual(offenders, []);
  });

  it('the shared module carries only types, constants and the request types (from the LSP protocol package)', () => {
    assert.deepEqual(
      importsOf('shared/settings.ts').filter((s) => !s.endsWith('/engine/types') && s !== 'vscode-languageserver-protocol'),
      [],
    );
  });
});
