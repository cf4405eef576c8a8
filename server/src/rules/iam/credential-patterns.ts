// What AWS credentials look like, as secret scanners recognize them: access key IDs (`AKIA` for
// long-lived user keys, `ASIA` for temporary ones, then 16 upper-case letters or digits) and
// secret access keys (40 base64 characters), the latter only where a name or a neighbouring
// key ID says what they are: 40 random characters alone could be anything.

const KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
const KEY_ID_EXACT = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
const SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;
/** `aws_secret_access_key=...`, `"SecretAccessKey": "..."` inside a longer string (an env list, an INI file). */
const INLINE_SECRET = /secret_?(?:access_?)?key["']?\s*[=:]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i;

export function findAccessKeyIds(text: string): { value: string; index: number }[] {
  return [...text.matchAll(KEY_ID)].map((m) => ({ value: m[0], index: m.index ?? 0 }));
}

export function isAccessKeyId(value: string): boolean {
  return KEY_ID_EXACT.test(value.trim());
}

/** 40 base64 characters mixing cases and digits or symbols, as generated secrets do (a SHA-1 or a word run does not). */
export function looksLikeSecretKey(value: string): boolean {
  if (value.length < 40) return false;
  const v = value.length === 40 ? value : value.trim();
  return SECRET_SHAPE.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v) && /[0-9/+]/.test(v);
}

/** `SecretAccessKey`, `aws_secret_access_key`, `AWS_SECRET_KEY`, `secretKey`... */
export function namesSecretKey(name: string | undefined): boolean {
  if (!name) return false;
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return n.endsWith('secretaccesskey') || n.endsWith('secretkey');
}

/** The secret written after its name inside a longer string, if any. */
export function inlineSecret(text: string): string | undefined {
  const m = INLINE_SECRET.exec(text);
  return m && looksLikeSecretKey(m[1]) ? m[1] : undefined;
}
