/**
 * What go-yaml v2's emitter learns about a scalar before writing it (emitterc.go,
 * yaml_emitter_analyze_scalar), the style it then settles on
 * (yaml_emitter_select_scalar_style) in the block context kubectl's printer always uses,
 * and the character-level helpers its scalar writers share.
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** yaml_emitter_analyze_scalar's verdicts that matter outside flow collections. */
export interface ScalarAnalysis {
  /** The text holds a line break (LF, CR, NEL, LS or PS). */
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  /** Length in code points: the emitter's column counts characters. */
  width: number;
}

/** yamlprivateh.go is_printable, per code point (astral code points are not printable). */
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** yamlprivateh.go is_break: CR, LF, NEL, LS, PS. */
export function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

/** The code point at i (a lone surrogate reads as itself; it is not printable either way). */
export function codePointAt(s: string, i: number): number {
  return s.codePointAt(i)!;
}

/** How many UTF-16 units the code point at i takes. */
export const unitsOf = (cp: number) => (cp > 0xffff ? 2 : 1);

const FIRST_INDICATORS = new Set([...'#,[]{}&*!|>\'"%@`']);

const EMPTY: ScalarAnalysis = {
  multiline: false,
  blockPlainAllowed: true,
  singleQuotedAllowed: true,
  blockAllowed: false,
  width: 0,
};

export function analyzeScalar(s: string): ScalarAnalysis {
  if (s.length === 0) return EMPTY;
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  let width = 0;
  for (let i = 0; i < s.length; width++) {
    const cp = codePointAt(s, i);
    const next = i + unitsOf(cp);
    const last = next >= s.length;
    const followedByWhitespace = last || s[next] === ' ' || s[next] === '\t';
    const ch = s[i]!;
    if (i === 0) {
      if (FIRST_INDICATORS.has(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace)
        blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(cp)) special = true;
    if (cp === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    // is_blankz: blank, break or NUL.
    precededByWhitespace = cp === 0x20 || cp === 0x09 || cp === 0 || isBreak(cp);
    i = next;
  }
  const edges = leadingSpace || leadingBreak || trailingSpace || trailingBreak;
  return {
    multiline: lineBreaks,
    blockPlainAllowed: !(
      edges ||
      breakSpace ||
      spaceBreak ||
      special ||
      lineBreaks ||
      blockIndicators
    ),
    singleQuotedAllowed: !(breakSpace || spaceBreak || special),
    blockAllowed: !(trailingSpace || spaceBreak || special),
    width,
  };
}

/**
 * yaml_emitter_select_scalar_style in block context. `requested` is what encode.go asked
 * for: literal for text with a newline, plain when the text reads back as a string,
 * double-quoted otherwise.
 */
export function selectStyle(
  requested: ScalarStyle,
  a: ScalarAnalysis,
  simpleKey: boolean,
  empty: boolean,
): ScalarStyle {
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlainAllowed || (empty && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

const ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

/** yaml_emitter_write_double_quoted_scalar's escape for one code point (hex in upper case). */
export function escape(cp: number): string {
  const named = ESCAPES[cp];
  if (named !== undefined) return `\\${named}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** Bytes in UTF-8, what check_simple_key measures. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * encoding/json escapes every line break but NEL (U+0085), so when JSONToYAML reads the JSON
 * back, go-yaml's scanner folds a raw NEL inside the quoted string like any line break
 * (read_line turns it into LF): one becomes a space, n of them n-1 newlines, and the spaces
 * around them go.
 */
export function foldNextLines(s: string): string {
  return s.replace(/ *(?:\u0085 *)+/g, (run) => {
    const n = run.split('\u0085').length - 1;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}
