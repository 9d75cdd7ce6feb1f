import yazl from 'yazl';

export interface ZipEntryToWrite {
  name: string;
  data: Buffer;
  /** Deflated unless false (ODF's mimetype must be stored). */
  compress?: boolean;
}

/** Every entry gets this date: the same entries give the same bytes (no clock in the output). */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/** A zip of these entries, in this order, in memory (yazl: a well-kept zip writer). */
export async function writeZip(entries: readonly ZipEntryToWrite[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addBuffer(entry.data, entry.name, { mtime: ENTRY_DATE, compress: entry.compress ?? true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
