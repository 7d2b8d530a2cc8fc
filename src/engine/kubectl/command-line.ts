/**
 * Splitting typed text into argv the way a POSIX shell would for the commands learners type:
 * single and double quotes, backslash escapes, and a here-document fed to stdin —
 * `kubectl apply -f - <<EOF … EOF` and `cat <<EOF | kubectl apply -f -`.
 */

export type CommandLine =
  { ok: true; argv: string[]; stdin?: string } | { ok: false; error: string };

/** `$NAME` or `${NAME}` at `at`: the name and where the reference ends, if one starts there. */
function variableAt(line: string, at: number): { name: string; end: number } | undefined {
  const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(line.slice(at));
  return m ? { name: (m[1] ?? m[2])!, end: at + m[0].length } : undefined;
}

/**
 * Splits one line into words. With `lookup`, `$NAME` and `${NAME}` expand as sh expands them:
 * inside double quotes as they are, unquoted with the value split into words at blanks (an
 * empty unquoted value adds no word), never inside single quotes; an unset name is empty.
 */
export function splitWords(
  line: string,
  lookup?: (name: string) => string | undefined,
): { ok: true; words: string[] } | { ok: false; error: string } {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const ref = lookup && ch === '$' ? variableAt(line, i) : undefined;
    if (ref) {
      const fields = (lookup!(ref.name) ?? '').split(/[ \t\n]+/);
      fields.forEach((f, k) => {
        if (k > 0) {
          if (inWord) words.push(cur);
          cur = '';
          inWord = false;
        }
        if (f) {
          cur += f;
          inWord = true;
        }
      });
      i = ref.end - 1;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" };
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        const inner = lookup && line[j] === '$' ? variableAt(line, j) : undefined;
        if (inner) {
          cur += lookup!(inner.name) ?? '';
          j = inner.end - 1;
          continue;
        }
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        cur += line[j];
      }
      if (j >= line.length)
        return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
      i = j;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return { ok: true, words };
}

/**
 * Parses typed input: the first line is the command; a `<<WORD` (or `<<'WORD'`, `<<-WORD`)
 * takes the following lines up to WORD as stdin. Continuation lines ending in `\` are joined.
 */
export function parseCommandLine(text: string): CommandLine {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let first = lines.shift() ?? '';
  while (first.endsWith('\\') && lines.length > 0) first = first.slice(0, -1) + ' ' + lines.shift();
  let stdin: string | undefined;
  const here = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(first);
  if (here) {
    const delimiter = here[3]!;
    const stripTabs = here[1] === '-';
    const end = lines.findIndex(
      (l) => (stripTabs ? l.replace(/^\t+/, '') : l).trim() === delimiter,
    );
    if (end < 0)
      return {
        ok: false,
        error: `warning: here-document delimited by end-of-file (wanted \`${delimiter}')`,
      };
    stdin =
      lines
        .slice(0, end)
        .map((l) => (stripTabs ? l.replace(/^\t+/, '') : l))
        .join('\n') + '\n';
    first = first.slice(0, here.index) + first.slice(here.index + here[0].length);
  }
  // `cat <<EOF | kubectl …` and `echo '…' | kubectl …`: the left side only feeds stdin.
  const pipe = first.indexOf('|');
  if (pipe >= 0) {
    const left = splitWords(first.slice(0, pipe));
    if (!left.ok) return left;
    const [tool, ...rest] = left.words;
    if (tool === 'echo') stdin = rest.join(' ') + '\n';
    else if (tool !== 'cat' || rest.length > 0)
      return { ok: false, error: `only 'cat <<EOF | …' and 'echo … | …' pipes are supported` };
    first = first.slice(pipe + 1);
  }
  const words = splitWords(first.trim());
  if (!words.ok) return words;
  return stdin === undefined
    ? { ok: true, argv: words.words }
    : { ok: true, argv: words.words, stdin };
}
