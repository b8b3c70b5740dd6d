/** What a result line says: words, and whether they tell of a failure. */
export interface LiveWords {
  text: string;
  error?: boolean;
}

/**
 * A result line a screen reader reads out as it changes: a polite status and an assertive alert (for failures only),
 * both on the page, empty, before either speaks; a region created together with its words is often not read at all.
 */
export function LiveLine({ said, className = '' }: { said: LiveWords | undefined; className?: string }) {
  const failed = !!said?.error;
  // An empty region is there for the reader, hidden from sight, so it takes no room in the layout until it speaks.
  const look = (speaking: boolean, tone: string) => (speaking ? `${className} ${tone}`.trim() : 'visually-hidden');
  return (
    <>
      <p className={look(!!said && !failed, 'muted')} role="status">
        {said && !failed ? said.text : ''}
      </p>
      <p className={look(failed, 'error')} role="alert">
        {failed ? said.text : ''}
      </p>
    </>
  );
}
