import { parseXUrl } from '@/lib/x-url';
import { startTabPrefetch } from './popup/prefetch';

/** A classic script in popup.html's head: asks the background about the tab's post or profile before React loads. */
export default defineUnlistedScript(() => startTabPrefetch(parseXUrl));
