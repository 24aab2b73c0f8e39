/**
 * PostgreSQL `COPY … FROM STDIN` for the bulk loader (bench/search-pg-bulk.ts), through
 * pg's own protocol support (pg-copy-streams is not a dependency): the text format's rows,
 * and the copy of one such text.
 */
import pg from 'pg';

/** One field of COPY's text format: \N for NULL, backslash escapes for \ and the separators. */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return s.replace(/[\\\n\r\t]/gu, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

/** One row of COPY's text format, newline included. */
export const copyLine = (values: readonly unknown[]) => `${values.map(copyField).join('\t')}\n`;

interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** Runs `sql` (a `COPY … FROM STDIN`) on `client`, sending `data` (COPY text) in 1 MiB messages. */
export function copyIn(client: pg.ClientBase, sql: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const query = new pg.Query(sql, (err) => (err ? reject(err) : resolve()));
    // pg answers a CopyInResponse with CopyFail unless the query says what to send.
    (query as unknown as { handleCopyInResponse(c: CopyConnection): void }).handleCopyInResponse = (c) => {
      const buf = Buffer.from(data);
      for (let at = 0; at < buf.length; at += 1 << 20) c.sendCopyFromChunk(buf.subarray(at, at + (1 << 20)));
      c.endCopyFrom();
    };
    client.query(query);
  });
}
