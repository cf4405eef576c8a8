// Completion of IAM action names inside action strings: first the service prefixes, then the
// chosen service's actions, each with its access level, filtered by what is typed. Pure: the
// server maps the result to LSP CompletionItems (a prefix item re-triggers suggest).
import type { FileKind } from '../engine/types';
import type { IamKnowledge } from '../iam/knowledge';
import { serviceReferenceUrl } from './hover';
import { actionSiteAt } from './iam-sites';

export interface IamCompletionItem {
  label: string;
  kind: 'service' | 'action';
  /** The service's name, or the action's access level. */
  detail: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  filterText: string;
  sortText: string;
  /** A service prefix is a step, not an end: ask for completion again after inserting it. */
  retrigger?: boolean;
}

export interface IamCompletion {
  items: IamCompletionItem[];
  /** The text the chosen item replaces (the part of the name being completed). */
  start: number;
  end: number;
}

/** Characters after which an editor should ask: the opening quote and the service separator. */
export const IAM_COMPLETION_TRIGGERS = ['"', "'", ':'];

export function iamCompletions(text: string, offset: number, kind: FileKind, iam: IamKnowledge, path?: string): IamCompletion | undefined {
  const site = actionSiteAt(text, offset, kind, path);
  if (!site) return undefined;
  const typed = text.slice(site.start, offset);
  if (/\s/.test(typed)) return undefined;
  const colon = site.value.indexOf(':');
  if (colon < 0 || offset - site.start <= colon) {
    const end = colon < 0 ? site.end : site.start + colon + 1;
    return { items: serviceItems(typed, iam), start: site.start, end };
  }
  const prefix = site.value.slice(0, colon).toLowerCase();
  const service = iam.service(prefix);
  if (!service) return { items: [], start: site.start + colon + 1, end: site.end };
  const partial = text.slice(site.start + colon + 1, offset);
  const items = service.actions
    .filter((a) => matches(partial, a.name))
    .sort((a, b) => rank(partial, a.name) - rank(partial, b.name) || a.name.localeCompare(b.name))
    .map(
      (a, i): IamCompletionItem => ({
        label: a.name,
        kind: 'action',
        detail: a.accessLevel,
        documentation: `${a.description}\n\n[${service.name} in the Service Authorization Reference](${serviceReferenceUrl(service.prefix)})`,
        insertText: a.name,
        filterText: a.name,
        sortText: String(i).padStart(5, '0'),
      }),
    );
  return { items, start: site.start + colon + 1, end: site.end };
}

function serviceItems(typed: string, iam: IamKnowledge): IamCompletionItem[] {
  const lower = typed.toLowerCase();
  const prefixes = iam.servicePrefixes().filter((p) => matches(lower, p));
  prefixes.sort((a, b) => rank(lower, a) - rank(lower, b) || a.localeCompare(b));
  const items: IamCompletionItem[] = prefixes.map((p, i) => ({
    label: p,
    kind: 'service',
    detail: iam.serviceName(p) ?? p,
    insertText: `${p}:`,
    filterText: p,
    sortText: `0${String(i).padStart(4, '0')}`,
    retrigger: true,
  }));
  // Typing a whole prefix ("s3") already names the service: its actions follow the prefixes.
  const exact = iam.service(lower);
  if (exact) {
    exact.actions
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((a, i) =>
        items.push({
          label: a.fullName,
          kind: 'action',
          detail: a.accessLevel,
          documentation: a.description,
          insertText: a.fullName,
          filterText: a.fullName,
          sortText: `1${String(i).padStart(4, '0')}`,
        }),
      );
  }
  return items;
}

/**
 * The typed text appears in the candidate (case-insensitive), or spells its capitals
 * (`goa` → GetObjectAcl). Loose subsequence matching would bury `dynamodb` under
 * `codedeploy-commands-secure` for "dyn"; the editor filters the list again as the user types.
 */
function matches(typed: string, candidate: string): boolean {
  const t = typed.toLowerCase();
  if (candidate.toLowerCase().includes(t)) return true;
  const humps = candidate.replace(/[^A-Z0-9]/g, '').toLowerCase();
  return humps.length > 1 && humps.startsWith(t);
}

/** Exact, then prefix, then substring, then capitals. */
function rank(typed: string, candidate: string): number {
  const t = typed.toLowerCase();
  const c = candidate.toLowerCase();
  if (c === t) return 0;
  if (c.startsWith(t)) return 1;
  if (c.includes(t)) return 2;
  return 3;
}
