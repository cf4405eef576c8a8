import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { addProp, CDK_GATE, constructKey, constructVisitor, isExport, propOf, propRange, refTo, renameExport, replaceValue, type Construct } from '../../engine/typescript/cdk';
import { insertProperty, removeProperties, replaceNode, stringLiteral } from '../../engine/typescript/edits';
import type { ObjectProps, PropInfo, StaticValue, TsFile } from '../../engine/typescript/file';
import type { Fix, TextEdit } from '../../engine/types';

const DDB = 'aws-cdk-lib/aws-dynamodb';
const AUTOSCALE_METHODS = /^autoScale(GlobalSecondaryIndex)?(Read|Write)Capacity$/;

/** `Billing.provisioned({...})` with every capacity `Capacity.fixed(...)`: true; any autoscaled or unknown: false. */
function fixedProvisionedV2(file: TsFile, v: StaticValue): boolean {
  if (v.kind !== 'call' || v.ref.module !== DDB || v.ref.path.join('.') !== 'Billing.provisioned') return false;
  const props = file.objectProps(v.args[0]);
  if (!props) return false;
  for (const name of ['readCapacity', 'writeCapacity']) {
    const p = props.get(name);
    if (p === 'unknown') return false;
    if (p === undefined) continue;
    const cap = file.evaluate(p.value);
    if (cap.kind !== 'call' || cap.ref.module !== DDB || cap.ref.path.join('.') !== 'Capacity.fixed') return false;
  }
  return true;
}

export const dynamodbProvisionedBilling = defineRule({
  id: 'dynamodb-provisioned-billing',
  meta: {
    title: 'DynamoDB provisioned capacity without autoscaling',
    description: 'A DynamoDB table on provisioned capacity (`BillingMode.PROVISIONED`, the `Table` default, or fixed `Billing.provisioned`) with no autoscaling in the file.',
    rationale:
      'Fixed provisioned capacity is paid for around the clock and throttles when traffic exceeds it. For unpredictable or spiky workloads on-demand (`PAY_PER_REQUEST`) costs less and never throttles at those levels; keep provisioned capacity only with autoscaling and a steady, known load.',
    severity: 'information',
    service: 'dynamodb',
    guide: 'Cost Optimization',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      provisioned: 'Table {{name}} uses fixed provisioned capacity with no autoscaling: you pay for idle capacity and throttle on spikes. Consider `BillingMode.PAY_PER_REQUEST`.',
      implicitProvisioned: 'Table {{name}} does not set `billingMode`, so CDK provisions a fixed 5 read / 5 write capacity units: it throttles on spikes. Consider `BillingMode.PAY_PER_REQUEST`.',
      implicitProvisionedCapacity:
        'Table {{name}} does not set `billingMode`, so it runs on the fixed `readCapacity` / `writeCapacity` it sets, with no autoscaling in the file: you pay for idle capacity and throttle on spikes. Consider `BillingMode.PAY_PER_REQUEST`.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'stack.ts',
          code: "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nnew dynamodb.Table(this, 'Orders', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING }, billingMode: dynamodb.BillingMode.PROVISIONED, readCapacity: 5, writeCapacity: 5 });\n",
        },
      ],
      valid: [
        {
          filename: 'stack.ts',
          code: "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nnew dynamodb.Table(this, 'Orders', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING }, billingMode: dynamodb.BillingMode.PAY_PER_REQUEST });\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = ctx.ts;
    const pending: { c: Construct; messageId: 'provisioned' | 'implicitProvisioned' | 'implicitProvisionedCapacity'; start: number; end: number; fix: () => Fix | undefined }[] = [];
    let autoscaling = false;
    let gsiCapacity = false;
    const visitor = constructVisitor(ctx, ['table', 'tableV2', 'cfnTable'], (c, f) => {
      const range = { start: c.start, end: c.end };
      if (c.kind === 'tableV2') {
        const b = propOf(f, c, 'billing');
        if (b.state !== 'present' || !fixedProvisionedV2(f, b.value)) return;
        const call = b.value.kind === 'call' ? b.value.node : undefined;
        pending.push({
          c,
          messageId: 'provisioned',
          ...propRange(f, b.prop),
          fix: () => {
            const billing = refTo(f, c, DDB, 'Billing');
            return call && billing ? { title: 'Use `Billing.onDemand()`', kind: 'unsafe', edits: [replaceNode(f, call, `${billing.text}.onDemand()`), ...billing.edits] } : undefined;
          },
        });
        return;
      }
      if (c.kind === 'cfnTable') {
        const m = propOf(f, c, 'billingMode');
        const pt = propOf(f, c, 'provisionedThroughput');
        if (m.state === 'unknown' || pt.state === 'unknown') return;
        const explicit = m.state === 'present' && m.value.kind === 'string' && m.value.value === 'PROVISIONED';
        if (!explicit && !(m.state === 'absent' && pt.state === 'present')) return;
        pending.push({
          c,
          messageId: 'provisioned',
          ...(m.state === 'present' ? propRange(f, m.prop) : range),
          fix: () => {
            if (propOf(f, c, 'globalSecondaryIndexes').state !== 'absent' || c.props === 'none' || c.props === 'unknown') return undefined;
            const edits = switchProps(f, c.props, m.state === 'present' ? m.prop : undefined, `billingMode: ${stringLiteral(f, 'PAY_PER_REQUEST')}`, ['provisionedThroughput'], stringLiteral(f, 'PAY_PER_REQUEST'));
            return edits && { title: "Use `billingMode: 'PAY_PER_REQUEST'`", kind: 'unsafe', edits };
          },
        });
        return;
      }
      const m = propOf(f, c, 'billingMode');
      if (m.state === 'unknown') return;
      if (m.state === 'present') {
        if (!isExport(m.value, DDB, 'BillingMode', 'PROVISIONED')) return;
        const value = m.value;
        pending.push({
          c,
          messageId: 'provisioned',
          ...propRange(f, m.prop),
          fix: () => {
            if (c.props === 'none' || c.props === 'unknown' || gsiCapacity) return undefined;
            const rename = renameExport(value, 'PAY_PER_REQUEST');
            const rest = rename && removeAll(f, c.props, ['readCapacity', 'writeCapacity'], m.prop.literal);
            return rest && { title: 'Use `BillingMode.PAY_PER_REQUEST`', kind: 'unsafe', edits: [rename, ...rest] };
          },
        });
        return;
      }
      // Table defaults to PROVISIONED (5/5) unless it is a global table (replicationRegions).
      if (propOf(f, c, 'replicationRegions').state !== 'absent') return;
      // Capacities written (or not known) mean the 5 / 5 default is not what the table gets.
      const capacitySet = propOf(f, c, 'readCapacity').state !== 'absent' || propOf(f, c, 'writeCapacity').state !== 'absent';
      pending.push({
        c,
        messageId: capacitySet ? 'implicitProvisionedCapacity' : 'implicitProvisioned',
        ...range,
        fix: () => {
          const ref = refTo(f, c, DDB, 'BillingMode');
          if (!ref || gsiCapacity) return undefined;
          const text = `billingMode: ${ref.text}.PAY_PER_REQUEST`;
          if (c.props === 'none') {
            const edits = addProp(f, c, text, ref.edits);
            return edits && { title: 'Add `billingMode: BillingMode.PAY_PER_REQUEST`', kind: 'unsafe', edits };
          }
          if (c.props === 'unknown') return undefined;
          const edits = switchProps(f, c.props, undefined, text, ['readCapacity', 'writeCapacity'], '');
          return edits && { title: 'Add `billingMode: BillingMode.PAY_PER_REQUEST`', kind: 'unsafe', edits: [...edits, ...ref.edits] };
        },
      });
    });
    if (!file || ctx.file.isTest) return visitor;
    const construct = visitor.NewExpression;
    const superCall = visitor.CallExpression;
    return {
      ...visitor,
      NewExpression: (node) => {
        construct?.(node);
        const ref = file.symbolOf((node as ts.NewExpression).expression);
        if (ref?.module === 'aws-cdk-lib/aws-applicationautoscaling' && (ref.path[0] === 'ScalableTarget' || ref.path[0] === 'CfnScalableTarget')) autoscaling = true;
      },
      CallExpression: (node) => {
        superCall?.(node);
        const call = node as ts.CallExpression;
        const callee = call.expression;
        if (!ts.isPropertyAccessExpression(callee)) return;
        if (AUTOSCALE_METHODS.test(callee.name.text)) autoscaling = true;
        if (callee.name.text === 'addGlobalSecondaryIndex') {
          const props = call.arguments[0] && file.objectProps(call.arguments[0]);
          if (!props || props.get('readCapacity') !== undefined || props.get('writeCapacity') !== undefined) gsiCapacity = true;
        }
      },
      fileEnd() {
        if (autoscaling) return; // capacity is managed somewhere in this file
        for (const p of pending) {
          const fix = p.fix();
          ctx.report({ messageId: p.messageId, data: { name: p.c.label }, start: p.start, end: p.end, key: constructKey(p.c), fix });
        }
      },
    };
  },
});

/** Removes props written in the construct's own literal; undefined when one sits elsewhere (a spread). */
function removeAll(file: TsFile, props: ObjectProps, names: string[], literal: ts.ObjectLiteralExpression): TextEdit[] | undefined {
  const nodes: ts.ObjectLiteralElementLike[] = [];
  for (const name of names) {
    const p = props.get(name);
    if (p === undefined) continue;
    if (p === 'unknown' || p.literal !== literal) return undefined;
    nodes.push(p.node);
  }
  return removeProperties(file, literal, nodes);
}

/**
 * Sets the billing mode and drops the capacity props: the mode prop's value is replaced when it
 * exists; otherwise the first capacity prop is replaced by `modeText` (so edits never touch).
 */
function switchProps(file: TsFile, props: ObjectProps, modeProp: PropInfo | undefined, modeText: string, drop: string[], modeValue: string): TextEdit[] | undefined {
  const present = drop.map((n) => props.get(n)).filter((p) => p !== undefined);
  if (present.some((p) => p === 'unknown' || p.literal !== props.literal)) return undefined;
  const infos = present as PropInfo[];
  if (modeProp) {
    const value = replaceValue(file, modeProp, modeValue);
    const rest = removeAll(file, props, drop, props.literal);
    return value && rest && [...value, ...rest];
  }
  if (infos.length === 0) return insertProperty(file, props.literal, modeText);
  const [first, ...others] = infos.sort((a, b) => a.node.pos - b.node.pos);
  const rest = removeProperties(file, props.literal, others.map((o) => o.node));
  return rest && [replaceNode(file, first.node, modeText), ...rest];
}
