// Lambda managed runtimes and the day each one is (or was) deprecated, i.e. "Deprecation date"
// (end of support: no more security patches; creating functions is blocked shortly after).
// One table, dated, each date with its source. Update it when AWS publishes a new schedule:
// the page of record is the "Lambda runtimes" page of the Lambda Developer Guide.
//
// Sources, as checked on 2026-11-27:
//  [runtimes]  https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
//              (tables "Supported runtimes" and "Deprecated runtimes").
//  [policy]    https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html
//              (older runtimes, "Deprecation completed date").
//  [health]    AWS Health notices quoting the [runtimes] schedule, as published in public issue
//              trackers when the docs page could not be read in full here.
//  [ext-2026]  AWS extended the AL2-based Java 8/11/17 and Python 3.11 runtimes by a year (from
//              2026-06-30 to 2027-06-30), per the [runtimes] page as summarised in
//              aws-cloudformation/cfn-lint#4532 (2026-06-02). Not re-verified on the AWS page itself.
//
// `cdk` is the `lambda.Runtime` constant; `cdkSince` the first aws-cdk-lib version that has it,
// where known (used to pick a replacement the project's aws-cdk-lib can compile): NODEJS_20_X and
// PYTHON_3_12 in 2.108.0 (aws/aws-cdk release PR #27970), NODEJS_22_X in 2.168.0 (its release notes).

export type RuntimeFamily = 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'provided';

export interface LambdaRuntime {
  /** The runtime identifier Lambda uses (`nodejs20.x`). */
  id: string;
  /** `lambda.Runtime.<cdk>` in aws-cdk-lib, when it has a constant. */
  cdk?: string;
  family: RuntimeFamily;
  /** Release order within the family: higher is newer. */
  order: number;
  /** ISO date of deprecation (end of support); undefined when AWS has not scheduled one. */
  deprecated?: string;
  /** Which of the sources above gives the date. */
  source: string;
  cdkSince?: string;
}

const R = (id: string, family: RuntimeFamily, order: number, deprecated: string | undefined, source: string, cdk?: string, cdkSince?: string): LambdaRuntime => ({
  id,
  family,
  order,
  deprecated,
  source,
  cdk,
  cdkSince,
});

export const LAMBDA_RUNTIMES: readonly LambdaRuntime[] = [
  // Node.js
  R('nodejs', 'nodejs', 0.1, '2016-10-31', '[policy]'),
  R('nodejs4.3', 'nodejs', 4, '2020-03-06', '[policy]', 'NODEJS_4_3'),
  R('nodejs4.3-edge', 'nodejs', 4.1, '2019-04-30', '[policy]'),
  R('nodejs6.10', 'nodejs', 6, '2019-08-12', '[policy]', 'NODEJS_6_10'),
  R('nodejs8.10', 'nodejs', 8, '2020-03-06', '[policy]', 'NODEJS_8_10'),
  R('nodejs10.x', 'nodejs', 10, '2021-07-30', '[runtimes]', 'NODEJS_10_X'),
  R('nodejs12.x', 'nodejs', 12, '2023-03-31', '[runtimes]', 'NODEJS_12_X'),
  R('nodejs14.x', 'nodejs', 14, '2023-12-04', '[runtimes]', 'NODEJS_14_X'),
  R('nodejs16.x', 'nodejs', 16, '2024-06-12', '[runtimes]', 'NODEJS_16_X'),
  R('nodejs18.x', 'nodejs', 18, '2025-09-01', '[runtimes] [health]', 'NODEJS_18_X'),
  R('nodejs20.x', 'nodejs', 20, '2026-04-30', '[runtimes] [health]; also the guide', 'NODEJS_20_X', '2.108.0'),
  R('nodejs22.x', 'nodejs', 22, '2027-04-30', '[runtimes]', 'NODEJS_22_X', '2.168.0'),
  // NODEJS_24_X: added by aws/aws-cdk#36001 (merged 2025-11-11); 2.226.0 is a conservative bound,
  // not the verified first release, so a project just below it is offered NODEJS_22_X instead.
  R('nodejs24.x', 'nodejs', 24, '2028-04-30', '[runtimes]', 'NODEJS_24_X', '2.226.0'),
  // Python
  R('python2.7', 'python', 207, '2021-07-15', '[runtimes]', 'PYTHON_2_7'),
  R('python3.6', 'python', 306, '2022-07-18', '[runtimes]', 'PYTHON_3_6'),
  R('python3.7', 'python', 307, '2023-12-04', '[runtimes]', 'PYTHON_3_7'),
  R('python3.8', 'python', 308, '2024-10-14', '[runtimes]', 'PYTHON_3_8'),
  R('python3.9', 'python', 309, '2025-12-15', '[runtimes] [health]', 'PYTHON_3_9'),
  R('python3.10', 'python', 310, '2026-10-31', '[runtimes] [health]', 'PYTHON_3_10'),
  R('python3.11', 'python', 311, '2027-06-30', '[ext-2026]', 'PYTHON_3_11'),
  R('python3.12', 'python', 312, '2028-10-31', '[runtimes]', 'PYTHON_3_12', '2.108.0'),
  R('python3.13', 'python', 313, '2029-06-30', '[runtimes]', 'PYTHON_3_13'),
  R('python3.14', 'python', 314, '2029-06-30', '[runtimes]', 'PYTHON_3_14'),
  // Java
  R('java8', 'java', 8, '2024-01-08', '[runtimes]', 'JAVA_8'),
  R('java8.al2', 'java', 8.2, '2027-06-30', '[ext-2026]', 'JAVA_8_CORRETTO'),
  R('java11', 'java', 11, '2027-06-30', '[ext-2026]', 'JAVA_11'),
  R('java17', 'java', 17, '2027-06-30', '[ext-2026]', 'JAVA_17'),
  R('java21', 'java', 21, '2029-06-30', '[runtimes]', 'JAVA_21'),
  R('java25', 'java', 25, '2029-06-30', '[runtimes]', 'JAVA_25'),
  // .NET
  R('dotnetcore1.0', 'dotnet', 1, '2019-06-27', '[policy]'),
  R('dotnetcore2.0', 'dotnet', 2, '2019-05-30', '[policy]', 'DOTNET_CORE_2'),
  R('dotnetcore2.1', 'dotnet', 2.1, '2022-01-05', '[runtimes]', 'DOTNET_CORE_2_1'),
  R('dotnetcore3.1', 'dotnet', 3.1, '2023-04-03', '[runtimes]', 'DOTNET_CORE_3_1'),
  R('dotnet6', 'dotnet', 6, '2024-11-12', '[runtimes]', 'DOTNET_6'),
  R('dotnet8', 'dotnet', 8, '2026-11-10', '[runtimes]', 'DOTNET_8'),
  R('dotnet10', 'dotnet', 10, '2028-11-14', '[runtimes]', 'DOTNET_10'),
  // Ruby
  R('ruby2.5', 'ruby', 2.5, '2021-07-30', '[runtimes]', 'RUBY_2_5'),
  R('ruby2.7', 'ruby', 2.7, '2023-12-07', '[runtimes]', 'RUBY_2_7'),
  R('ruby3.2', 'ruby', 3.2, '2026-03-31', '[runtimes]', 'RUBY_3_2'),
  R('ruby3.3', 'ruby', 3.3, '2027-03-31', '[runtimes]', 'RUBY_3_3'),
  R('ruby3.4', 'ruby', 3.4, '2028-03-31', '[runtimes]', 'RUBY_3_4'),
  // Go and OS-only
  R('go1.x', 'go', 1, '2024-01-08', '[runtimes]', 'GO_1_X'),
  R('provided', 'provided', 1, '2024-01-08', '[runtimes]', 'PROVIDED'),
  R('provided.al2', 'provided', 2, '2026-07-31', '[health] (AL2 end of life 2026-06-30)', 'PROVIDED_AL2'),
  R('provided.al2023', 'provided', 2023, '2029-06-30', '[runtimes]', 'PROVIDED_AL2023'),
];

/** Successor families: a deprecated Go 1.x function moves to the OS-only runtime. */
const SUCCESSOR_FAMILY: Partial<Record<RuntimeFamily, RuntimeFamily>> = { go: 'provided' };

export function runtimeById(id: string): LambdaRuntime | undefined {
  return LAMBDA_RUNTIMES.find((r) => r.id === id);
}

export function runtimeByCdkConstant(name: string): LambdaRuntime | undefined {
  return LAMBDA_RUNTIMES.find((r) => r.cdk === name);
}

export function isDeprecated(r: LambdaRuntime, asOf: string): boolean {
  return r.deprecated !== undefined && r.deprecated <= asOf;
}

/**
 * The newest runtime of the same language that is not deprecated on `asOf` and (when the
 * project's aws-cdk-lib version is known) exists in it, among those with a CDK constant if `cdk`.
 */
export function replacementFor(r: LambdaRuntime, asOf: string, opts: { cdk: boolean; cdkVersionAtLeast?: (v: string) => boolean | undefined }): LambdaRuntime | undefined {
  const family = SUCCESSOR_FAMILY[r.family] ?? r.family;
  return LAMBDA_RUNTIMES.filter(
    (c) =>
      c.family === family &&
      !isDeprecated(c, asOf) &&
      (!opts.cdk || c.cdk !== undefined) &&
      (!opts.cdk || !c.cdkSince || opts.cdkVersionAtLeast?.(c.cdkSince) !== false),
  ).sort((a, b) => b.order - a.order)[0];
}
