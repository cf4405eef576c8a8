// The guide's ✅ patterns and the snippets that teach them. The snippets (snippets/*.json) are the
// current form of each pattern; hovers over a finding and the rule docs show them, and a test
// checks that every ✅ block of the guide maps to snippets that use what the block uses.
import typescriptSnippets from '../../../snippets/typescript.json';
import jsonSnippets from '../../../snippets/json.json';
import type { FileKind } from '../engine/types';
import { expandSnippet } from './snippet-syntax';

export interface Snippet {
  /** The key in the snippets file ("AWS: secure S3 bucket (CDK)"). */
  name: string;
  prefix: string;
  description: string;
  body: string[];
  kind: FileKind;
}

export interface GuidePattern {
  /** The guide's heading path, as rules name it in `meta.guide`: "S3 / Presigned URLs". */
  section: string;
  /** The ✅ comment that opens the block (or, for a block without one, its first comment). */
  marker: string;
  /** Prefixes of the snippets that teach this block, the first being the main one. */
  snippets: string[];
  /**
   * Words of the guide's block the snippets deliberately do not use, and why (stale API,
   * placeholder spelled differently...). The README's "where the snippets differ" lists these.
   */
  differences?: Record<string, string>;
  /** What the snippets add to the guide's block, and why. */
  additions?: string[];
}

type SnippetFile = Record<string, { prefix: string; description: string; body: string[] }>;

function load(file: SnippetFile, kind: FileKind): Snippet[] {
  return Object.entries(file).map(([name, s]) => ({ name, prefix: s.prefix, description: s.description, body: s.body, kind }));
}

export const snippets: readonly Snippet[] = [...load(typescriptSnippets, 'typescript'), ...load(jsonSnippets, 'json')];
const byPrefix = new Map(snippets.map((s) => [s.prefix, s]));

export function snippetByPrefix(prefix: string): Snippet | undefined {
  return byPrefix.get(prefix);
}

const NODE_RUNTIME =
  'Node.js 20 is deprecated in Lambda since 2026-04-30; the snippet offers NODEJS_24_X (deprecation 2028-04-30) and NODEJS_22_X (2027-04-30).';

export const guidePatterns: readonly GuidePattern[] = [
  { section: 'IAM / Least Privilege', marker: 'ALWAYS: Specific actions and resources', snippets: ['aws-iam-statement', 'aws-iam-policy', 'aws-iam-policy-statement'] },
  { section: 'IAM / Service Roles', marker: 'ALWAYS: Use IAM roles (SDK auto-discovers)', snippets: ['aws-sdk-client'] },
  {
    section: 'IAM / Cross-Account Access',
    marker: 'Trust policy for cross-account role assumption',
    snippets: ['aws-iam-trust-policy', 'aws-iam-cross-account-role'],
    differences: {
      OTHER_ACCOUNT: 'a tab stop with an example account ID (111122223333) instead of a word that is not an account ID',
      external_id: 'the guide writes a template variable `${external_id}`; the snippet has a tab stop for the external ID itself',
    },
  },
  {
    section: 'S3 / Secure Defaults',
    marker: 'Create buckets with secure defaults',
    snippets: ['aws-s3-bucket', 'aws-s3-bucket-policy-tls'],
    additions: ["The bucket also has the guide's lifecycle rules (Cost Optimization), so it draws no `s3-bucket-lifecycle` information."],
  },
  { section: 'S3 / Presigned URLs', marker: 'For temporary access without exposing credentials', snippets: ['aws-s3-presigned-get', 'aws-s3-presigned-put'] },
  { section: 'S3 / Multipart Uploads', marker: 'For files > 100MB', snippets: ['aws-s3-multipart-upload'] },
  {
    section: 'Lambda / Handler Pattern',
    marker: 'Initialize outside handler (reused across invocations)',
    snippets: ['aws-lambda-handler'],
    differences: {
      APIGatewayEvent: 'typed with `APIGatewayProxyEvent`/`APIGatewayProxyResult`, the names @types/aws-lambda documents (APIGatewayEvent is an alias)',
      ddb: 'the client variable is a tab stop named `client`, since the client class is a choice',
    },
  },
  {
    section: 'Lambda / Environment Variables',
    marker: 'Validate at cold start, not per-request',
    snippets: ['aws-lambda-env'],
  },
  {
    section: 'Lambda / Timeouts and Memory',
    marker: 'CDK configuration',
    snippets: ['aws-lambda-function', 'aws-lambda-nodejs-function'],
    differences: { NODEJS_20_X: NODE_RUNTIME },
    additions: [
      'The function also has `architecture: ARM_64` (Cost Optimization) and a dead-letter queue (Lambda / Dead Letter Queues), so one snippet satisfies every Lambda rule.',
      '`aws-lambda-nodejs-function` writes the same for `NodejsFunction` (aws-lambda-nodejs), which bundles TypeScript with esbuild and keeps source maps.',
    ],
  },
  { section: 'Lambda / Dead Letter Queues', marker: 'Capture failed invocations', snippets: ['aws-lambda-dlq', 'aws-lambda-function'] },
  {
    section: 'DynamoDB / Table Design',
    marker: 'Single-table design with composite keys',
    snippets: ['aws-dynamodb-table'],
    differences: {
      pointInTimeRecovery:
        '`pointInTimeRecovery: true` is deprecated since aws-cdk-lib 2.178.0; the snippet writes `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }`',
    },
  },
  { section: 'DynamoDB / Key Patterns', marker: 'Composite keys for flexible queries', snippets: ['aws-dynamodb-put-item', 'aws-dynamodb-query'] },
  { section: 'DynamoDB / Transactions', marker: 'Atomic operations across items', snippets: ['aws-dynamodb-transaction'] },
  {
    section: 'SQS / Producer Pattern',
    marker: 'Batch sends for efficiency',
    snippets: ['aws-sqs-send-batch'],
    additions: ['Each batch result is checked: `SendMessageBatch` succeeds even when some entries fail, and reports them in `Failed`.'],
  },
  {
    section: 'SQS / Consumer Pattern',
    marker: 'Lambda SQS trigger with partial batch response',
    snippets: ['aws-sqs-consumer', 'aws-sqs-event-source'],
    additions: ['`aws-sqs-event-source` writes the CDK side the handler needs: `reportBatchItemFailures: true`, without which Lambda ignores `batchItemFailures`.'],
  },
  {
    section: 'Secrets Manager',
    marker: "Cache secrets, don't fetch per-request",
    snippets: ['aws-secrets-cached'],
    additions: [
      'The secret ARN is read once at cold start and checked (Lambda / Environment Variables) instead of `process.env.SECRET_ARN` on each fetch.',
      'The cache expires after a TTL (5 minutes by default) so a rotated secret is picked up; `SecretString!` became an explicit check.',
    ],
  },
  {
    section: 'Error Handling',
    marker: 'Handle AWS-specific errors',
    snippets: ['aws-error-conditional-check', 'aws-error-s3-not-found'],
    additions: ["The guide's `ddb.put({ /* ... */, ConditionExpression })` does not parse; the snippet writes the put in full."],
  },
  { section: 'Cost Optimization', marker: 'Use appropriate storage classes', snippets: ['aws-s3-lifecycle', 'aws-s3-bucket'] },
  { section: 'Cost Optimization', marker: 'DynamoDB on-demand for unpredictable workloads', snippets: ['aws-dynamodb-on-demand', 'aws-dynamodb-table'] },
  { section: 'Cost Optimization', marker: 'Lambda ARM64 for better price/performance', snippets: ['aws-lambda-arm64', 'aws-lambda-function'] },
  { section: 'Testing', marker: 'Use local emulators for unit tests', snippets: ['aws-dynamodb-local-client'] },
  { section: 'Testing', marker: 'Or use mocks', snippets: ['aws-sdk-mock'] },
];

/**
 * Where a guide section holds several patterns, the ones that cure a rule's findings. Rules not
 * listed get the first pattern of their section.
 */
const RULE_SNIPPETS: Record<string, string[]> = {
  'iam-hardcoded-credentials': ['aws-sdk-client'],
  's3-presigned-put-unconstrained': ['aws-s3-presigned-put'],
  's3-bucket-lifecycle': ['aws-s3-lifecycle'],
  'lambda-dead-letter-queue': ['aws-lambda-dlq'],
  'lambda-arm64': ['aws-lambda-arm64'],
  'dynamodb-provisioned-billing': ['aws-dynamodb-on-demand'],
  'dynamodb-scan': ['aws-dynamodb-query'],
  'sqs-partial-batch-failures': ['aws-sqs-consumer', 'aws-sqs-event-source'],
  'error-v2-code-check': ['aws-error-s3-not-found'],
  'hardcoded-local-endpoint': ['aws-dynamodb-local-client'],
};

/** "IAM / Least Privilege", "iam/least privilege" and "Least Privilege" compare equal to their full form. */
function sectionKey(section: string): string {
  return section
    .split('/')
    .map((p) => p.trim().toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim())
    .filter(Boolean)
    .join('/');
}

export function patternsOfSection(section: string): GuidePattern[] {
  const key = sectionKey(section);
  if (!key) return [];
  const exact = guidePatterns.filter((p) => sectionKey(p.section) === key);
  if (exact.length) return exact;
  // A rule may name only the subsection ("Presigned URLs").
  return guidePatterns.filter((p) => sectionKey(p.section).endsWith(`/${key}`));
}

/**
 * The snippets that show the ✅ pattern curing a rule's findings: those listed for the rule,
 * else the main snippet of its guide section's first pattern; in the file's language when the
 * pattern has one.
 */
export function snippetsForRule(ruleId: string, guideSection: string, kind?: FileKind): Snippet[] {
  const listed = RULE_SNIPPETS[ruleId];
  const candidates = listed ?? patternsOfSection(guideSection).flatMap((p) => p.snippets);
  const found = candidates.map((p) => byPrefix.get(p)).filter((s): s is Snippet => !!s);
  if (found.length === 0) return [];
  const sameKind = kind ? found.filter((s) => s.kind === kind) : found;
  if (listed) return sameKind.length ? sameKind : found;
  return [sameKind[0] ?? found[0]];
}

/** The snippet's code as inserted with every default accepted. */
export function snippetCode(snippet: Snippet): string {
  return expandSnippet(snippet.body).replace(/\s+$/, '');
}

/** The guide section's anchor as GitHub renders it ("S3 / Presigned URLs" → "presigned-urls"). */
export function guideAnchor(section: string): string {
  const last = section.split('/').pop()!.trim();
  return last
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}
