// Line breaking for Chinese text: any two Han characters may part, Latin words and numbers stay whole,
// closing punctuation never starts a line (it hangs into the margin and the line is squeezed) and
// opening punctuation never ends one (避头尾).

/** Never at the start of a line. */
const NO_START = new Set([...'，。、；：？！）》」』”’〕】…—·%,.;:!?)]}']);
/** Never at the end of a line. */
const NO_END = new Set([...'（《「『“‘〔【([{']);

export type Line = { text: string; width: number; isBroken: boolean };

/** Splits `text` into lines no wider than `max` (a hanging closing mark may exceed it by one glyph). */
export function wrapText(text: string, max: number, measure: (s: string) => number): Line[] {
  const lines: Line[] = [];
  let current = '';
  let isFull = false;
  for (const token of tokens(text, max, measure)) {
    const fits = current === '' || (!isFull && measure(current + token) <= max);
    if (fits) {
      current += token;
      continue;
    }
    if (NO_START.has(token)) {
      current += token; // hanging punctuation: the line is squeezed back when justified
      isFull = true;
      continue;
    }
    // an opening mark (or a run of them) at the line's end moves down with the token
    let carry = '';
    while (current.length > 1 && NO_END.has(current.slice(-1))) {
      carry = current.slice(-1) + carry;
      current = current.slice(0, -1);
    }
    lines.push({ text: current, width: measure(current), isBroken: true });
    current = carry + token;
    isFull = false;
  }
  lines.push({ text: current, width: measure(current), isBroken: false });
  return lines;
}

/** Han characters and marks one by one; Latin words and numbers whole unless wider than a line. */
function tokens(text: string, max: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9][A-Za-z0-9_\-./:%*@#+=&?~]*|[\s\S]/gu)) {
    const token = match[0];
    if (token.length > 1 && measure(token) > max) out.push(...token);
    else out.push(token);
  }
  return out;
}
