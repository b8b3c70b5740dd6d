/**
 * X's pay-per-use prices (x-api--getting-started--pricing), to estimate what Perch's requests cost the person's
 * X app. Reads are charged per resource returned, each resource at most once per UTC day; reads of the app
 * owner's own bookmarks, mutes, blocks and lists are "owned reads" at $0.001; writes are charged per request.
 */

export const READ_PRICE = { post: 0.005, user: 0.01, list: 0.005, owned: 0.001 } as const;

export const WRITE_PRICE = {
  post: 0.015,
  postWithUrl: 0.2,
  bookmark: 0.005,
  listCreate: 0.01,
  listManage: 0.005,
  unmute: 0.005,
  interaction: 0.015,
  interactionDelete: 0.01,
  /** POST /2/media/metadata (an image's description): "Media Metadata". */
  mediaMetadata: 0.005,
  /**
   * The media upload requests (one-request upload; initialize, append, finalize; the STATUS check): the pricing page
   * lists no price for them, so they count as requests at $0.
   */
  mediaUpload: 0,
} as const;

/** Endpoints whose reads are owned reads when `:id` is the signed-in user (the app owner). */
const OWNED = [/\/2\/users\/\d+\/(bookmarks|muting|blocking|owned_lists|followed_lists|list_memberships|pinned_lists)(\/|$|\?)/];

export type ResourceKind = 'post' | 'user' | 'list';

/** Adds up the estimated cost of requests, charging each resource once per UTC day as X does. */
export class CostMeter {
  private readonly charged = new Set<string>();
  total = 0;
  requests = 0;

  /** A read: the resources it returned, by kind and id. */
  read(path: string, day: string, resources: { kind: ResourceKind; id: string }[]): number {
    this.requests += 1;
    const owned = OWNED.some((r) => r.test(path));
    let cost = 0;
    for (const r of resources) {
      const key = `${day}|${r.kind}|${r.id}`;
      if (this.charged.has(key)) continue;
      this.charged.add(key);
      cost += owned ? READ_PRICE.owned : READ_PRICE[r.kind];
    }
    this.total += cost;
    return cost;
  }

  /** A write, by its price. */
  write(price: number): number {
    this.requests += 1;
    this.total += price;
    return price;
  }
}

/** "$0.123" */
export function formatDollars(amount: number): string {
  return `$${amount.toFixed(amount < 0.01 && amount > 0 ? 4 : 3)}`;
}
