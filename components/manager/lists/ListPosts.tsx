import { i18n } from '#i18n';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { postUrl } from '@/lib/x-url';
import { expandedText, postTextSegments } from '@/lib/text/segments';
import { sendMessage, type PostView } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { useReadRetry } from '@/components/use-read-retry';
import { readKey } from '@/lib/services/read-retries';
import { timeOf } from '../format';
import { When } from '../When';
import { UserIdentity } from '../UserLookup';
import { MediaThumbs } from '../bookmarks/MediaThumbs';
import { ProfileLink } from '../ProfileLink';

// `posts` while loading: what a Refresh keeps shown, and the button its words, until X's new answer replaces them.
type Preview =
  | { state: 'idle' }
  | { state: 'loading'; posts?: PostView[] }
  | { state: 'shown'; posts: PostView[] }
  | { state: 'error'; message: string };

/** A preview of a list's newest posts, read from X when asked: shown, never stored. */
export function ListPosts({ accountId, listId, name }: { accountId: string; listId: string; name: string }) {
  const id = useId();
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  // Which read is awaited: one the person stopped waiting for is let go, its late answer not shown.
  const reading = useRef(0);
  const button = useRef<HTMLButtonElement>(null);
  // X not answering (a 5xx, no answer at all): Perch's next try of GET /2/lists/:id/tweets (getListsPosts), while it waits.
  const retry = useReadRetry(accountId, readKey('GET', `/2/lists/${listId}/tweets`), preview.state === 'loading');
  // Stop waiting goes when the read ends (X answered, or the last try failed): if it had the focus, the button that
  // reads takes it, never the page.
  const stopHadFocus = useRef(false);
  useLayoutEffect(() => {
    if (retry || !stopHadFocus.current) return;
    stopHadFocus.current = false;
    if (!document.activeElement || document.activeElement === document.body) button.current?.focus();
  }, [retry]);

  async function show() {
    const mine = ++reading.current;
    setPreview((was) => (was.state === 'shown' ? { state: 'loading', posts: was.posts } : { state: 'loading' }));
    try {
      const posts = await sendMessage({ type: 'list.posts', accountId, listId });
      if (mine === reading.current) setPreview({ state: 'shown', posts });
    } catch (e) {
      if (mine === reading.current) setPreview({ state: 'error', message: thrownText(e) });
    }
  }

  /**
   * Stops waiting for X: what was shown before stays, and the button reads again. Stop waiting goes: the focus moves to
   * it. (The background's tries of that read go on, at most three, and their answer is let go.)
   */
  function stopWaiting() {
    reading.current++;
    stopHadFocus.current = false;
    setPreview((was) => (was.state === 'loading' && was.posts ? { state: 'shown', posts: was.posts } : { state: 'idle' }));
    button.current?.focus();
  }

  const posts = preview.state === 'shown' || preview.state === 'loading' ? preview.posts : undefined;

  return (
    <section className="mgr-posts" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{i18n.t('lists_posts_title')}</h3>
      <div className="row">
        <button
          ref={button}
          type="button"
          aria-label={i18n.t(posts ? 'lists_posts_refresh' : 'lists_posts_show', { name })}
          // Busy said with aria-disabled, not `disabled`: a disabled button drops the keyboard's focus to the page. Its
          // words stay while busy: a Refresh pressed does not turn back into Show latest posts under the person.
          aria-disabled={preview.state === 'loading' || undefined}
          onClick={() => preview.state !== 'loading' && void show()}
        >
          {i18n.t(posts ? 'lists_posts_refresh_short' : 'lists_posts_show_short')}
        </button>
        {retry ? (
          <button
            type="button"
            onClick={stopWaiting}
            onFocus={() => (stopHadFocus.current = true)}
            onBlur={(e) => (stopHadFocus.current = e.relatedTarget === null)}
          >
            {i18n.t('lists_posts_stop_waiting')}
          </button>
        ) : null}
        <span className="note">{i18n.t('lists_posts_note')}</span>
      </div>
      <div aria-live="polite">
        {preview.state === 'loading' ? <p className="muted">{i18n.t('lists_posts_loading')}</p> : null}
        {retry ? <p className="note">{i18n.t('lists_posts_retrying', { time: timeOf(retry.at) })}</p> : null}
        {preview.state === 'error' ? (
          <p className="error" role="alert">
            {i18n.t('lists_posts_failed', { message: preview.message })}
          </p>
        ) : null}
        {preview.state === 'shown' && !posts?.length ? <p className="mgr-empty">{i18n.t('lists_posts_empty')}</p> : null}
      </div>
      {posts?.length ? (
        <ul className="mgr-post-list" aria-label={i18n.t('lists_posts_of', { name })} aria-busy={preview.state === 'loading' || undefined}>
          {posts.map((p) => (
            <li key={p.id} className="mgr-post">
              {/* X's answer may leave a post's author out of `includes.users` (its Expansions require none): said so, as a
                  bookmark card says it, not a nameless post and a link named like every other post's. */}
              <article aria-label={p.author ? i18n.t('lists_post_by', { username: p.author.username }) : i18n.t('lists_post_by_unknown')}>
                {p.author ? <UserIdentity user={p.author} /> : <p className="muted">{i18n.t('lists_post_unknown_author')}</p>}
                <p className="mgr-post-text">{expandedText(postTextSegments(p.text, p.urls ?? []))}</p>
                {p.media?.length ? <MediaThumbs media={p.media} /> : null}
                <p className="note">
                  {[
                    p.createdAt ? <When key="when" iso={p.createdAt} /> : null,
                    p.mediaCount ? i18n.t('lists_post_media', p.mediaCount) : null,
                    p.quoted ? i18n.t('lists_post_quotes') : null,
                  ]
                    .filter(Boolean)
                    .flatMap((part, i) => (i ? [' · ', part] : [part]))}{' '}
                  <a
                    href={postUrl(p.id, p.author?.username)}
                    target="_blank"
                    rel="noreferrer"
                    aria-label={
                      p.author ? i18n.t('lists_post_open_label', { username: p.author.username }) : i18n.t('lists_post_open_label_unknown')
                    }
                  >
                    {i18n.t('lists_post_open')}
                  </a>
                  {/* The author's profile on x.com, as each of a List's members has one ("Profile of @grace on X"). */}
                  {p.author ? (
                    <>
                      {' · '}
                      <ProfileLink username={p.author.username} />
                    </>
                  ) : null}
                </p>
              </article>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
