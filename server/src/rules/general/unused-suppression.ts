import { defineRule } from '../../engine/rule';
import { UNUSED_SUPPRESSION_ID } from '../../engine/suppress';

/**
 * Reports suppression comments that do nothing. The engine's suppression pass produces these
 * findings (it alone knows which directive suppressed what); the rule is registered so the ID has
 * a doc page, a severity setting and a SARIF descriptor like every other rule.
 */
export const unusedSuppression = defineRule({
  id: UNUSED_SUPPRESSION_ID,
  meta: {
    title: 'Unused or misspelled suppression',
    description: 'An `aws-patterns-disable…` comment names an unknown rule, or suppresses no finding of a rule that ran.',
    rationale:
      'A suppression that suppresses nothing hides nothing today but will silently hide a real finding later, and a misspelled rule ID never worked at all. Remove unused suppressions (the quick fix does) and correct misspelled IDs. Suppressions of rules that are turned off, or did not run on the file, are not judged. To keep a suppression on purpose, put `aws-patterns-disable-next-line unused-suppression` above it (only a directive naming this rule can hide its reports).',
    severity: 'information',
    service: 'general',
    guide: '(suppression comments)',
    fix: 'safe',
    languages: ['typescript', 'json'],
    tags: ['unnecessary'],
    messages: {
      unused: 'This suppression of {{rules}} is unused: nothing it covers is reported. Remove it.',
      unknownRule: 'Unknown rule "{{ruleId}}" in this suppression comment{{didYouMean}}: it suppresses nothing.',
    },
    examples: {
      invalid: [{ filename: 'handler.js', code: "// aws-patterns-disable-next-line sdk-v2-imports -- legacy code\nconst AWS = require('aws-sdk');\n" }],
      valid: [{ filename: 'handler.js', code: "// aws-patterns-disable-next-line sdk-v2-import -- legacy code, migration tracked in #12\nconst AWS = require('aws-sdk');\n" }],
    },
  },
  // Findings come from the suppression pass (engine/suppress.ts), not from a visitor.
  create: () => ({}),
});
