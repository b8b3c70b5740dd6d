import { i18n } from '#i18n';
import { Phrases } from '@/components/Phrases';
import './costs.css';

/**
 * One row of the price list: what Perch does, and what X charges for it. The figures are X's own, from its
 * pricing page (x-api--getting-started--pricing.txt); the endpoints Perch calls for each are in lib/x/operations.ts.
 */
interface CostRow {
  what: string;
  price: string;
}

const READS = [
  // Owned Reads: GET /2/users/{id}/bookmarks, /muting, /blocking, /owned_lists, /followed_lists, /pinned_lists,
  // /list_memberships, when the signed-in account owns the X app; otherwise X's per-resource prices.
  { what: 'costs_read_sync', price: 'costs_read_sync_price' },
  // GET /2/tweets/{id}, GET /2/users/by/username/{username}: Posts: Read and User: Read.
  { what: 'costs_read_page', price: 'costs_read_page_price' },
  // GET /2/lists/{id}/members: User: Read, per account returned.
  { what: 'costs_read_members', price: 'costs_read_members_price' },
  // GET /2/lists/{id}/tweets: Posts: Read.
  { what: 'costs_read_list_posts', price: 'costs_read_list_posts_price' },
  // GET /2/users/me, one User: Read.
  { what: 'costs_read_app_check', price: 'costs_read_app_check_price' },
] as const;

const WRITES = [
  // POST /2/tweets: Content: Create, and Content: Create (with URL).
  { what: 'costs_write_post', price: 'costs_write_post_price' },
  { what: 'costs_write_link_post', price: 'costs_write_link_post_price' },
  // POST /2/media/metadata (createMediaMetadata), once for each image or GIF given a description: Media Metadata.
  { what: 'costs_write_alt', price: 'costs_write_alt_price' },
  // POST / DELETE /2/users/{id}/bookmarks: Bookmark.
  { what: 'costs_write_bookmark', price: 'costs_write_bookmark_price' },
  // Likes, reposts, follows, mutes: User Interaction: Create; their undo: Interaction: Delete; unmute: Mute: Delete.
  { what: 'costs_write_interaction', price: 'costs_write_interaction_price' },
  { what: 'costs_write_interaction_undo', price: 'costs_write_interaction_undo_price' },
  { what: 'costs_write_unmute', price: 'costs_write_unmute_price' },
  // POST /2/lists: List: Create; every other list change: List: Manage.
  { what: 'costs_write_list_create', price: 'costs_write_list_create_price' },
  { what: 'costs_write_list_manage', price: 'costs_write_list_manage_price' },
] as const;

function PriceTable({ caption, rows }: { caption: string; rows: readonly CostRow[] }) {
  return (
    <table className="costs-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{i18n.t('costs_col_what')}</th>
          <th scope="col">{i18n.t('costs_col_price')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.what}>
            <th scope="row">
              <Phrases text={row.what} />
            </th>
            <td>
              <Phrases text={row.price} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The settings' Costs section: X's pay-per-use prices as Perch spends them, said once here rather than on the
 * everyday screens (the composer alone says a link post's price, once per account: components/LinkCostNote.tsx).
 */
export function Costs() {
  return (
    <section aria-labelledby="costs-heading" className="costs">
      <h2 id="costs-heading">{i18n.t('costs_heading')}</h2>
      <p>
        <Phrases text={i18n.t('costs_intro')} />
      </p>
      <PriceTable caption={i18n.t('costs_reads_caption')} rows={READS.map((r) => ({ what: i18n.t(r.what), price: i18n.t(r.price) }))} />
      <p className="muted">
        <Phrases text={i18n.t('costs_reads_note')} />
      </p>
      <PriceTable caption={i18n.t('costs_writes_caption')} rows={WRITES.map((r) => ({ what: i18n.t(r.what), price: i18n.t(r.price) }))} />
      <p className="muted">
        <Phrases text={i18n.t('costs_writes_note')} />
      </p>
      <p>
        <Phrases text={i18n.t('costs_out_of_credits')} />
      </p>
      <p>
        <a href="https://docs.x.com/x-api/getting-started/pricing" target="_blank" rel="noreferrer">
          {i18n.t('costs_source')}
        </a>
      </p>
    </section>
  );
}
