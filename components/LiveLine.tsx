import { Phrases } from './Phrases';

/** What a result line says: words, and whether they tell of a failure. */
export interface LiveWords {
  text: string;
  error?: boolean;
}

/**
 * A line a screen reader reads out as it changes: on the page, empty and hidden from sight (taking no room in the
 * layout), before it speaks, since a live region created together with its words is often not read at all. `tone` is
 * its class once it has words; `inline` for one in a row of controls.
 */
export function LiveRegion({
  role,
  tone,
  text,
  inline = false,
}: {
  role: 'alert' | 'status';
  tone: string;
  text: string | undefined;
  inline?: boolean;
}) {
  const Line = inline ? 'span' : 'p';
  return (
    <Line className={text ? tone : 'visually-hidden'} role={role}>
      {text ? <Phrases text={text} /> : ''}
    </Line>
  );
}

/**
 * A result line a screen reader reads out as it changes: a polite status and an assertive alert (for failures only),
 * both on the page, empty, before either speaks (two LiveRegions).
 */
export function LiveLine({ said, className = '' }: { said: LiveWords | undefined; className?: string }) {
  const failed = !!said?.error;
  const tone = (look: string) => `${className} ${look}`.trim();
  return (
    <>
      <LiveRegion role="status" tone={tone('muted')} text={said && !failed ? said.text : undefined} />
      <LiveRegion role="alert" tone={tone('error')} text={failed ? said.text : undefined} />
    </>
  );
}
