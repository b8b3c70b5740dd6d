/**
 * Reading an answer's body within a bound: however long X's answer, Perch reads at most a fixed number of bytes of it
 * (lib/x/client.ts reads every answer through here).
 */

/**
 * The most of an answer's body Perch reads (bytes). X's largest answers Perch asks for are about a megabyte (1,000
 * accounts with their fields, 100 bookmarks with what they include); one past this is not read on, and is malformed.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * An answer's body as text, at most {@link MAX_BODY_BYTES}, decoded as `Response.text()` decodes it.
 * @throws RangeError for a longer body (its `content-length`, or the bytes sent), before it is all read; whatever
 *   reading the body throws (the request's deadline passing while it arrives)
 */
export async function boundedText(res: Response): Promise<string> {
  const tooLong = () => new RangeError('body-too-long');
  if (Number(res.headers.get('content-length')) > MAX_BODY_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLong();
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let size = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLong();
    }
    text += decoder.decode(value, { stream: true });
  }
}
