/**
 * A popup panel's failure in place of its content: the read the panel waited for failed, so this line is all it
 * shows, in the error colour and read out as it appears (role alert: no action takes the focus to it). Nothing when
 * there is none. A problem met after the person acted, with the panel still there, is a LiveLine's to say.
 */
export function AlertLine({ text }: { text: string | undefined }) {
  return text ? (
    <p className="error" role="alert">
      {text}
    </p>
  ) : null;
}
