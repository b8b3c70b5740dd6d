import { i18n } from '#i18n';
import type { ActionRow, ListRow } from '@/lib/db';
import { isPendingList } from './list-rules';
import { ListActions, ListFacts, ListPinWaiting, type Act } from './ListActions';

/**
 * One list in a section of the Lists tab: its name (opens it), privacy, member count, description and quick actions.
 * The name's button is named by the name alone, as shown, so a person can say what they see to a voice control.
 */
export function ListCard({
  list,
  pending: change,
  pin,
  act,
  onOpen,
  sayMember = false,
}: {
  list: ListRow;
  /** Its change (name, description, privacy) still waiting for X, if any: shown, but not as done. */
  pending?: ActionRow | undefined;
  /** Its pin or unpin still waiting for X, if any: the card stays where X has it, said waiting. */
  pin?: ActionRow | undefined;
  act: Act;
  onOpen: (list: ListRow, from: HTMLButtonElement) => void;
  /** Say the person is a member of it (a section other than Member of, which leaves it out). */
  sayMember?: boolean;
}) {
  const pending = isPendingList(list);
  return (
    <li className="mgr-list">
      <div className="mgr-list-head">
        {pending ? (
          <span className="mgr-list-name">
            <bdi>{list.name}</bdi>
          </span>
        ) : (
          <button type="button" className="link mgr-list-name" onClick={(e) => onOpen(list, e.currentTarget)}>
            <bdi>{list.name}</bdi>
          </button>
        )}
        <ListFacts list={list} sayMember={sayMember} />
        {pending ? <span className="muted">{i18n.t('lists_creating')}</span> : null}
        {!pending && change?.type === 'list.update' ? <span className="muted">{i18n.t('lists_change_waiting')}</span> : null}
      </div>
      {list.description ? (
        <p className="mgr-list-description">
          <bdi>{list.description}</bdi>
        </p>
      ) : null}
      <ListPinWaiting pin={pin} />
      {pending ? null : <ListActions list={list} act={act} />}
    </li>
  );
}
