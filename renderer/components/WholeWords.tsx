/**
 * Text that wraps only between words: an instance type such as g2-standard-4 never breaks at its
 * hyphens, so two names that differ only there still read apart when they wrap.
 */
export function WholeWords({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\s+)/).map((part, k) =>
        k % 2 === 1 ? (
          part
        ) : (
          <span key={k} className="whole-word">
            {part}
          </span>
        ),
      )}
    </>
  );
}
