// Which JSON files hold IAM policies, and where: a policy document at the top level (identity,
// trust or resource policy), or policies nested in a CloudFormation template's resources.
import type { Node } from 'jsonc-parser';
import type { PolicyKind } from '../policy/model';

export interface PolicyDocumentSite {
  /** The object holding `Statement`. */
  node: Node;
  /** Forced kind (a role's AssumeRolePolicyDocument is a trust policy), or 'auto' (decided per statement). */
  kind: PolicyKind | 'auto';
  /** CloudFormation logical ID and type, when the policy sits in a template. */
  resource?: { logicalId: string; type: string };
}

export function property(node: Node | undefined, name: string): Node | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  for (const prop of node.children) {
    const k = prop.children?.[0];
    const v = prop.children?.[1];
    if (k && v && keyIs(k, name)) return v;
  }
  return undefined;
}

/**
 * Whether a property key is `name`, ignoring case as IAM does. The key as written (`Action`) is
 * tried first and a key of another length is never lower-cased: statement building looks up a
 * dozen keys per statement and used to lower-case every key for each.
 */
export function keyIs(key: Node, name: string): boolean {
  const k: unknown = key.value;
  if (k === name) return true;
  const s = String(k);
  return s.length === name.length && s.toLowerCase() === name.toLowerCase();
}

const STATEMENT_KEYS = new Set(['sid', 'effect', 'action', 'notaction', 'resource', 'notresource', 'principal', 'notprincipal', 'condition']);

/**
 * An IAM statement, or something that may produce one: an object with statement keys, an empty
 * object (legal, if useless), or a CloudFormation intrinsic (`{"Fn::If": [...]}`). This keeps out
 * other things called "Statement", such as AWS WAF rule statements (`{"ByteMatchStatement": ...}`).
 */
function mayBeStatement(node: Node): boolean {
  if (node.type !== 'object') return false;
  const keys = (node.children ?? []).map((p) => String(p.children?.[0]?.value ?? ''));
  return keys.length === 0 || keys.some((k) => STATEMENT_KEYS.has(k.toLowerCase())) || (keys.length === 1 && keys[0].startsWith('Fn::'));
}

export function isPolicyDocument(node: Node | undefined): boolean {
  const statement = property(node, 'Statement');
  if (!statement) return false;
  if (statement.type === 'object') return mayBeStatement(statement);
  if (statement.type !== 'array') return false;
  const items = statement.children ?? [];
  return items.length === 0 || items.some(mayBeStatement);
}

export function isCloudFormationTemplate(root: Node): boolean {
  const resources = property(root, 'Resources');
  if (!resources || resources.type !== 'object') return false;
  return (resources.children ?? []).some((r) => {
    const type = property(r.children?.[1], 'Type');
    return type?.type === 'string' && /^(AWS|Custom|Alexa)::/.test(String(type.value));
  });
}

/** Property names that hold a role's trust policy. */
const TRUST_PROPERTIES = new Set(['assumerolepolicydocument']);

/**
 * Keys under which other JSON files hold a policy document: the AWS CLI's output
 * (`aws iam get-role` → Role.AssumeRolePolicyDocument, `get-role-policy` → PolicyDocument,
 * `get-policy-version` → PolicyVersion.Document, `kms get-key-policy` → Policy as an object).
 */
const WRAPPER_KEYS = new Set(['policydocument', 'assumerolepolicydocument', 'document', 'policy', 'keypolicy', 'resourcepolicy', 'accesspolicy', 'trustpolicy']);

/**
 * A standalone policy file that a path names as a VPC endpoint policy (`vpc_endpoint_policies/s3.json`,
 * `vpce-policy.json`, `s3-endpoint-policy.json`). Such files hold no CloudFormation type to tell
 * them apart, and their `Principal: "*"` / `Action: "*"` statements limit what passes through an
 * endpoint rather than grant anything; a folder or file name is how repositories say what they are.
 */
export function isEndpointPolicyPath(path: string): boolean {
  // The file name and the two folders above it: a checkout's own location says nothing.
  const near = path.split(/[\\/]/).slice(-3).join('/');
  return /(^|[/_. -])((vpc[_ -]?endpoints?|vpces?)([/_. -]|$)|endpoint[_ -]?polic(y|ies))/i.test(near);
}

export function findPolicyDocuments(root: Node): PolicyDocumentSite[] {
  if (isPolicyDocument(root)) return [{ node: root, kind: 'auto' }];
  if (!isCloudFormationTemplate(root)) {
    const wrapped: PolicyDocumentSite[] = [];
    collect(root, 0, undefined, undefined, wrapped, WRAPPER_KEYS);
    return wrapped;
  }
  const sites: PolicyDocumentSite[] = [];
  for (const res of property(root, 'Resources')?.children ?? []) {
    const [idNode, body] = res.children ?? [];
    const type = property(body, 'Type');
    const props = property(body, 'Properties');
    if (!idNode || !props || type?.type !== 'string') continue;
    const resource = { logicalId: String(idNode.value), type: String(type.value) };
    collect(props, 0, undefined, resource, sites);
  }
  return sites;
}

// Policies sit at most a few levels below Properties (Policies[].PolicyDocument is the deepest
// common one); a bounded search finds every resource type's policy without a type table.
function collect(node: Node, depth: number, key: string | undefined, resource: PolicyDocumentSite['resource'], out: PolicyDocumentSite[], onlyUnder?: ReadonlySet<string>): void {
  if (depth > 4) return;
  if (node.type === 'object') {
    if (isPolicyDocument(node) && (!onlyUnder || (key !== undefined && onlyUnder.has(key.toLowerCase())))) {
      out.push({ node, kind: key && TRUST_PROPERTIES.has(key.toLowerCase()) ? 'trust' : 'auto', resource });
      return;
    }
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (k && v && !String(k.value).startsWith('Fn::')) collect(v, depth + 1, String(k.value), resource, out, onlyUnder);
    }
  } else if (node.type === 'array') {
    for (const child of node.children ?? []) collect(child, depth + 1, key, resource, out, onlyUnder);
  }
}
