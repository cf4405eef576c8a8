// AWS SDK usage, recognized through the file's imports: SDK v3 clients (`@aws-sdk/client-*`,
// `DynamoDBDocumentClient.from(...)`), commands and where they are sent (`client.send(new
// XCommand(...))`), aggregated client methods (`ddb.put(...)`, `s3.getObject(...)`), paginators,
// presigners and `Upload`; and legacy SDK v2 (`new AWS.SQS()`, `aws-sdk/clients/sqs`,
// `sqs.sendMessage(...).promise()`), since the handler rules apply to it too. Results are memoized
// per node, so every rule asking about the same call shares one answer.
import * as ts from './api';
import { normalizeRef, requireTarget, unwrap, type SymbolRef } from './bindings';
import type { TsFile } from './file';

export type SdkVersion = 2 | 3;

export interface SdkClientClass {
  version: SdkVersion;
  /** Service key, lower-case letters and digits: `sqs`, `s3`, `dynamodb`, `secretsmanager`. */
  service: string;
  /** `SQSClient`, `SQS`, `DynamoDBDocumentClient`, `DocumentClient`... */
  className: string;
  /** A DynamoDB document client (the marshalling wrapper). */
  document: boolean;
}

export interface SdkClientConstruction extends SdkClientClass {
  /** `new SQSClient(config)`, `DynamoDBDocumentClient.from(client)`, `new AWS.SQS()`. */
  node: ts.NewExpression | ts.CallExpression;
  /** The configuration argument, if any (`{ region, endpoint }`). */
  config: ts.Expression | undefined;
}

export interface SdkCommand {
  service: string;
  /** `SendMessage` for `SendMessageCommand`; `Put` for lib-dynamodb's `PutCommand`. */
  operation: string;
  /** The export name: `SendMessageCommand`. */
  name: string;
  /** `@aws-sdk/client-sqs`. */
  module: string;
  node: ts.NewExpression;
  input: ts.Expression | undefined;
}

export interface SdkOperation {
  version: SdkVersion;
  service: string;
  operation: string;
  /** The call that performs it: `client.send(...)`, `sqs.sendMessage(...)`, `paginateScan(...)`. */
  call: ts.CallExpression;
  /** The request parameters (`{ QueueUrl, MessageBody }`), when written. */
  input: ts.Expression | undefined;
  command?: SdkCommand;
  style: 'command' | 'method' | 'paginator';
}

export interface PresignCall {
  version: SdkVersion;
  call: ts.CallExpression;
  /** `GetObject`, `PutObject`... when known. */
  operation: string | undefined;
  /** v3: the command argument as written. */
  commandArg?: ts.Expression;
  command?: SdkCommand;
  /** The request parameters: the v3 command's input, or v2's `{ Bucket, Key, Expires }`. */
  params: ts.Expression | undefined;
  /** Where the expiry is set: v3 `{ expiresIn }` options, v2 params, presigned POST params. */
  expiry: { holder: ts.Expression | undefined; property: 'expiresIn' | 'Expires'; defaultSeconds: number };
}

const V2_NON_CLIENTS = new Set([
  'Config', 'Endpoint', 'EventListeners', 'HttpClient', 'HttpRequest', 'HttpResponse', 'MetadataService', 'Request',
  'Response', 'SequentialExecutor', 'Service', 'Signers', 'Token', 'TokenProviderChain', 'CredentialProviderChain',
  'ParamValidator', 'Waiter', 'ResourceWaiter', 'Promise', 'JSON', 'XML', 'Model', 'IniLoader', 'STS_REGIONAL',
]);
/** Methods of a client object that are not service operations. */
const NOT_OPERATIONS = new Set([
  'send', 'destroy', 'config', 'middlewareStack', 'promise', 'on', 'makeRequest', 'makeUnauthenticatedRequest',
  'waitFor', 'getSignedUrl', 'getSignedUrlPromise', 'createPresignedPost', 'setupRequestListeners', 'upload',
  'then', 'catch', 'finally', 'bind', 'call', 'apply', 'createSet', 'constructor', 'toString',
]);

/** Service key of a module suffix or class name: `secrets-manager` and `SecretsManager` → `secretsmanager`. */
export function serviceKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The SDK v3 module a ref comes from: `client` or `lib` and the service key. */
function v3Module(module: string): { kind: 'client' | 'lib'; service: string } | undefined {
  const m = /^@aws-sdk\/(client|lib)-([a-z0-9-]+)$/.exec(module);
  if (!m) return undefined;
  const lib = m[2] === 'storage' ? 's3' : m[2];
  return { kind: m[1] as 'client' | 'lib', service: serviceKey(lib) };
}

/** The client class a module export is, if it is one. */
export function clientClassOf(ref: SymbolRef | undefined): SdkClientClass | undefined {
  if (!ref) return undefined;
  const v3 = v3Module(ref.module);
  if (v3 && ref.path.length === 1) {
    const name = ref.path[0];
    if (v3.kind === 'lib') {
      return name === 'DynamoDBDocumentClient' || name === 'DynamoDBDocument'
        ? { version: 3, service: 'dynamodb', className: name, document: true }
        : undefined;
    }
    if ((name.endsWith('Client') && /^[A-Z]/.test(name)) || serviceKey(name) === v3.service) return { version: 3, service: v3.service, className: name, document: false };
    return undefined;
  }
  if (ref.module === 'aws-sdk') {
    const [svc, member] = ref.path;
    if (ref.path.length === 2 && svc === 'DynamoDB' && member === 'DocumentClient') return { version: 2, service: 'dynamodb', className: 'DocumentClient', document: true };
    if (ref.path.length === 1 && /^[A-Z]/.test(svc) && !V2_NON_CLIENTS.has(svc) && !/Credentials$/.test(svc)) return { version: 2, service: serviceKey(svc), className: svc, document: false };
    return undefined;
  }
  const clients = /^aws-sdk\/clients\/([a-z0-9]+)$/.exec(ref.module);
  if (clients) {
    if (ref.path.length === 0) return { version: 2, service: clients[1], className: clients[1], document: false };
    if (ref.path.length === 1 && ref.path[0] === 'DocumentClient' && clients[1] === 'dynamodb') return { version: 2, service: 'dynamodb', className: 'DocumentClient', document: true };
  }
  return undefined;
}

/** The file's sdk facts, computed once per analysis (kept on the file: see `TsFile.memo`). */
export function sdkFacts(file: TsFile): SdkFacts {
  const memo = file.memo<'facts', SdkFacts>(sdkFacts);
  let facts = memo.get('facts');
  if (!facts) memo.set('facts', (facts = new SdkFacts(file)));
  return facts;
}

/**
 * The gate of the SDK rules (`meta.gate`): SDK clients and commands are only recognized through an
 * import or require of `@aws-sdk/...` or `aws-sdk`, so a file that never names one has none.
 */
export const SDK_GATE = /aws-sdk/;

export class SdkFacts {
  private readonly operations = new Map<ts.Node, SdkOperation | null>();
  private readonly clients = new Map<ts.Node, SdkClientClass | null>();

  constructor(readonly file: TsFile) {}

  /** `new SQSClient(...)`, `new AWS.SQS()`, `DynamoDBDocumentClient.from(...)`. */
  clientConstruction(node: ts.Node): SdkClientConstruction | undefined {
    if (ts.isNewExpression(node)) {
      const cls = clientClassOf(this.refOf(node.expression));
      return cls && { ...cls, node, config: node.arguments?.[0] };
    }
    if (ts.isCallExpression(node)) {
      const ref = this.file.symbolOf(node.expression);
      if (ref && ref.path.length === 2 && ref.path[1] === 'from') {
        const cls = clientClassOf({ module: ref.module, path: [ref.path[0]] });
        if (cls?.document && cls.version === 3) return { ...cls, node, config: node.arguments[1] };
      }
    }
    return undefined;
  }

  /** The command an expression constructs, directly or through a `const`. */
  commandOf(expr: ts.Expression | undefined): SdkCommand | undefined {
    if (!expr) return undefined;
    const e = this.file.resolveExpression(expr);
    if (!e || !ts.isNewExpression(e)) return undefined;
    const ref = this.file.symbolOf(e.expression);
    if (!ref || ref.path.length !== 1) return undefined;
    const mod = v3Module(ref.module);
    const name = ref.path[0];
    if (!mod || !/^[A-Z]\w*Command$/.test(name)) return undefined;
    return { service: mod.service, operation: name.slice(0, -'Command'.length), name, module: ref.module, node: e, input: e.arguments?.[0] };
  }

  /** The client class an expression holds: a construction, a variable, a typed parameter, `this.client`. */
  clientOf(expr: ts.Expression): SdkClientClass | undefined {
    const memo = this.clients.get(expr);
    if (memo !== undefined) return memo ?? undefined;
    this.clients.set(expr, null);
    const found = this.computeClientOf(expr, 0);
    this.clients.set(expr, found ?? null);
    return found;
  }

  /** The SDK operation a call performs, if any. */
  operationOf(call: ts.CallExpression): SdkOperation | undefined {
    const memo = this.operations.get(call);
    if (memo !== undefined) return memo ?? undefined;
    const found = this.computeOperation(call);
    this.operations.set(call, found ?? null);
    return found;
  }

  /** `getSignedUrl(client, command, { expiresIn })`, `createPresignedPost(...)`, v2 `s3.getSignedUrl('putObject', params)`. */
  presignOf(call: ts.CallExpression): PresignCall | undefined {
    const callee = unwrap(call.expression);
    const ref = this.file.symbolOf(callee);
    if (ref && ref.module === '@aws-sdk/s3-request-presigner' && ref.path.length === 1 && ref.path[0] === 'getSignedUrl') {
      const commandArg = call.arguments[1];
      const command = this.commandOf(commandArg);
      if (command && command.service !== 's3') return undefined;
      return {
        version: 3,
        call,
        operation: command?.operation,
        commandArg,
        command,
        params: command?.input,
        expiry: { holder: call.arguments[2], property: 'expiresIn', defaultSeconds: 900 },
      };
    }
    if (ref && ref.module === '@aws-sdk/s3-presigned-post' && ref.path.length === 1 && ref.path[0] === 'createPresignedPost') {
      return { version: 3, call, operation: undefined, params: call.arguments[1], expiry: { holder: call.arguments[1], property: 'Expires', defaultSeconds: 3600 } };
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method !== 'getSignedUrl' && method !== 'getSignedUrlPromise' && method !== 'createPresignedPost') return undefined;
      const client = this.clientOf(callee.expression);
      if (!client || client.version !== 2 || client.service !== 's3') return undefined;
      if (method === 'createPresignedPost') {
        return { version: 2, call, operation: undefined, params: call.arguments[0], expiry: { holder: call.arguments[0], property: 'Expires', defaultSeconds: 3600 } };
      }
      const op = this.file.evaluate(call.arguments[0]);
      const operation = op.kind === 'string' ? op.value.charAt(0).toUpperCase() + op.value.slice(1) : undefined;
      return { version: 2, call, operation, params: call.arguments[1], expiry: { holder: call.arguments[1], property: 'Expires', defaultSeconds: 900 } };
    }
    return undefined;
  }

  /** `new Upload({ client, params, ... })` from `@aws-sdk/lib-storage`. */
  isUpload(node: ts.NewExpression): boolean {
    return this.file.isSymbol(node.expression, '@aws-sdk/lib-storage', 'Upload');
  }

  /** A call that talks to AWS through SDK v3 (where thrown errors are v3 `ServiceException`s). */
  isV3Call(call: ts.CallExpression): boolean {
    const op = this.operationOf(call);
    if (op) return op.version === 3;
    const callee = unwrap(call.expression);
    // `await upload.done()` on a lib-storage Upload.
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'done') {
      const target = this.file.resolveExpression(callee.expression);
      return !!target && ts.isNewExpression(target) && this.isUpload(target);
    }
    return !!this.presignOf(call) && this.presignOf(call)!.version === 3;
  }

  /** A call that talks to AWS through SDK v2 (`.promise()`, callbacks), or a `.promise()` on one. */
  isV2Call(call: ts.CallExpression): boolean {
    const op = this.operationOf(call);
    if (op) return op.version === 2;
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'promise') {
      const inner = unwrap(callee.expression);
      return ts.isCallExpression(inner) && this.operationOf(inner)?.version === 2;
    }
    return false;
  }

  /** `symbolOf`, also for inline `require('aws-sdk').S3` and X-Ray's `AWSXRay.captureAWS(require('aws-sdk'))`. */
  private refOf(expr: ts.Expression): SymbolRef | undefined {
    const ref = this.file.symbolOf(expr);
    if (ref) return ref;
    const required = requireTarget(unwrap(expr));
    if (required) return normalizeRef(required);
    const path: string[] = [];
    let e = unwrap(expr);
    while (ts.isPropertyAccessExpression(e)) {
      path.unshift(e.name.text);
      e = unwrap(e.expression);
    }
    if (!ts.isIdentifier(e)) return undefined;
    const decl = this.file.declarationOf(e);
    const init = decl?.kind === 'variable' && decl.node.initializer ? unwrap(decl.node.initializer) : undefined;
    if (!init || !ts.isCallExpression(init) || !init.arguments[0]) return undefined;
    const callee = unwrap(init.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (name !== 'captureAWS') return undefined;
    const inner = this.file.symbolOf(init.arguments[0]) ?? requireTarget(unwrap(init.arguments[0]));
    return inner && normalizeRef({ module: inner.module, path: [...inner.path, ...path] });
  }

  private computeOperation(call: ts.CallExpression): SdkOperation | undefined {
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'send' && call.arguments.length > 0) {
        const command = this.commandOf(call.arguments[0]);
        if (command) return { version: 3, service: command.service, operation: command.operation, call, input: command.input, command, style: 'command' };
        return undefined;
      }
      if (NOT_OPERATIONS.has(method) || !/^[a-z]/.test(method)) return undefined;
      const client = this.clientOf(callee.expression);
      if (!client) return undefined;
      const operation = method.charAt(0).toUpperCase() + method.slice(1);
      return { version: client.version, service: client.service, operation, call, input: call.arguments[0], style: 'method' };
    }
    const ref = this.file.symbolOf(callee);
    if (ref && ref.path.length === 1) {
      const mod = v3Module(ref.module);
      const m = /^paginate([A-Z]\w*)$/.exec(ref.path[0]);
      if (mod && m) return { version: 3, service: mod.service, operation: m[1], call, input: call.arguments[1], style: 'paginator' };
    }
    return undefined;
  }

  private computeClientOf(expr: ts.Expression, depth: number): SdkClientClass | undefined {
    if (depth > 8) return undefined;
    const e = unwrap(expr);
    if (ts.isNewExpression(e) || ts.isCallExpression(e)) return this.clientConstruction(e);
    if (ts.isIdentifier(e)) {
      const decl = this.file.declarationOf(e);
      if (!decl) return undefined;
      if (decl.kind === 'variable') {
        const init = decl.node.initializer;
        const fromInit = init ? this.computeClientOf(init, depth + 1) : undefined;
        return fromInit ?? (decl.node.type ? this.clientOfType(decl.node.type) : undefined);
      }
      if (decl.kind === 'parameter') {
        // `(db = ddb)`, `({ client = ddb })`: the default is the client every caller that injects none gets.
        const fromDefault = decl.node.initializer ? this.computeClientOf(decl.node.initializer, depth + 1) : undefined;
        if (fromDefault) return fromDefault;
        if (ts.isParameter(decl.node) && decl.node.type) return this.clientOfType(decl.node.type);
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return this.classMemberClient(e);
    return undefined;
  }

  /** `client: SQSClient`, `s3?: S3Client | undefined`, `sqs: AWS.SQS`. */
  private clientOfType(type: ts.TypeNode): SdkClientClass | undefined {
    if (ts.isUnionTypeNode(type)) {
      for (const t of type.types) {
        const c = this.clientOfType(t);
        if (c) return c;
      }
      return undefined;
    }
    if (!ts.isTypeReferenceNode(type)) return undefined;
    return clientClassOf(this.typeNameRef(type.typeName));
  }

  private typeNameRef(name: ts.EntityName): SymbolRef | undefined {
    if (ts.isIdentifier(name)) return this.file.symbolOf(name);
    const left = this.typeNameRef(name.left);
    return left && { module: left.module, path: [...left.path, name.right.text] };
  }

  /** `this.client` in a class: a property initializer or type, a constructor parameter property, a constructor assignment. */
  private classMemberClient(access: ts.PropertyAccessExpression): SdkClientClass | undefined {
    let cls: ts.Node | undefined = access.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls || !ts.isClassLike(cls)) return undefined;
    const name = access.name.text;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.name && ts.isIdentifier(m.name) && m.name.text === name) {
        const c = m.initializer ? this.computeClientOf(m.initializer, 1) : undefined;
        if (c) return c;
        if (m.type) return this.clientOfType(m.type);
      }
      if (ts.isConstructorDeclaration(m)) {
        for (const p of m.parameters) {
          if (ts.isIdentifier(p.name) && p.name.text === name && p.modifiers?.length && p.type) return this.clientOfType(p.type);
        }
        let found: SdkClientClass | undefined;
        const visit = (n: ts.Node): void => {
          if (found) return;
          if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
            const left = unwrap(n.left);
            if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) found = this.computeClientOf(n.right, 1);
          }
          ts.forEachChild(n, visit);
        };
        if (m.body) visit(m.body);
        if (found) return found;
      }
    }
    return undefined;
  }
}
