import * as ts from '../../engine/typescript/api';
import type { JsonStringValue } from '../../engine/json/front';
import { defineRule } from '../../engine/rule';
import { maskSecret } from '../../engine/text';
import { removeProperties, removeProperty } from '../../engine/typescript/edits';
import { unwrap } from '../../engine/typescript/bindings';
import { propertyName, type PropInfo, type TsFile } from '../../engine/typescript/file';
import { SDK_GATE } from '../../engine/typescript/sdk';
import type { Fix, TextEdit } from '../../engine/types';
import { findAccessKeyIds, inlineSecret, isAccessKeyId, looksLikeSecretKey, namesSecretKey } from './credential-patterns';

type MessageId = 'accessKeyId' | 'secretAccessKey' | 'credentialsInConfig';

interface Pending {
  messageId: MessageId;
  data: Record<string, string>;
  start: number;
  end: number;
  key: string;
  fix?: Fix;
}

/** Where a key ID sits inside a string token: its raw offset when the source spells it plainly, else the whole token. */
function keyIdFindings(raw: string, cooked: string, tokenStart: number, tokenEnd: number): Pending[] {
  const rawHits = findAccessKeyIds(raw);
  return findAccessKeyIds(cooked).map((hit) => {
    const inRaw = rawHits.find((r) => r.value === hit.value);
    const masked = maskSecret(hit.value);
    return {
      messageId: 'accessKeyId',
      data: { masked },
      start: inRaw ? tokenStart + inRaw.index : tokenStart,
      end: inRaw ? tokenStart + inRaw.index + hit.value.length : tokenEnd,
      key: `AccessKeyId::${masked}`,
    };
  });
}

/** The secret's own characters when the source spells it plainly, else the whole token. */
function secretFinding(secret: string, raw: string, tokenStart: number, tokenEnd: number): Pending {
  const masked = maskSecret(secret);
  const at = raw.indexOf(secret);
  const [start, end] = at >= 0 ? [tokenStart + at, tokenStart + at + secret.length] : [tokenStart, tokenEnd];
  return { messageId: 'secretAccessKey', data: { masked }, start, end, key: `SecretAccessKey::${masked}` };
}

export const iamHardcodedCredentials = defineRule({
  id: 'iam-hardcoded-credentials',
  meta: {
    title: 'Hardcoded AWS credentials',
    description: 'An AWS access key ID or secret access key written in code or in a JSON file, or literal `credentials` given to an SDK client.',
    rationale:
      'Keys committed to a repository are read by everyone who can read it, stay in its history after they are deleted, and are found by scanners within minutes of a push to a public host. ' +
      'Long-lived keys also never rotate. Code running on AWS (Lambda, ECS, EC2) gets short-lived credentials from its role, and on a laptop from SSO or a profile: the SDK finds them by itself through its default provider chain. ' +
      'Remove the key, rotate it in IAM, and construct clients without `credentials`. Every string value of every JSON file is checked, policy or not, as secret scanners do; messages show only the first and last four characters of a key. ' +
      'Dummy credentials for a local emulator (a client with an `endpoint`, dummy keys in `AWS.config.update` of a file whose clients set one, or in a test file) are left alone unless they look like real keys.',
    severity: 'error',
    service: 'iam',
    guide: 'IAM / Service Roles',
    fix: 'unsafe',
    languages: ['json', 'typescript'],
    messages: {
      accessKeyId: 'Hardcoded AWS access key ID {{masked}}: anyone who can read this file can use it. Remove it, rotate the key in IAM, and let the SDK find credentials (the function\'s role, SSO, the environment).',
      secretAccessKey: 'Hardcoded AWS secret access key {{masked}}: anyone who can read this file can sign requests with it. Remove it and rotate the key in IAM.',
      credentialsInConfig:
        '{{client}} is given literal credentials{{keyHint}}. Long-lived keys in code leak and never rotate: remove them so the SDK uses its default provider chain (the function\'s role, SSO, the environment).',
    },
    examples: {
      invalid: [
        { filename: 'config.json', code: '{\n  "region": "us-east-1",\n  "accessKeyId": "AKIAIOSFODNN7EXAMPLE"\n}\n' },
        {
          filename: 'client.ts',
          code: "import { S3Client } from '@aws-sdk/client-s3';\n\nexport const s3 = new S3Client({\n  region: 'us-east-1',\n  credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: 'not-a-real-secret' },\n});\n",
        },
      ],
      valid: [
        { filename: 'config.json', code: '{\n  "region": "us-east-1",\n  "profile": "deploy"\n}\n' },
        { filename: 'client.ts', code: "import { S3Client } from '@aws-sdk/client-s3';\n\nexport const s3 = new S3Client({ region: 'us-east-1' });\n" },
      ],
    },
  },
  create(ctx) {
    const pending: Pending[] = [];
    const flush = () => {
      for (const p of pending) ctx.report(p);
      pending.length = 0;
    };

    if (ctx.file.kind === 'json') {
      // A 40-character value is a secret when its key names one, or when a sibling is a key ID or
      // names the secret (`{"Name": "AWS_SECRET_ACCESS_KEY", "Value": "..."}`): siblings share a container.
      const signalled = new Set<number | undefined>();
      const candidates: JsonStringValue[] = [];
      return {
        jsonString(v) {
          const value = v.value;
          // Cheap tests first: a file may hold hundreds of thousands of strings.
          if (value.includes('AKIA') || value.includes('ASIA')) {
            const found = keyIdFindings(ctx.file.text.slice(v.start + 1, v.end - 1), value, v.start + 1, v.end - 1);
            if (found.length) {
              pending.push(...found);
              signalled.add(v.container);
            }
          }
          if (value.length < 80 && /secret/i.test(value) && namesSecretKey(value)) signalled.add(v.container);
          const secret = looksLikeSecretKey(value) ? value.trim() : value.length > 40 && /secret/i.test(value) ? inlineSecret(value) : undefined;
          if (!secret) return;
          const raw = ctx.file.text.slice(v.start + 1, v.end - 1);
          if (secret !== value.trim() || namesSecretKey(v.key)) pending.push(secretFinding(secret, raw, v.start + 1, v.end - 1));
          else candidates.push(v);
        },
        fileEnd() {
          for (const v of candidates) {
            if (signalled.has(v.container)) pending.push(secretFinding(v.value.trim(), ctx.file.text.slice(v.start + 1, v.end - 1), v.start + 1, v.end - 1));
          }
          pending.sort((a, b) => a.start - b.start);
          flush();
        },
      };
    }

    const file = ctx.ts;
    if (!file) return {};
    const sf = file.sourceFile;
    /** Ranges of credentials objects already reported as a whole: their key literals are not reported again. */
    const covered: [number, number][] = [];
    /**
     * Dummy keys given to the global `AWS.config.update(...)`: they serve every client of the file, so a
     * client that sets an `endpoint` (an emulator: LocalStack, DynamoDB Local) makes them emulator keys.
     */
    const globalDummies: Pending[] = [];
    let clientWithEndpoint = false;

    const onString = (node: ts.Node) => {
      const cooked = (node as ts.StringLiteralLike | ts.TemplateLiteralLikeNode).text;
      // Cheap tests first: this runs on every string of every file.
      const maybeKeyId = cooked.includes('AKIA') || cooked.includes('ASIA');
      const maybeSecret = cooked.length >= 40 && (looksLikeSecretKey(cooked) || /secret/i.test(cooked));
      if (!maybeKeyId && !maybeSecret) return;
      const start = node.getStart(sf);
      const raw = sf.text.slice(start, node.end);
      if (maybeKeyId) pending.push(...keyIdFindings(raw, cooked, start, node.end));
      const secret = !maybeSecret ? undefined : looksLikeSecretKey(cooked) && contextNamesSecret(file, node) ? cooked.trim() : inlineSecret(cooked);
      if (secret) pending.push(secretFinding(secret, raw, start, node.end));
    };

    // SDK client configs exist only where the file names the SDK (its rules' gate).
    const sdk = SDK_GATE.test(file.text);
    const onNew = (node: ts.Node): void => {
      const call = node as ts.NewExpression;
      const ref = file.symbolOf(call.expression);
      const config = call.arguments?.[0];
      if (!ref || !config) return;
      const v2 = ref.module === 'aws-sdk' || ref.module.startsWith('aws-sdk/');
      if ((v2 || ref.module.startsWith('@aws-sdk/')) && setsEndpoint(config)) clientWithEndpoint = true;
      const client = ref.path[ref.path.length - 1] ?? ref.module;
      if (ref.module.startsWith('@aws-sdk/client-')) checkCredentialsProp(config, client, 'v3');
      else if (v2) {
        checkCredentialsProp(config, `AWS.${client}`, 'v2');
        checkV2KeyProps(config, `AWS.${client}`);
      }
    };
    const onCall = (node: ts.Node): void => {
      // AWS.config.update({ accessKeyId, secretAccessKey }) in SDK v2.
      const call = node as ts.CallExpression;
      // Most calls of an SDK file cannot be AWS.config.update: their callees are not resolved.
      if (!mayBeConfigUpdate(call.expression)) return;
      const ref = file.symbolOf(call.expression);
      const config = call.arguments[0];
      if (ref?.module === 'aws-sdk' && ref.path.join('.') === 'config.update' && config) {
        if (setsEndpoint(config)) clientWithEndpoint = true;
        const before = pending.length;
        checkCredentialsProp(config, 'AWS.config', 'v2');
        checkV2KeyProps(config, 'AWS.config');
        // Keys that do not look real wait for the file's end: a client with an endpoint may follow.
        const found = pending.slice(before);
        if (found.length && !configLooksReal(config)) globalDummies.push(...pending.splice(before));
      }
    };
    // One object literal, never handlers added to an object after it is made: see engine/rule.ts (Visitor).
    return {
      StringLiteral: onString,
      NoSubstitutionTemplateLiteral: onString,
      TemplateHead: onString,
      TemplateMiddle: onString,
      TemplateTail: onString,
      NewExpression: sdk ? onNew : undefined,
      CallExpression: sdk ? onCall : undefined,
      fileEnd() {
        if (!clientWithEndpoint) pending.push(...globalDummies);
        const kept = pending.filter((p) => p.messageId === 'credentialsInConfig' || !covered.some(([s, e]) => p.start >= s && p.end <= e));
        pending.length = 0;
        pending.push(...kept.sort((a, b) => a.start - b.start));
        flush();
      },
    };

    function stringOf(prop: PropInfo | 'unknown' | undefined): string | undefined {
      if (!prop || prop === 'unknown') return undefined;
      const v = file!.evaluate(prop.value);
      return v.kind === 'string' ? v.value : undefined;
    }

    /** Whether the keys of a config look like real keys (then they are reported whatever the endpoint). */
    function configLooksReal(configExpr: ts.Expression): boolean {
      const props = file!.objectProps(configExpr);
      const cred = props?.get('credentials');
      const holder = cred && cred !== 'unknown' && cred.value ? file!.objectProps(cred.value) : props;
      return looksReal(stringOf(holder?.get('accessKeyId')), stringOf(holder?.get('secretAccessKey')));
    }

    /** A client config with an `endpoint`: a local emulator (LocalStack, DynamoDB Local). */
    function setsEndpoint(configExpr: ts.Expression): boolean {
      return file!.objectProps(configExpr)?.get('endpoint') !== undefined;
    }

    /** Literal keys worth reporting: ones that look real always; dummy ones only outside tests and local emulators. */
    function worthReporting(id: string | undefined, secret: string | undefined, configExpr: ts.Expression): boolean {
      if (id === undefined && secret === undefined) return false;
      if (looksReal(id, secret)) return true;
      return !ctx.file.isTest && !setsEndpoint(configExpr);
    }

    function report(at: ts.Node, client: string, id: string | undefined, coveredNode: ts.Node, fixTitle: string, edits: TextEdit[] | undefined): void {
      covered.push([coveredNode.getStart(sf), coveredNode.end]);
      pending.push({
        messageId: 'credentialsInConfig',
        data: { client, keyHint: id && isAccessKeyId(id) ? ` (access key ${maskSecret(id.trim())})` : '' },
        start: at.getStart(sf),
        end: at.end,
        key: `Credentials::${client}`,
        fix: edits?.length ? { title: fixTitle, kind: 'unsafe', edits } : undefined,
      });
    }

    /** `new S3Client({ credentials: { accessKeyId: '...', secretAccessKey: '...' } })`. */
    function checkCredentialsProp(configExpr: ts.Expression, client: string, sdk: 'v2' | 'v3'): void {
      const props = file!.objectProps(configExpr);
      const cred = props?.get('credentials');
      if (!props || !cred || cred === 'unknown' || !cred.value) return;
      const credProps = file!.objectProps(cred.value);
      if (!credProps) return; // a provider (fromIni(), fromSSO()...) or a value we cannot see
      const id = stringOf(credProps.get('accessKeyId'));
      if (!worthReporting(id, stringOf(credProps.get('secretAccessKey')), configExpr)) return;
      // Remove only what is written at this call: a shared constant may serve other code.
      const edits = props.inline && cred.literal === props.literal ? removeProperty(file!, props.literal, cred.node) : undefined;
      const title = sdk === 'v3' ? 'Remove `credentials` so the SDK uses its default provider chain' : 'Remove `credentials` so the SDK finds credentials itself';
      report(cred.node, client, id, credProps.literal, title, edits);
    }

    /** SDK v2 also takes the keys at the top of the config: `new AWS.S3({ accessKeyId, secretAccessKey })`. */
    function checkV2KeyProps(configExpr: ts.Expression, client: string): void {
      const props = file!.objectProps(configExpr);
      if (!props) return;
      const idProp = props.get('accessKeyId');
      const secretProp = props.get('secretAccessKey');
      const id = stringOf(idProp);
      if (!worthReporting(id, stringOf(secretProp), configExpr)) return;
      const keyProps = ['accessKeyId', 'secretAccessKey', 'sessionToken'].flatMap((n) => {
        const p = props.get(n);
        return p && p !== 'unknown' ? [p] : [];
      });
      const at = keyProps[0];
      if (!at) return;
      const removable = props.inline && keyProps.every((p) => p.literal === props.literal);
      // Removed together: one property at a time left the comma before a run that ended the object.
      const edits = removable ? removeProperties(file!, props.literal, keyProps.map((p) => p.node)) : undefined;
      report(at.node, client, id, props.literal, 'Remove the keys so the SDK finds credentials itself', edits);
    }
  },
});

/** A 40-character value counts as a secret key when its name says so or an access key ID sits beside it. */
function contextNamesSecret(file: TsFile, node: ts.Node): boolean {
  let at: ts.Node = node;
  while (ts.isParenthesizedExpression(at.parent) || ts.isAsExpression(at.parent) || ts.isSatisfiesExpression(at.parent)) at = at.parent;
  const parent = at.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === at) {
    if (namesSecretKey(propertyName(parent.name))) return true;
    return ts.isObjectLiteralExpression(parent.parent) && parent.parent.properties.some((p) => p !== parent && holdsKeyId(file, p));
  }
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return namesSecretKey(parent.name.text);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === at) {
    const left = parent.left;
    const name = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : ts.isIdentifier(left) ? left.text : undefined;
    return namesSecretKey(name);
  }
  // new AWS.Credentials('AKIA...', '...'), or any call passing a key ID beside it.
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(at as ts.Expression)) {
    return parent.arguments.some((a) => a !== at && ts.isStringLiteralLike(a) && isAccessKeyId(a.text));
  }
  return false;
}

function looksReal(id: string | undefined, secret: string | undefined): boolean {
  return (id !== undefined && isAccessKeyId(id)) || (secret !== undefined && looksLikeSecretKey(secret));
}

function holdsKeyId(file: TsFile, p: ts.ObjectLiteralElementLike): boolean {
  if (!ts.isPropertyAssignment(p)) return false;
  const v = file.evaluate(p.initializer);
  return v.kind === 'string' && isAccessKeyId(v.value);
}

/** Whether a callee can name AWS.config.update: a member named `update`, or an identifier (a const alias of it). */
function mayBeConfigUpdate(callee: ts.Expression): boolean {
  const e = unwrap(callee);
  if (ts.isIdentifier(e)) return true;
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'update';
  return ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression) && e.argumentExpression.text === 'update';
}
