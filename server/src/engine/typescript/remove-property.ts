// Removes a property from an object literal as a person would: the whole line when the property
// sits on lines of its own, otherwise the property and one separating comma.
import * as ts from 'typescript';
import type { TextEdit } from '../types';

export function removePropertyEdit(sf: ts.SourceFile, element: ts.ObjectLiteralElementLike): TextEdit | undefined {
  const literal = element.parent;
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  const text = sf.text;
  const props = literal.properties;
  const index = props.indexOf(element);
  if (index < 0) return undefined;
  const start = element.getStart(sf);
  // The comma that follows the element, if any (between elements, or a trailing comma).
  let end = element.end;
  let afterComma = end;
  while (afterComma < text.length && /[ \t]/.test(text[afterComma])) afterComma++;
  const hasComma = text[afterComma] === ',';
  if (hasComma) end = afterComma + 1;

  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, start));
  let lineEnd = end;
  while (lineEnd < text.length && /[ \t]/.test(text[lineEnd])) lineEnd++;
  const endsLine = lineEnd >= text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r';
  if (ownLine && endsLine) {
    const next = text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1;
    return { start: lineStart, end: Math.min(next, text.length), newText: '' };
  }
  // The only property, on the braces' line: `{ x: 1 }` becomes `{}`.
  if (props.length === 1) return { start: literal.getStart(sf) + 1, end: literal.end - 1, newText: '' };
  if (hasComma) {
    let after = end;
    while (after < text.length && /[ \t]/.test(text[after])) after++;
    return { start, end: after, newText: '' };
  }
  if (index > 0) return { start: props[index - 1].end, end: element.end, newText: '' };
  return { start, end: element.end, newText: '' };
}
