/**
 * A chart's category label broken at spaces into lines of at most `maxChars` characters (a word
 * longer than that keeps its own line). chart.js gives a vertical axis at most half the chart's
 * width and cuts a longer label off on the left ('ts per month (770,000 → 2,400,000)'), so long
 * labels go on more lines instead. The given lines stay lines: `['GPT-4o mini', 'OpenAI API']`.
 */
export function wrapLabel(label: string | readonly string[], maxChars: number): string[] {
  const lines = typeof label === 'string' ? [label] : label;
  return lines.flatMap((line) => {
    const out: string[] = [];
    let current = '';
    for (const word of line.split(' ').filter((w) => w !== '')) {
      if (current === '') current = word;
      else if (current.length + 1 + word.length <= maxChars) current = `${current} ${word}`;
      else {
        out.push(current);
        current = word;
      }
    }
    return current === '' ? out : [...out, current];
  });
}

/**
 * Characters a chart's category label may take on one line: about half a narrow chart's width at
 * the charts' type size (a 430-px chart in the app's two-column grid at 1280 × 800, 12 px type).
 */
export const CATEGORY_LABEL_CHARS = 24;
