// VS Code / LSP snippet syntax: parse a snippet body and expand it with its defaults (each tab
// stop's placeholder text or first choice, mirrors and transforms applied, variables resolved).
// Used to show a snippet's pattern in hovers and docs, and by the test that checks every snippet
// against our own rules. Grammar: https://code.visualstudio.com/docs/editor/userdefinedsnippets

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children: SnippetNode[]; choices?: string[]; transform?: Transform }
  | { type: 'variable'; name: string; children?: SnippetNode[]; transform?: Transform };

export interface Transform {
  regex: RegExp;
  format: FormatPart[];
}

type FormatPart =
  | { type: 'text'; value: string }
  | { type: 'group'; index: number; modifier?: string; ifText?: string; elseText?: string };

/** Values for `$TM_FILENAME` and friends; a variable missing here expands to its default, else its name. */
export type SnippetVariables = Record<string, string>;

export class SnippetSyntaxError extends Error {}

/** A snippet body as VS Code stores it: one string, or lines joined with `\n`. */
export function snippetBodyText(body: string | string[]): string {
  return Array.isArray(body) ? body.join('\n') : body;
}

export function parseSnippet(text: string): SnippetNode[] {
  const p = new Parser(text);
  const nodes = p.nodes(false);
  if (p.pos < text.length) throw new SnippetSyntaxError(`unexpected '${text[p.pos]}' at ${p.pos}`);
  return nodes;
}

/** The text VS Code inserts when the user accepts every default (Tab through, first choices). */
export function expandSnippet(body: string | string[], variables: SnippetVariables = {}): string {
  const nodes = parseSnippet(snippetBodyText(body));
  const values = new Map<number, string>();
  // The first occurrence of an index that has placeholder text or choices sets the value its mirrors show.
  const collect = (list: SnippetNode[]): void => {
    for (const n of list) {
      if (n.type === 'tabstop') {
        if (!values.has(n.index) && (n.children.length > 0 || n.choices)) {
          values.set(n.index, n.choices ? n.choices[0] : render(n.children));
        }
        collect(n.children);
      } else if (n.type === 'variable' && n.children) collect(n.children);
    }
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type === 'tabstop') {
          const value = values.get(n.index) ?? (n.choices ? n.choices[0] : render(n.children));
          return n.transform ? applyTransform(value, n.transform) : value;
        }
        const known = Object.prototype.hasOwnProperty.call(variables, n.name) ? variables[n.name] : undefined;
        // VS Code: an empty or unknown variable takes its default; an unknown one without a default shows its name.
        const value = known !== undefined && known !== '' ? known : n.children ? render(n.children) : known === '' ? '' : n.name;
        return n.transform ? applyTransform(value, n.transform) : value;
      })
      .join('');
  collect(nodes);
  return render(nodes);
}

/** Every tab stop index of a snippet, with its choices when it has some. */
export function snippetTabStops(body: string | string[]): { index: number; choices?: string[] }[] {
  const out = new Map<number, { index: number; choices?: string[] }>();
  const walk = (list: SnippetNode[]): void => {
    for (const n of list) {
      if (n.type === 'tabstop') {
        const seen = out.get(n.index);
        if (!seen || (!seen.choices && n.choices)) out.set(n.index, { index: n.index, ...(n.choices ? { choices: n.choices } : {}) });
        walk(n.children);
      } else if (n.type === 'variable' && n.children) walk(n.children);
    }
  };
  walk(parseSnippet(snippetBodyText(body)));
  return [...out.values()].sort((a, b) => a.index - b.index);
}

function applyTransform(value: string, t: Transform): string {
  return value.replace(t.regex, (...args: unknown[]) => {
    // replace() hands (match, g1..gn, offset, input[, groups]); keep match and the numbered groups.
    const numeric = args.findIndex((a, i) => i > 0 && typeof a === 'number');
    const groups = args.slice(0, numeric) as (string | undefined)[];
    return t.format
      .map((f) => {
        if (f.type === 'text') return f.value;
        const g = groups[f.index] ?? '';
        if (f.ifText !== undefined || f.elseText !== undefined) return g ? (f.ifText ?? '') : (f.elseText ?? '');
        switch (f.modifier) {
          case 'upcase':
            return g.toUpperCase();
          case 'downcase':
            return g.toLowerCase();
          case 'capitalize':
            return g.charAt(0).toUpperCase() + g.slice(1);
          case 'camelcase':
            return g.replace(/[-_\s]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toLowerCase());
          case 'pascalcase':
            return g.replace(/[-_\s]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toUpperCase());
          default:
            return g;
        }
      })
      .join('');
  });
}

class Parser {
  pos = 0;

  constructor(private readonly s: string) {}

  /** Nodes up to the end, or up to an unescaped `}` when inside a placeholder. */
  nodes(inPlaceholder: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\' && this.pos + 1 < this.s.length && '$}\\'.includes(this.s[this.pos + 1])) {
        text += this.s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === '}' && inPlaceholder) break;
      if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
          continue;
        }
      }
      text += c;
      this.pos++;
    }
    flush();
    return out;
  }

  /** `$1`, `${1}`, `${1:x}`, `${1|a,b|}`, `${1/re/fmt/}`, `$NAME`, `${NAME:x}`, `${NAME/re/fmt/}`; else a literal `$`. */
  private dollar(): SnippetNode | undefined {
    const s = this.s;
    const start = this.pos;
    const rest = s.slice(start + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) {
      this.pos += 1 + m[1].length;
      return { type: 'tabstop', index: Number(m[1]), children: [] };
    }
    m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += 1 + m[1].length;
      return { type: 'variable', name: m[1] };
    }
    if (rest[0] !== '{') return undefined;
    m = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!m) return undefined;
    const id = m[1];
    const isIndex = /^\d/.test(id);
    this.pos += 1 + m[0].length;
    const next = s[this.pos];
    if (next === '}') {
      this.pos++;
      return isIndex ? { type: 'tabstop', index: Number(id), children: [] } : { type: 'variable', name: id };
    }
    if (next === ':') {
      this.pos++;
      const children = this.nodes(true);
      this.expect('}');
      return isIndex ? { type: 'tabstop', index: Number(id), children } : { type: 'variable', name: id, children };
    }
    if (next === '|' && isIndex) {
      this.pos++;
      const choices = this.choices();
      return { type: 'tabstop', index: Number(id), children: [], choices };
    }
    if (next === '/') {
      this.pos++;
      const transform = this.transform();
      return isIndex ? { type: 'tabstop', index: Number(id), children: [], transform } : { type: 'variable', name: id, transform };
    }
    throw new SnippetSyntaxError(`malformed placeholder at ${start}`);
  }

  private choices(): string[] {
    const out: string[] = [];
    let cur = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\' && ',|\\$}'.includes(this.s[this.pos + 1] ?? '')) {
        cur += this.s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === ',') {
        out.push(cur);
        cur = '';
        this.pos++;
        continue;
      }
      if (c === '|') {
        out.push(cur);
        this.pos++;
        this.expect('}');
        return out;
      }
      cur += c;
      this.pos++;
    }
    throw new SnippetSyntaxError('unterminated choice');
  }

  private transform(): Transform {
    const regex = this.until('/');
    const formatText = this.format();
    let options = '';
    while (this.pos < this.s.length && this.s[this.pos] !== '}') options += this.s[this.pos++];
    this.expect('}');
    return { regex: new RegExp(regex, options), format: parseFormat(formatText) };
  }

  /** Raw text up to an unescaped `stop` (consumed); `\/` stands for `/`. */
  private until(stop: string): string {
    let out = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\' && this.s[this.pos + 1] === stop) {
        out += stop;
        this.pos += 2;
        continue;
      }
      if (c === stop) {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    throw new SnippetSyntaxError('unterminated transform');
  }

  /** The format part of a transform, up to its closing `/`; `${1:/downcase}` holds a `/` of its own. */
  private format(): string {
    let out = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\' && this.pos + 1 < this.s.length) {
        out += c + this.s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === '$' && this.s[this.pos + 1] === '{') {
        const close = this.s.indexOf('}', this.pos);
        if (close < 0) break;
        out += this.s.slice(this.pos, close + 1);
        this.pos = close + 1;
        continue;
      }
      if (c === '/') {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    throw new SnippetSyntaxError('unterminated transform');
  }

  private expect(c: string): void {
    if (this.s[this.pos] !== c) throw new SnippetSyntaxError(`expected '${c}' at ${this.pos}`);
    this.pos++;
  }
}

function parseFormat(text: string): FormatPart[] {
  const out: FormatPart[] = [];
  let lit = '';
  let i = 0;
  const flush = () => {
    if (lit) out.push({ type: 'text', value: lit });
    lit = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      lit += text[i + 1] === 'n' ? '\n' : text[i + 1] === 't' ? '\t' : text[i + 1];
      i += 2;
      continue;
    }
    if (c === '$') {
      const simple = /^\$(\d+)/.exec(text.slice(i));
      if (simple) {
        flush();
        out.push({ type: 'group', index: Number(simple[1]) });
        i += simple[0].length;
        continue;
      }
      const braced = /^\$\{(\d+)(?::\/(\w+)|:\?([^:}]*):([^}]*)|:\+([^}]*)|:-?([^}]*))?\}/.exec(text.slice(i));
      if (braced) {
        flush();
        const [, idx, modifier, ifText, elseOfIf, plus, minus] = braced;
        if (modifier) out.push({ type: 'group', index: Number(idx), modifier });
        else if (ifText !== undefined) out.push({ type: 'group', index: Number(idx), ifText, elseText: elseOfIf });
        else if (plus !== undefined) out.push({ type: 'group', index: Number(idx), ifText: plus });
        else if (minus !== undefined) out.push({ type: 'group', index: Number(idx), elseText: minus });
        else out.push({ type: 'group', index: Number(idx) });
        i += braced[0].length;
        continue;
      }
    }
    lit += c;
    i++;
  }
  flush();
  return out;
}
