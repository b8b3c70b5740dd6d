/** A problem said at once: in the error colour, and read out as it appears (role alert). Nothing when there is none. */
export function AlertLine({ text }: { text: string | undefined }) {
  return text ? (
    <p className="error" role="alert">
      {text}
    </p>
  ) : null;
}
