// Hover over a CDK construct the guide covers (`new Bucket(...)`, `new Function(...)`,
// `new Table(...)`, `new Queue(...)`): the guide's checklist for it, each item ✓ or ✗ for this
// construct. An item backed by a rule takes the rule's verdict (the findings of the last analysis
// that fall on this construct), so platform defaults and unresolved values are judged exactly as
// the diagnostics judge them; an item no active rule checks is read off the props. A prop whose
// value the file does not show is "?" (unknown is never ✗).
import * as ts from '../engine/typescript/api';
import type { Finding } from '../engine/types';
import { constructOf, type ConstructKind } from '../engine/typescript/cdk';
import { parseTypeScript, TsFile, type ObjectProps } from '../engine/typescript/file';
import type { HoverResult } from './hover';

type ConstructType = 'bucket' | 'function' | 'table' | 'queue';

/** The L2 constructs of the CDK layer the guide has a checklist for (L1 `Cfn*` props differ). */
const LAYER_KINDS: Partial<Record<ConstructKind, ConstructType>> = { bucket: 'bucket', function: 'function', table: 'table', tableV2: 'table' };
/** Queues are not in the CDK layer (no rule needs them): recognized here by their export. */
const QUEUE = { module: 'aws-cdk-lib/aws-sqs', name: 'Queue' };

interface ChecklistItem {
  /** What the guide asks for. */
  label: string;
  /** The props that carry it (any of them present counts). */
  props: string[];
  /** The rule that checks it; its findings on the construct decide ✗. */
  rule?: string;
  /** The guide's code for it. */
  code: string;
}

interface Checklist {
  title: string;
  sections: string;
  snippet: string;
  items: ChecklistItem[];
}

const CHECKLISTS: Record<ConstructType, Checklist> = {
  bucket: {
    title: 'S3 bucket',
    sections: 'S3 / Secure Defaults, Cost Optimization',
    snippet: 'aws-s3-bucket',
    items: [
      { label: 'Public access blocked', props: ['blockPublicAccess', 'publicReadAccess'], rule: 's3-bucket-public-access', code: 'blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL' },
      { label: 'Encryption set', props: ['encryption', 'encryptionKey'], rule: 's3-bucket-encryption', code: 'encryption: s3.BucketEncryption.S3_MANAGED' },
      { label: 'TLS enforced', props: ['enforceSSL'], rule: 's3-bucket-enforce-ssl', code: 'enforceSSL: true' },
      { label: 'Versioned', props: ['versioned'], rule: 's3-bucket-versioning', code: 'versioned: true' },
      { label: 'Data kept when the stack is deleted', props: ['removalPolicy', 'autoDeleteObjects'], rule: 's3-bucket-destroy-on-delete', code: 'removalPolicy: RemovalPolicy.RETAIN' },
      { label: 'Lifecycle rules move old objects to cheaper storage', props: ['lifecycleRules'], rule: 's3-bucket-lifecycle', code: 'lifecycleRules: [{ transitions: [...], expiration: Duration.days(365) }]' },
    ],
  },
  function: {
    title: 'Lambda function',
    sections: 'Lambda / Timeouts and Memory, Dead Letter Queues, Cost Optimization',
    snippet: 'aws-lambda-function',
    items: [
      { label: 'Supported runtime', props: ['runtime'], rule: 'lambda-deprecated-runtime', code: 'runtime: lambda.Runtime.NODEJS_24_X' },
      { label: 'Timeout set explicitly', props: ['timeout'], rule: 'lambda-explicit-timeout', code: 'timeout: Duration.seconds(30)' },
      { label: 'Memory set explicitly', props: ['memorySize'], rule: 'lambda-explicit-memory', code: 'memorySize: 256' },
      { label: 'Concurrency reserved', props: ['reservedConcurrentExecutions'], rule: 'lambda-reserved-concurrency', code: 'reservedConcurrentExecutions: 10' },
      { label: 'Failed invocations captured', props: ['deadLetterQueue', 'deadLetterQueueEnabled', 'deadLetterTopic', 'onFailure'], rule: 'lambda-dead-letter-queue', code: 'deadLetterQueue: dlq, retryAttempts: 2' },
      { label: 'ARM64 for price/performance', props: ['architecture', 'architectures'], rule: 'lambda-arm64', code: 'architecture: lambda.Architecture.ARM_64' },
    ],
  },
  table: {
    title: 'DynamoDB table',
    sections: 'DynamoDB / Table Design, Cost Optimization',
    snippet: 'aws-dynamodb-table',
    items: [
      { label: 'Composite key (partition and sort key)', props: ['sortKey'], code: "sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING }" },
      { label: 'On-demand billing, or provisioned with autoscaling', props: ['billingMode', 'billing'], rule: 'dynamodb-provisioned-billing', code: 'billingMode: dynamodb.BillingMode.PAY_PER_REQUEST' },
      { label: 'Point-in-time recovery', props: ['pointInTimeRecoverySpecification', 'pointInTimeRecovery'], rule: 'dynamodb-point-in-time-recovery', code: 'pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }' },
      { label: 'Encryption set', props: ['encryption', 'encryptionKey'], rule: 'dynamodb-encryption', code: 'encryption: dynamodb.TableEncryption.AWS_MANAGED' },
    ],
  },
  queue: {
    title: 'SQS queue',
    sections: 'Lambda / Dead Letter Queues',
    snippet: 'aws-lambda-dlq',
    items: [{ label: 'Retention period set (a dead-letter queue keeps failures 14 days; the default is 4)', props: ['retentionPeriod'], code: 'retentionPeriod: Duration.days(14)' }],
  },
};

export interface ConstructHoverInput {
  text: string;
  offset: number;
  path: string;
  /** Findings of the last analysis of this text. */
  findings: readonly Finding[];
  /** Rules that ran (enabled for this file): an item of a rule that did not run is read off the props. */
  activeRules: ReadonlySet<string>;
  /** The text already parsed, when the caller has it. */
  sourceFile?: ts.SourceFile;
}

/** The checklist hover when the offset is on `new X` of a construct the guide covers. */
export function constructHover(input: ConstructHoverInput): HoverResult | undefined {
  const sf = input.sourceFile ?? parseTypeScript(input.path, input.text);
  const node = newExpressionAt(sf, input.offset);
  if (!node) return undefined;
  const file = new TsFile(sf);
  const recognized = recognize(file, node);
  if (!recognized) return undefined;
  const { type, props } = recognized;
  const propsUnknown = props === 'unknown';
  const args = node.arguments ?? [];
  const checklist = CHECKLISTS[type];
  const start = node.getStart(sf);
  const id = file.evaluate(args[1]);
  const lines = [`**${checklist.title}** ${id.kind === 'string' ? `\`${id.value}\` ` : ''}· the guide's checklist (${checklist.sections})`, ''];
  for (const item of checklist.items) {
    const state = propsUnknown ? 'unknown' : props === 'none' ? 'absent' : stateOf(props, item.props);
    const finding = item.rule && input.activeRules.has(item.rule) ? input.findings.find((f) => f.ruleId === item.rule && f.start >= start && f.end <= node.end) : undefined;
    let mark: string;
    let note = '';
    if (finding) {
      mark = '✗';
      note = ` — ${finding.message}`;
    } else if (state === 'unknown') {
      mark = '?';
      note = ' — set from a value this file does not show';
    } else if (item.rule && input.activeRules.has(item.rule)) {
      mark = '✓';
      // The rule is satisfied by the platform default (a CDK bucket is retained unless told otherwise).
      if (state === 'absent') note = ' — by default';
    } else {
      mark = state === 'present' ? '✓' : '✗';
    }
    lines.push(`- ${mark} ${item.label}: \`${item.code}\`${note}`);
  }
  lines.push('', `Snippet: \`${checklist.snippet}\``);
  return { markdown: lines.join('\n'), start, end: node.expression.end };
}

function recognize(file: TsFile, node: ts.NewExpression): { type: ConstructType; props: ObjectProps | 'none' | 'unknown' } | undefined {
  const c = constructOf(file, node);
  if (c) {
    const type = LAYER_KINDS[c.kind];
    return type ? { type, props: c.props } : undefined;
  }
  if (!file.isSymbol(node.expression, QUEUE.module, QUEUE.name)) return undefined;
  const args = node.arguments ?? [];
  if (args.length < 2 || args.some(ts.isSpreadElement)) return undefined;
  return { type: 'queue', props: args.length === 2 ? 'none' : (file.objectProps(args[2]) ?? 'unknown') };
}

function stateOf(props: ObjectProps, names: string[]): 'present' | 'absent' | 'unknown' {
  let unknown = false;
  for (const n of names) {
    const p = props.get(n);
    if (p === 'unknown') unknown = true;
    else if (p) return 'present';
  }
  return unknown ? 'unknown' : 'absent';
}

/** The `new X(...)` whose `new X` part holds the offset. */
function newExpressionAt(sf: ts.SourceFile, offset: number): ts.NewExpression | undefined {
  let found: ts.NewExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) > offset || n.end < offset) return;
    if (ts.isNewExpression(n) && offset <= n.expression.end) found = n;
    n.forEachChild(visit);
  };
  visit(sf);
  return found;
}
