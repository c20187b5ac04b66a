/** Text made safe for a Markdown table cell. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
