import { i18n } from '#i18n';
import { useId, useMemo, useRef, useState } from 'react';
import { IMAGE_TYPES, MAX_IMAGES_PER_POST, MAX_POSTS_IN_THREAD, POST_MAX_WEIGHT } from '@/lib/limits';
import { sendMessage } from '@/lib/messaging';
import { postUrl, profileUrl } from '@/lib/x-url';
import { errorOf, errorText, thrownText } from './error-text';
import { extractUrls, parsePost } from '@/lib/text/parse-post';
import { toBase64 } from '@/lib/base64';
import { tooManyCashtags } from '@/lib/self-serve';
import { LinkCostNote } from './LinkCostNote';
import { PostEditor } from './PostEditor';
import { PublishedPosts } from './PublishedPosts';
import { ConfirmButton } from './manager/ConfirmButton';
import { useEnterprisePlan } from './use-enterprise-plan';
import { useDraft, type DraftTarget, type EditablePost } from './use-draft';

/** Stands for a link inside a message, where the message is split to put the link in. */
const LINK = '\uE000';

type Status =
  | { kind: 'idle' }
  | { kind: 'publishing' }
  | { kind: 'published'; ids: string[]; username: string; separately: boolean }
  | { kind: 'error'; errorKind: string; message: string };

/**
 * Why the Post button is disabled, or undefined when it is not. `enterprise`: the person's X app is on the
 * Enterprise plan, so X's self-serve cashtag limit does not apply (lib/self-serve).
 */
export function whyCannotPost(posts: EditablePost[], enterprise = false): string | undefined {
  const thread = posts.length > 1;
  for (const [i, post] of posts.entries()) {
    if (!post.text.trim() && post.media.length === 0) {
      return thread ? i18n.t('composer_reason_empty_nth', [i + 1]) : i18n.t('composer_reason_empty');
    }
    if (!post.text.trim()) continue;
    const parsed = parsePost(post.text);
    const over = parsed.weightedLength - POST_MAX_WEIGHT;
    if (over > 0) return thread ? i18n.t('composer_reason_over_nth', over, [i + 1, over]) : i18n.t('composer_reason_over', over);
    if (!parsed.valid) return thread ? i18n.t('composer_reason_invalid_nth', [i + 1]) : i18n.t('composer_reason_invalid');
    const cashtags = tooManyCashtags(post.text, enterprise);
    if (cashtags) {
      const named = cashtags.map((t) => `$${t}`).join(', ');
      return thread
        ? i18n.t('composer_reason_cashtags_nth', [i + 1, cashtags.length, named])
        : i18n.t('composer_reason_cashtags', [cashtags.length, named]);
    }
  }
  return undefined;
}

export interface ComposerProps extends DraftTarget {
  username: string;
  /** Heading shown above the box, e.g. "New post" or "Share this page". */
  title?: string;
}

/** The post composer: X's live count, drafts that survive closing, images, threads, reply and quote. */
export function Composer(props: ComposerProps) {
  const { accountId, context, replyToId, quoteId, username } = props;
  const { posts, saved, saveError, update, reload, reset } = useDraft(props);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const reasonId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [imageFor, setImageFor] = useState(0);

  const enterprise = useEnterprisePlan();
  const reason = posts ? whyCannotPost(posts, enterprise) : i18n.t('composer_loading_draft');
  const hasLink = useMemo(() => (posts ?? []).some((p) => extractUrls(p.text).length > 0), [posts]);

  if (!posts) return <section className="composer" aria-busy="true" aria-label={i18n.t('composer_label')} />;

  /** `separately`: the thread's remaining posts each on its own, after X refused one as a reply. */
  async function publish(separately = false) {
    setStatus({ kind: 'publishing' });
    try {
      const result = await sendMessage({ type: 'post.publish', accountId, context, ...(separately ? { separately } : {}) });
      setStatus({ kind: 'published', ...result, separately });
      reset();
    } catch (e) {
      const error = errorOf(e);
      setStatus({ kind: 'error', errorKind: error.kind, message: errorText(error) });
      await reload().catch(() => undefined);
    }
  }

  async function addImages(files: FileList | null) {
    if (!files) return;
    const post = posts?.[imageFor];
    if (!post) return;
    const room = MAX_IMAGES_PER_POST - post.media.length;
    const picked = [...files].slice(0, room);
    if (files.length > room)
      setStatus({ kind: 'error', errorKind: 'too-many', message: i18n.t('composer_too_many_images', MAX_IMAGES_PER_POST) });
    for (const file of picked) {
      try {
        const { id } = await sendMessage({
          type: 'draft.attachImage',
          accountId,
          context,
          name: file.name,
          mediaType: file.type,
          data: toBase64(new Uint8Array(await file.arrayBuffer())),
        });
        const media = { id, name: file.name, type: file.type, size: file.size, previewUrl: URL.createObjectURL(file) };
        update((all) => all.map((p, i) => (i === imageFor ? { ...p, media: [...p.media, media] } : p)));
      } catch (e) {
        setStatus({ kind: 'error', errorKind: 'image', message: thrownText(e) });
      }
    }
  }

  const unknown = saved?.state === 'unknown';
  const busy = status.kind === 'publishing';
  const refused = busy ? undefined : saved?.replyRefused;
  const postLabel = posts.length > 1 ? i18n.t('composer_post_all') : i18n.t('composer_post');
  const [unknownBefore, unknownAfter] = i18n.t('composer_outcome_unknown', [LINK]).split(LINK);

  return (
    <section className="composer" aria-label={props.title ?? i18n.t('composer_new_post')}>
      {props.title ? <h2>{props.title}</h2> : null}
      {replyToId ? <p className="note">{i18n.t('composer_reply_note', [replyToId])}</p> : null}
      {quoteId ? <p className="note">{i18n.t('composer_quote_note', [quoteId])}</p> : null}

      {status.kind === 'published' ? (
        <PublishedPosts
          accountId={accountId}
          ids={status.ids}
          username={status.username}
          separately={status.separately}
          onError={(message) => setStatus({ kind: 'error', errorKind: 'delete', message })}
          onWriteAnother={() => setStatus({ kind: 'idle' })}
        />
      ) : (
        <>
          {posts.map((post, i) => (
            <div key={i} className="thread-post">
              {saved && i < saved.publishedIds.length ? (
                <p className="muted">
                  {i18n.t('composer_already_on_x', [i + 1])}{' '}
                  <a href={postUrl(saved.publishedIds[i] ?? '', username)} target="_blank" rel="noreferrer">
                    {i18n.t('composer_view_post_on_x', [i + 1])}
                  </a>
                </p>
              ) : (
                <>
                  <PostEditor
                    text={post.text}
                    label={posts.length > 1 ? i18n.t('composer_text_label_nth', [i + 1]) : i18n.t('composer_text_label')}
                    describedBy={reason ? reasonId : undefined}
                    autoFocus={i === 0}
                    onChange={(text) => update((all) => all.map((p, j) => (j === i ? { ...p, text } : p)))}
                  />
                  {post.media.length ? (
                    <ul className="media-list" aria-label={i18n.t('composer_images_label', [i + 1])}>
                      {post.media.map((m) => (
                        <li key={m.id} className="media-item">
                          {m.previewUrl ? <img src={m.previewUrl} alt="" width={48} height={48} /> : null}
                          <span className="media-name">{m.name}</span>
                          <button
                            type="button"
                            onClick={() =>
                              update((all) => all.map((p, j) => (j === i ? { ...p, media: p.media.filter((x) => x.id !== m.id) } : p)))
                            }
                          >
                            {i18n.t('composer_remove_image', [m.name])}
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <div className="row">
                    <button
                      type="button"
                      disabled={post.media.length >= MAX_IMAGES_PER_POST || busy}
                      onClick={() => {
                        setImageFor(i);
                        fileInput.current?.click();
                      }}
                    >
                      {posts.length > 1 ? i18n.t('composer_add_image_nth', [i + 1]) : i18n.t('composer_add_image')}
                    </button>
                    {i > 0 ? (
                      <button type="button" disabled={busy} onClick={() => update((all) => all.filter((_, j) => j !== i))}>
                        {i18n.t('composer_remove_post', [i + 1])}
                      </button>
                    ) : null}
                  </div>
                </>
              )}
            </div>
          ))}
          <input
            ref={fileInput}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            multiple
            hidden
            aria-label={i18n.t('composer_choose_images')}
            onChange={(e) => {
              void addImages(e.target.files);
              e.target.value = '';
            }}
          />
          <LinkCostNote accountId={accountId} hasLink={hasLink} />
          {unknown ? (
            <p className="notice" role="alert">
              {unknownBefore}
              <a href={profileUrl(username)} target="_blank" rel="noreferrer">
                {i18n.t('composer_check_profile')}
              </a>
              {unknownAfter}
            </p>
          ) : null}
          {refused ? (
            <div className="notice">
              <p role="alert">
                {refused.reason
                  ? i18n.t('composer_reply_refused', [refused.index + 1, refused.index, refused.reason])
                  : i18n.t('composer_reply_refused_no_reason', [refused.index + 1, refused.index])}{' '}
                {i18n.t('composer_reply_refused_kept', refused.index, [refused.index, refused.index + 1])}
              </p>
              <button type="button" onClick={() => void publish(true)}>
                {i18n.t('composer_post_rest_separately')}
              </button>
            </div>
          ) : null}
          {status.kind === 'error' &&
          !(unknown && status.errorKind === 'outcome-unknown') &&
          !(refused && status.errorKind === 'reply-refused') ? (
            <p className="error" role="alert">
              {status.message}
            </p>
          ) : null}
          {saveError ? (
            <p className="error" role="alert">
              {saveError}
            </p>
          ) : null}
          <div className="composer-actions row">
            <button
              type="button"
              disabled={posts.length >= MAX_POSTS_IN_THREAD || busy}
              onClick={() => update((all) => [...all, { text: '', media: [] }])}
            >
              {i18n.t('composer_add_to_thread')}
            </button>
            {unknown ? (
              <button
                type="button"
                onClick={() =>
                  void sendMessage({ type: 'draft.discard', accountId, context }).then(() => {
                    reset();
                    setStatus({ kind: 'idle' });
                  })
                }
              >
                {i18n.t('composer_discard')}
              </button>
            ) : null}
            {unknown ? (
              <>
                <ConfirmButton
                  label={i18n.t('composer_post_again')}
                  short={i18n.t('composer_post_again')}
                  prompt={i18n.t('composer_post_again_prompt')}
                  confirmLabel={i18n.t('composer_post_again_confirm')}
                  cancelLabel={i18n.t('composer_post_again_cancel')}
                  disabled={!!reason || busy}
                  onConfirm={() => void publish()}
                />
                <button type="button" className="primary" onClick={() => window.open(profileUrl(username), '_blank', 'noopener')}>
                  {i18n.t('composer_check_on_x')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={!!reason || busy}
                aria-describedby={reason ? reasonId : undefined}
                onClick={() => void publish()}
              >
                {busy ? i18n.t('composer_posting') : postLabel}
              </button>
            )}
          </div>
          {reason && posts.some((p) => p.text || p.media.length) ? (
            <p id={reasonId} className="muted">
              {reason}
            </p>
          ) : reason ? (
            <p id={reasonId} className="visually-hidden">
              {reason}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
