import { describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES } from '@/lib/x/body';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { getMe } from '@/lib/x/users';

/**
 * However long X's answer, Perch reads at most {@link MAX_BODY_BYTES} of it: an answer longer than that (one that never
 * ends, sent as fast as the connection goes inside the request's deadline, or one declaring gigabytes) is given up on
 * as unreadable, with nothing changed, instead of filling the worker's memory.
 */

const MB = 1024 * 1024;
/** Megabytes of an answer far past the bound (finite, so that code reading it all ends too). */
const LONG = (4 * MAX_BODY_BYTES) / MB;

/** An answer whose body is `{"data":{"id":"1","name":"`, a megabyte of `a` at a time `chunks` times, and the rest of a user. */
function streaming(status: number, chunks: number, headers: Record<string, string> = {}) {
  const pulled = { count: 0 };
  const fetch = vi.fn(() => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data":{"id":"1","name":"'));
      },
      pull(controller) {
        if (pulled.count++ >= chunks) {
          controller.enqueue(new TextEncoder().encode('","username":"ada"}}'));
          controller.close();
        } else controller.enqueue(new Uint8Array(MB).fill(0x61));
      },
    });
    return Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  return { client, pulled };
}

async function failure(p: Promise<unknown>): Promise<XApiError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XApiError);
  return error as XApiError;
}

describe('an answer longer than Perch reads', () => {
  it('stops reading an answer four times longer than it reads, and says X’s answer could not be read', async () => {
    const { client, pulled } = streaming(200, LONG);
    const error = await failure(getMe(client));
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe('X sent an answer Perch could not read. Nothing was changed.');
    expect(pulled.count).toBeLessThanOrEqual(MAX_BODY_BYTES / MB + 2);
  });

  it('reads nothing of an answer that declares more bytes than Perch reads', async () => {
    const { client, pulled } = streaming(200, LONG, { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect((await failure(getMe(client))).kind).toBe('malformed');
    expect(pulled.count).toBeLessThanOrEqual(1);
  });

  it('still says X is unavailable for a 503 with an answer that long', async () => {
    const { client } = streaming(503, LONG);
    expect((await failure(getMe(client))).kind).toBe('unavailable');
  });

  it('still reads a long answer within the bound, whole', async () => {
    const { client } = streaming(200, 3);
    const me = await getMe(client);
    expect(me.name).toHaveLength(3 * MB);
  });
});
