// Renders media/icon.svg (our own drawing) to media/icon.png, the 128×128 marketplace icon.
// Run it after changing the SVG: `npm run render-icon`. It needs rsvg-convert (Debian package
// librsvg2-bin). The PNG is committed, so neither the build nor CI needs the renderer; the PNG
// carries the SVG's SHA-256 in a tEXt chunk, and test/icon.test.ts fails when the two drift.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const svgPath = join(root, 'media', 'icon.svg');
const pngPath = join(root, 'media', 'icon.png');
const SIZE = 128;
const SOURCE_KEY = 'Source-SHA256';

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

let png;
try {
  png = execFileSync('rsvg-convert', ['--width', String(SIZE), '--height', String(SIZE), '--format', 'png', svgPath]);
} catch (e) {
  console.error(`rsvg-convert failed (${e.message}). Install it with: apt-get install librsvg2-bin`);
  process.exit(1);
}
const hash = createHash('sha256').update(readFileSync(svgPath)).digest('hex');
// The tEXt chunk goes right after IHDR (8-byte signature + 25-byte IHDR chunk).
const text = chunk('tEXt', Buffer.from(`${SOURCE_KEY}\0${hash}`, 'latin1'));
writeFileSync(pngPath, Buffer.concat([png.subarray(0, 33), text, png.subarray(33)]));
console.log(`media/icon.png: ${SIZE}×${SIZE}, from media/icon.svg (sha256 ${hash.slice(0, 12)}…)`);
