// How a generated CDK file spells its imports and references: the many shapes real stacks take
// (namespace imports, named imports, `aws_s3 as s3`, `cdk.aws_s3.Bucket`, require, CDK v1).
// The body is generated first; `header()` then writes exactly the imports the body used.

export type CdkModule =
  | 'core' | 's3' | 'lambda' | 'nodejs' | 'dynamodb' | 'sqs' | 'sns' | 'subs' | 'iam' | 'events' | 'targets'
  | 'sources' | 's3n' | 'logs' | 'apigw' | 'kms';

interface ModuleSpelling {
  v2: string;
  v1: string;
  /** The usual namespace alias. */
  ns: string;
}

const MODULES: Record<CdkModule, ModuleSpelling> = {
  core: { v2: 'aws-cdk-lib', v1: '@aws-cdk/core', ns: 'cdk' },
  s3: { v2: 'aws-cdk-lib/aws-s3', v1: '@aws-cdk/aws-s3', ns: 's3' },
  lambda: { v2: 'aws-cdk-lib/aws-lambda', v1: '@aws-cdk/aws-lambda', ns: 'lambda' },
  nodejs: { v2: 'aws-cdk-lib/aws-lambda-nodejs', v1: '@aws-cdk/aws-lambda-nodejs', ns: 'nodejs' },
  dynamodb: { v2: 'aws-cdk-lib/aws-dynamodb', v1: '@aws-cdk/aws-dynamodb', ns: 'dynamodb' },
  sqs: { v2: 'aws-cdk-lib/aws-sqs', v1: '@aws-cdk/aws-sqs', ns: 'sqs' },
  sns: { v2: 'aws-cdk-lib/aws-sns', v1: '@aws-cdk/aws-sns', ns: 'sns' },
  subs: { v2: 'aws-cdk-lib/aws-sns-subscriptions', v1: '@aws-cdk/aws-sns-subscriptions', ns: 'subs' },
  iam: { v2: 'aws-cdk-lib/aws-iam', v1: '@aws-cdk/aws-iam', ns: 'iam' },
  events: { v2: 'aws-cdk-lib/aws-events', v1: '@aws-cdk/aws-events', ns: 'events' },
  targets: { v2: 'aws-cdk-lib/aws-events-targets', v1: '@aws-cdk/aws-events-targets', ns: 'targets' },
  sources: { v2: 'aws-cdk-lib/aws-lambda-event-sources', v1: '@aws-cdk/aws-lambda-event-sources', ns: 'eventsources' },
  s3n: { v2: 'aws-cdk-lib/aws-s3-notifications', v1: '@aws-cdk/aws-s3-notifications', ns: 's3n' },
  logs: { v2: 'aws-cdk-lib/aws-logs', v1: '@aws-cdk/aws-logs', ns: 'logs' },
  apigw: { v2: 'aws-cdk-lib/aws-apigateway', v1: '@aws-cdk/aws-apigateway', ns: 'apigw' },
  kms: { v2: 'aws-cdk-lib/aws-kms', v1: '@aws-cdk/aws-kms', ns: 'kms' },
};

/** Named imports that would shadow a global or each other get the alias real code gives them. */
const NAMED_ALIASES: Record<string, string> = { Function: 'LambdaFunction', Rule: 'EventRule', Topic: 'SnsTopic', LambdaFunction: 'LambdaTarget' };

export type ImportStyle = 'namespace' | 'named' | 'awsUnderscore' | 'cdkNamespace' | 'require' | 'requireNamed' | 'v1';

export class CdkNames {
  private readonly used = new Map<CdkModule, Set<string>>();

  constructor(
    readonly style: ImportStyle,
    readonly js: boolean,
  ) {}

  /** The expression naming `name` of module `mod` in this file's style, e.g. `s3.Bucket`. */
  ref(mod: CdkModule, name: string): string {
    let set = this.used.get(mod);
    if (!set) this.used.set(mod, (set = new Set()));
    set.add(name);
    const m = MODULES[mod];
    switch (this.style) {
      case 'named':
      case 'requireNamed':
        return mod === 'core' ? name : (NAMED_ALIASES[name] ?? name);
      case 'awsUnderscore':
        return mod === 'core' ? name : `${m.ns}.${name}`;
      case 'cdkNamespace':
        return mod === 'core' ? `cdk.${name}` : `cdk.${m.v2.slice('aws-cdk-lib/'.length).replace(/-/g, '_')}.${name}`;
      default:
        return `${m.ns}.${name}`;
    }
  }

  /** The construct scope type (`Construct` from `constructs`, or `cdk.Construct` in CDK v1). */
  constructType(): string {
    if (this.style === 'v1') return this.ref('core', 'Construct');
    this.usesConstructs = true;
    return 'Construct';
  }

  private usesConstructs = false;

  header(): string {
    const lines: string[] = [];
    const mods = [...this.used.keys()].sort((a, b) => (a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b)));
    const names = (mod: CdkModule) => [...this.used.get(mod)!].sort();
    for (const mod of mods) {
      const m = MODULES[mod];
      switch (this.style) {
        case 'namespace':
          lines.push(`import * as ${m.ns} from '${m.v2}';`);
          break;
        case 'v1':
          lines.push(`import * as ${m.ns} from '${m.v1}';`);
          break;
        case 'named':
          lines.push(`import { ${names(mod).map((n) => (mod !== 'core' && NAMED_ALIASES[n] ? `${n} as ${NAMED_ALIASES[n]}` : n)).join(', ')} } from '${m.v2}';`);
          break;
        case 'require':
          lines.push(`const ${m.ns} = require('${m.v2}');`);
          break;
        case 'requireNamed':
          lines.push(`const { ${names(mod).map((n) => (mod !== 'core' && NAMED_ALIASES[n] ? `${n}: ${NAMED_ALIASES[n]}` : n)).join(', ')} } = require('${m.v2}');`);
          break;
        case 'cdkNamespace':
        case 'awsUnderscore':
          break;
      }
    }
    if (this.style === 'awsUnderscore') {
      const parts = [...(this.used.get('core') ?? [])].sort();
      for (const mod of mods) if (mod !== 'core') parts.push(`aws_${MODULES[mod].v2.slice('aws-cdk-lib/aws-'.length).replace(/-/g, '_')} as ${MODULES[mod].ns}`);
      lines.push(`import { ${parts.join(', ')} } from 'aws-cdk-lib';`);
    }
    if (this.style === 'cdkNamespace') lines.push(`import * as cdk from 'aws-cdk-lib';`);
    const required = this.style === 'require' || this.style === 'requireNamed';
    if (this.usesConstructs) lines.push(required ? `const { Construct } = require('constructs');` : `import { Construct } from 'constructs';`);
    return lines.join('\n');
  }
}
