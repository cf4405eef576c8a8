// Nightly export (ESM JavaScript): writes a report to /tmp and copies it to S3 in one
// PutObject, against a LocalStack endpoint someone left in while testing.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({
  endpoint: 'http://localhost:4566',
  forcePathStyle: true,
});
const EXPORT_BUCKET = process.env.EXPORT_BUCKET;
if (!EXPORT_BUCKET) throw new Error('Missing required environment variable EXPORT_BUCKET');

export const handler = async (event) => {
  const path = `/tmp/export-${event.date}.csv`;
  await writeFile(path, await buildReport(event.date));
  await s3.send(new PutObjectCommand({ Bucket: EXPORT_BUCKET, Key: `exports/${event.date}.csv`, Body: createReadStream(path) }));
  return { exported: path };
};

async function buildReport(date) {
  return `date,total\n${date},0\n`;
}
