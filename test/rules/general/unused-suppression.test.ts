// The rule table runs `unused-suppression` alone, so only misspelled IDs can be judged here (a
// suppression of a rule that did not run is never called unused); unused suppressions of rules
// that ran are covered with the full rule set in test/engine/suppress.test.ts.
import { unusedSuppression } from '../../../server/src/rules/general/unused-suppression';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(unusedSuppression, {
  valid: [
    { name: 'a known rule ID (not judged: the rule did not run)', filename: 'a.js', code: "// aws-patterns-disable-next-line sdk-v2-import -- legacy\nconst AWS = require('aws-sdk');\n" },
    { name: 'a comment mentioning the syntax', filename: 'a.ts', code: '// Use aws-patterns-disable-next-line to silence a finding.\nexport {};\n' },
    { name: 'JSON with a known rule ID', filename: 'p.json', code: '{\n  // aws-patterns-disable-next-line iam-wildcard-action\n  "Statement": []\n}\n' },
  ],
  invalid: [
    {
      name: 'a misspelled ID, alone in its comment',
      filename: 'a.js',
      code: "// aws-patterns-disable-next-line sdk-v2-imports -- legacy\nconst AWS = require('aws-sdk');\n",
      errors: [{
        messageId: 'unknownRule', line: 1, column: 35, endColumn: 49, severity: 'information', data: { ruleId: 'sdk-v2-imports' },
        suggestions: [
          { title: 'Change to sdk-v2-import', output: "// aws-patterns-disable-next-line sdk-v2-import -- legacy\nconst AWS = require('aws-sdk');\n" },
          { title: 'Remove the suppression comment', output: "const AWS = require('aws-sdk');\n" },
        ],
      }],
      output: null,
    },
    {
      name: 'a misspelled ID among others, in JSON',
      filename: 'p.json',
      code: '{\n  /* aws-patterns-disable iam-wildcard-action, iam-wilcard-action */\n  "Statement": []\n}\n',
      errors: [{
        messageId: 'unknownRule', line: 2,
        suggestions: [
          { title: 'Change to', output: '{\n  /* aws-patterns-disable iam-wildcard-action, iam-wildcard-action */\n  "Statement": []\n}\n' },
          { title: 'Remove iam-wilcard-action', output: '{\n  /* aws-patterns-disable iam-wildcard-action */\n  "Statement": []\n}\n' },
        ],
      }],
      output: null,
    },
    {
      name: 'an ID far from every rule: no guess',
      filename: 'a.ts',
      code: 'const x = 1; // aws-patterns-disable-line no-console\n',
      errors: [{ messageId: 'unknownRule', data: { didYouMean: '' }, suggestions: [{ title: 'Remove the suppression comment', output: 'const x = 1;\n' }] }],
      output: null,
    },
    {
      name: 'a directive naming unused-suppression that keeps nothing is itself unused (safe fix)',
      filename: 'a.ts',
      code: '// aws-patterns-disable-next-line unused-suppression -- kept for the v2 branch\nexport const x = 1;\n',
      errors: [{ messageId: 'unused', line: 1, column: 35, data: { rules: 'unused-suppression' } }],
      output: 'export const x = 1;\n',
    },
  ],
});
