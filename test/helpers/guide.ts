// Reads the guide's ✅ blocks: each `// ✅ …` segment of a code fence (up to the next ✅/❌ marker
// or the fence's end), and each fence with no marker at all (the guide shows those as the
// pattern to follow, e.g. the cross-account trust policy). ❌ segments are the anti-patterns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './engine';

export interface GuideBlock {
  section: string;
  marker: string;
  lang: string;
  code: string;
  /** 1-based line of the marker in the guide. */
  line: number;
}

export const guidePath = join(repoRoot, 'test', 'fixtures', 'aws-patterns-guide.md');

export function readGuide(text = readFileSync(guidePath, 'utf8')): GuideBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: GuideBlock[] = [];
  let h2 = '';
  let h3 = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^(#{2,3})\s+(.*)$/.exec(line);
    if (heading) {
      if (heading[1] === '##') [h2, h3] = [heading[2].trim(), ''];
      else h3 = heading[2].trim();
      continue;
    }
    const fence = /^```(\w*)/.exec(line);
    if (!fence) continue;
    const lang = fence[1];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    const body = lines.slice(start, end);
    const section = h3 ? `${h2} / ${h3}` : h2;
    const markers = body.map((l, k) => ({ l, k })).filter(({ l }) => /^\s*\/\/\s*(✅|❌)/.test(l));
    if (markers.length === 0) {
      const comment = body.find((l) => /^\s*\/\//.test(l));
      blocks.push({ section, marker: comment ? comment.replace(/^\s*\/\/\s*/, '').trim() : '', lang, code: body.join('\n'), line: start + 1 });
    } else {
      markers.forEach(({ l, k }, m) => {
        if (!l.includes('✅')) return;
        const next = markers[m + 1]?.k ?? body.length;
        blocks.push({
          section,
          marker: l.replace(/^\s*\/\/\s*✅\s*/, '').trim(),
          lang,
          code: body.slice(k + 1, next).join('\n'),
          line: start + k + 1,
        });
      });
    }
    i = end;
  }
  return blocks;
}

/**
 * The words a block's code uses, without comments and import lines (fragment snippets leave
 * imports to the editor's "add import" fix, since an import inside a function does not parse).
 */
export function codeWords(code: string): Set<string> {
  const stripped = code
    .split('\n')
    .filter((l) => !/^\s*import\s/.test(l))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return new Set(stripped.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}
