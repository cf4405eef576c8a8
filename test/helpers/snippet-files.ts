// Turns each snippet, expanded with its defaults, into a whole file of its language, so the real
// engine can parse and analyze it. Most TypeScript snippets are fragments meant for a place in an
// existing file; each is put in the smallest file where that place exists, with the imports and
// clients it refers to bound, so the rules resolve its names as they would in a real project
// (an unbound `s3.Bucket` would make every CDK rule stay silent, and the test prove nothing).
import * as ts from 'typescript';
import { snippetByPrefix, type Snippet } from '../../server/src/features/patterns';
import { expandSnippet } from '../../server/src/features/snippet-syntax';

export type SnippetContext =
  /** A whole module as the snippet writes it (it carries its own imports). */
  | { kind: 'module' }
  /** Statements or an expression inside a CDK stack's constructor (`this` is the stack). */
  | { kind: 'stack'; expression?: boolean }
  /** Statements inside a Lambda handler: the request path, where the handler rules look hardest. */
  | { kind: 'handler' }
  /** Properties of a construct's props: put in place of the same properties of a full snippet. */
  | { kind: 'props'; host: string }
  /** A JSON policy statement, put in a policy document's Statement array. */
  | { kind: 'statement' }
  /** A whole JSON document. */
  | { kind: 'document' };

/** Where each snippet is meant to be inserted. A new snippet must be added here (a test checks). */
export const snippetContexts: Record<string, SnippetContext> = {
  'aws-iam-policy-statement': { kind: 'stack', expression: true },
  'aws-sdk-client': { kind: 'module' },
  'aws-iam-cross-account-role': { kind: 'stack' },
  'aws-s3-bucket': { kind: 'stack' },
  'aws-s3-presigned-get': { kind: 'handler' },
  'aws-s3-presigned-put': { kind: 'handler' },
  'aws-s3-multipart-upload': { kind: 'handler' },
  'aws-s3-lifecycle': { kind: 'props', host: 'aws-s3-bucket' },
  'aws-lambda-handler': { kind: 'module' },
  'aws-lambda-env': { kind: 'module' },
  'aws-lambda-function': { kind: 'stack' },
  'aws-lambda-nodejs-function': { kind: 'stack' },
  'aws-lambda-dlq': { kind: 'props', host: 'aws-lambda-function' },
  'aws-lambda-arm64': { kind: 'props', host: 'aws-lambda-function' },
  'aws-dynamodb-table': { kind: 'stack' },
  'aws-dynamodb-on-demand': { kind: 'props', host: 'aws-dynamodb-table' },
  'aws-dynamodb-put-item': { kind: 'handler' },
  'aws-dynamodb-query': { kind: 'handler' },
  'aws-dynamodb-transaction': { kind: 'handler' },
  'aws-sqs-send-batch': { kind: 'handler' },
  'aws-sqs-consumer': { kind: 'module' },
  'aws-sqs-event-source': { kind: 'stack' },
  'aws-secrets-cached': { kind: 'module' },
  'aws-error-conditional-check': { kind: 'handler' },
  'aws-error-s3-not-found': { kind: 'handler' },
  'aws-dynamodb-local-client': { kind: 'module' },
  'aws-sdk-mock': { kind: 'module' },
  'aws-iam-policy': { kind: 'document' },
  'aws-iam-statement': { kind: 'statement' },
  'aws-iam-trust-policy': { kind: 'document' },
  'aws-s3-bucket-policy-tls': { kind: 'document' },
};

const STACK_BEFORE = `import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export class SnippetStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
`;
const STACK_AFTER = `
  }
}
`;

// The clients the fragments call, created once at module scope and configured from environment
// variables checked at cold start: the guide's own handler pattern.
const HANDLER_BEFORE = `import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { APIGatewayProxyEvent } from 'aws-lambda';

const TABLE_NAME = process.env.TABLE_NAME;
const QUEUE_URL = process.env.QUEUE_URL;
if (!TABLE_NAME || !QUEUE_URL) {
  throw new Error('Missing required environment variables');
}

const s3Client = new S3Client({});
const s3 = new S3({});
const ddb = DynamoDBDocument.from(new DynamoDBClient({}));
const sqs = new SQSClient({});

export const handler = async (event: APIGatewayProxyEvent) => {
`;
const HANDLER_AFTER = `
};
`;

export interface SnippetFile {
  path: string;
  text: string;
  /** Where the snippet's own text sits in the file. */
  start: number;
  end: number;
}

export function snippetFile(snippet: Snippet, ext: string): SnippetFile {
  const context = snippetContexts[snippet.prefix];
  if (!context) throw new Error(`snippet ${snippet.prefix} has no context in test/helpers/snippet-files.ts`);
  const code = expandSnippet(snippet.body, { TM_FILENAME: `snippet.${ext}`, TM_FILENAME_BASE: 'snippet' });
  const path = `snippets/${snippet.prefix}.${ext}`;
  const around = (before: string, middle: string, after: string): SnippetFile => ({
    path,
    text: before + middle + after,
    start: before.length,
    end: before.length + middle.length,
  });
  switch (context.kind) {
    case 'module':
    case 'document':
      return around('', code, '');
    case 'stack':
      return context.expression ? around(`${STACK_BEFORE}const snippet = `, code, `;${STACK_AFTER}`) : around(STACK_BEFORE, code, STACK_AFTER);
    case 'handler':
      return around(HANDLER_BEFORE, code, HANDLER_AFTER);
    case 'statement':
      return around('{\n  "Version": "2012-10-17",\n  "Statement": [\n', code, '\n  ]\n}\n');
    case 'props': {
      const host = snippetByPrefix(context.host);
      if (!host) throw new Error(`no host snippet ${context.host}`);
      return { path, ...replaceProperties(snippetFile(host, ext).text, code) };
    }
  }
}

/**
 * Puts a properties fragment in place of the same-named properties of the host's object literals
 * (`architecture: …` replaces the host's `architecture: …`), so the fragment is what satisfies
 * the rules that would flag their absence.
 */
function replaceProperties(hostText: string, fragment: string): { text: string; start: number; end: number } {
  const fragmentFile = ts.createSourceFile('f.ts', `({\n${fragment}\n})`, ts.ScriptTarget.Latest, true);
  const literal = (fragmentFile.statements[0] as ts.ExpressionStatement).expression as ts.ParenthesizedExpression;
  const names = (literal.expression as ts.ObjectLiteralExpression).properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''));
  const host = ts.createSourceFile('h.ts', hostText, ts.ScriptTarget.Latest, true);
  const lineStart = (o: number) => hostText.lastIndexOf('\n', o - 1) + 1;
  const lineEnd = (o: number) => {
    const nl = hostText.indexOf('\n', o);
    return nl < 0 ? hostText.length : nl + 1;
  };
  // Whole lines of each replaced property (its trailing comma and comment belong to it).
  const ranges: { start: number; end: number; name: string }[] = [];
  host.forEachChild(function visit(n): void {
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && names.includes(n.name.text) && ts.isObjectLiteralExpression(n.parent) && ts.isNewExpression(n.parent.parent)) {
      ranges.push({ start: lineStart(n.getStart(host)), end: lineEnd(n.end), name: n.name.text });
    }
    n.forEachChild(visit);
  });
  for (const name of names) if (!ranges.some((r) => r.name === name)) throw new Error(`the host has no property ${name} to replace`);
  ranges.sort((a, b) => a.start - b.start);
  const first = ranges[0].start;
  const indent = /^[ \t]*/.exec(hostText.slice(first))![0];
  const inserted = indent + fragment.replace(/\n/g, `\n${indent}`) + '\n';
  let text = hostText;
  for (const r of [...ranges].reverse()) text = text.slice(0, r.start) + (r.start === first ? inserted : '') + text.slice(r.end);
  return { text, start: first + indent.length, end: first + inserted.length - 1 };
}
