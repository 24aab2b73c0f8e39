/** Which kind of input a file or response is: by extension, then by its first bytes. */
export type InputFormat = 'text' | 'html' | 'feed' | 'jsonl';
export type FormatOption = InputFormat | 'auto';

const BY_EXT: Record<string, InputFormat> = {
  txt: 'text',
  text: 'text',
  md: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  rss: 'feed',
  atom: 'feed',
  xml: 'feed',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

export function formatFromName(name: string): InputFormat | undefined {
  const clean = name.replace(/[?#].*$/, '');
  const dot = clean.lastIndexOf('.');
  if (dot < 0 || dot < clean.lastIndexOf('/')) return undefined;
  return BY_EXT[clean.slice(dot + 1).toLowerCase()];
}

/** Sniffs the first bytes (ASCII markup survives any of the encodings we read). */
export function formatFromHead(head: Uint8Array, contentType = ''): InputFormat | undefined {
  const ct = contentType.toLowerCase();
  if (/(rss|atom|rdf)\+xml|\/xml/.test(ct)) return 'feed';
  if (ct.includes('html')) return 'html';
  if (ct.includes('ndjson') || ct.includes('jsonl')) return 'jsonl';
  // Strip NULs so UTF-16 markup reads as ASCII too.
  const ascii = Buffer.from(head.subarray(0, 2048))
    .toString('latin1')
    .replace(/\u0000|^\u00ef\u00bb\u00bf|^\u00ff\u00fe|^\u00fe\u00ff/g, '')
    .trimStart()
    .toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)\b/.test(ascii)) return 'feed';
  if (/^(<\?xml[^>]*>\s*)?(<!doctype html|<html|<head|<body|<meta|<article|<div|<p\b)/.test(ascii))
    return 'html';
  if (/^\{\s*"/.test(ascii)) return 'jsonl';
  return undefined;
}

export function resolveFormat(opts: {
  option: FormatOption;
  name: string;
  head: Uint8Array;
  contentType?: string;
}): InputFormat {
  if (opts.option !== 'auto') return opts.option;
  const byName = formatFromName(opts.name);
  if (byName && byName !== 'text') return byName;
  return formatFromHead(opts.head, opts.contentType) ?? 'text';
}
