// Scoped ARN placeholders for the iam-wildcard-resource fix, from the ARN formats of the IAM
// data. `${Partition}` becomes `aws`; every other variable becomes an upper-case word
// (`BUCKET_NAME`, `ACCOUNT_ID`) that is plainly a blank to fill and never an IAM policy variable.
import type { IamAction, IamKnowledge } from '../../iam/knowledge';

export interface ResourceTypeArn {
  /** Resource type name in the IAM data (`object`, `table`...). */
  name: string;
  /** ARN format with `${Variables}`. */
  format: string;
}

const preferred = new WeakMap<IamAction, ResourceTypeArn | null>();

/** The resource type a policy most likely means for this action: required ones first, then the simplest ARN. */
export function preferredResourceType(iam: IamKnowledge, action: IamAction): ResourceTypeArn | undefined {
  // Actions are shared objects of the loaded IAM data: remember the answer (a file may repeat a pattern thousands of times).
  const known = preferred.get(action);
  if (known !== undefined) return known ?? undefined;
  const found = computePreferred(iam, action);
  preferred.set(action, found ?? null);
  return found;
}

function computePreferred(iam: IamKnowledge, action: IamAction): ResourceTypeArn | undefined {
  const formats = iam.service(action.service)?.resourceTypes ?? {};
  const candidates = action.resourceTypes.flatMap((r, index) => (formats[r.name] ? [{ ...r, index, format: formats[r.name] }] : []));
  const variables = (f: string) => (f.match(/\$\{/g) ?? []).length;
  candidates.sort(
    (a, b) => Number(b.required) - Number(a.required) || variables(a.format) - variables(b.format) || a.format.length - b.format.length || a.index - b.index,
  );
  const best = candidates[0];
  return best && { name: best.name, format: best.format };
}

/** `arn:${Partition}:s3:::${BucketName}/${ObjectName}` → `arn:aws:s3:::BUCKET_NAME/OBJECT_NAME`. */
export function placeholderArn(format: string): string {
  let arn = placeholders.get(format);
  if (arn === undefined) placeholders.set(format, (arn = computePlaceholderArn(format)));
  return arn;
}

/** Per ARN format of the IAM data (a bounded set, repeated in every finding on its type). */
const placeholders = new Map<string, string>();

function computePlaceholderArn(format: string): string {
  return format.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    if (name === 'Partition') return 'aws';
    if (/^Account(Id)?$/i.test(name)) return 'ACCOUNT_ID';
    return name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .toUpperCase();
  });
}
