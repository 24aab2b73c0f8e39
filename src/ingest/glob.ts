/**
 * A small glob → RegExp (Node 20 has no fs.glob). Supports `**` (any number of folders),
 * `*` (anything but `/`), `?`, `[abc]`, `[!abc]` and `{a,b}`. A pattern without `/`
 * matches a file's name in any folder (`*.html`); one with `/` matches the path
 * relative to the folder being ingested (`2025/**\/*.txt`).
 */

const special = /[.+^$()|\\]/;

export function globToRegExp(pattern: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything.
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if (special.test(c)) re += `\\${c}`;
    else re += c;
  }
  return new RegExp(`^${re}$`, 'u');
}

/** A matcher for paths relative to the ingest root, `/`-separated. */
export function globMatcher(patterns: readonly string[]): (relPath: string) => boolean {
  const compiled = patterns.map((p) => ({ re: globToRegExp(p), baseOnly: !p.includes('/') }));
  return (relPath) => {
    const base = relPath.slice(relPath.lastIndexOf('/') + 1);
    return compiled.some(({ re, baseOnly }) => re.test(baseOnly ? base : relPath));
  };
}
