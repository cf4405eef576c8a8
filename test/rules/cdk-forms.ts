// The import forms every CDK rule must recognize (RULES.md, "Forms every rule must recognize"),
// as small headers that rule tables combine with their own construct code.

export interface ImportForm {
  name: string;
  filename: string;
  /** Import lines, ending with a newline. */
  header: string;
  /** How the code refers to the class (`s3.Bucket`, `Bucket`, `B`, `cdk.aws_s3.Bucket`...). */
  cls: string;
}

/** Every form of importing `className` from the CDK module `aws-cdk-lib/<sub>` (alias `ns`). */
export function importForms(sub: string, ns: string, className: string): ImportForm[] {
  const module = `aws-cdk-lib/${sub}`;
  const underscored = sub.replace(/-/g, '_');
  return [
    { name: 'namespace import', filename: 'stack.ts', header: `import * as ${ns} from '${module}';\n`, cls: `${ns}.${className}` },
    { name: 'named import', filename: 'stack.ts', header: `import { ${className} } from '${module}';\n`, cls: className },
    { name: 'aliased named import', filename: 'stack.ts', header: `import { ${className} as Aliased } from '${module}';\n`, cls: 'Aliased' },
    { name: `${underscored} as ${ns}`, filename: 'stack.ts', header: `import { ${underscored} as ${ns} } from 'aws-cdk-lib';\n`, cls: `${ns}.${className}` },
    { name: `cdk.${underscored}`, filename: 'stack.ts', header: `import * as cdk from 'aws-cdk-lib';\n`, cls: `cdk.${underscored}.${className}` },
    { name: 'require namespace (JavaScript)', filename: 'stack.js', header: `const ${ns} = require('${module}');\n`, cls: `${ns}.${className}` },
    { name: 'require destructuring (JavaScript)', filename: 'stack.js', header: `const { ${className} } = require('${module}');\n`, cls: className },
    { name: 'CDK v1 module', filename: 'stack.ts', header: `import * as ${ns} from '@aws-cdk/${sub}';\n`, cls: `${ns}.${className}` },
  ];
}
