// The snippets "Insert Snippet…" offers: ours only, for the editor's language, read from the
// manifest's `contributes.snippets` and the snippet files it names. No `vscode` import.
export interface SnippetContribution {
  language: string;
  path: string;
}

export interface SnippetChoice {
  /** The prefix to type (`aws-lambda-handler`). */
  prefix: string;
  /** The snippet's name in its file. */
  name: string;
  description: string;
  /** The body in snippet syntax, ready for `editor.action.insertSnippet`. */
  body: string;
}

interface SnippetEntry {
  prefix?: string | string[];
  body?: string | string[];
  description?: string;
}

/** Languages we contribute snippets for. */
export function snippetLanguages(contributions: readonly SnippetContribution[]): string[] {
  return [...new Set(contributions.map((c) => c.language))];
}

/** Every snippet contributed for `languageId`, in file order; `readJson` reads a contribution's path. */
export function snippetChoices(contributions: readonly SnippetContribution[], languageId: string, readJson: (path: string) => unknown): SnippetChoice[] {
  const choices: SnippetChoice[] = [];
  for (const c of contributions.filter((x) => x.language === languageId)) {
    const file = readJson(c.path) as Record<string, SnippetEntry> | undefined;
    for (const [name, s] of Object.entries(file ?? {})) {
      const prefix = [s.prefix ?? []].flat()[0];
      if (!prefix || s.body === undefined) continue;
      choices.push({ prefix, name, description: s.description ?? '', body: [s.body].flat().join('\n') });
    }
  }
  return choices;
}
