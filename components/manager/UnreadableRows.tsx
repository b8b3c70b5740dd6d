import { i18n } from '#i18n';
import { numberOf } from './format';

/**
 * Said once above a tab's rows when some stored rows could not be read (components/manager/stored-rows.ts): "1 item
 * kept on this device could not be read." The rows that could be read are drawn below it.
 */
export function UnreadableRows({ count }: { count: number }) {
  if (!count) return null;
  return <p className="muted mgr-unreadable">{i18n.t('manager_rows_unreadable', count, [numberOf(count)])}</p>;
}
