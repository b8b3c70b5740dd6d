// One composer holds a post or a thread and each state of publishing it. Attaching images and video lives in
// use-attach-media.ts, a post's buttons (or its line once on X) in ThreadPostTools.tsx, and an edit of a published
// post in EditComposer.tsx.
import { i18n } from '#i18n';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { MAX_POSTS_IN_THREAD } from '@/lib/limits';
import { sendMessage } from '@/lib/messaging';
import { errorOf, thrownText } from './error-text';
import { composeErrorText } from './compose-error-text';
import { extractUrls } from '@/lib/text/parse-post';
import { ClearDraftButton } from './ClearDraftButton';
import { ComposerFoot } from './ComposerFoot';
import { canSplit, isVideo, splitPostInThread, whyCannotPost, withAlt } from './compose-rules';
import { LinkCostNote } from './LinkCostNote';
import { ParentPost, type ParentPostView } from './ParentPost';
import { OutcomeUnknownActions, OutcomeUnknownNotice, ReplyRefusedNotice } from './ComposerNotices';
import { PostEditor } from './PostEditor';
import { PostMedia } from './PostMedia';
import { PublishedPosts, PublishedRegion } from './PublishedPosts';
import { useEnterprisePlan } from './use-enterprise-plan';
import { usePostLimit } from './use-post-limit';
import { useDraft, type DraftTarget } from './use-draft';
import { EditComposer, useBackToEdit, useOpenEdit } from './EditComposer';
import { UploadProgress, useUploadProgress } from './UploadProgress';
import { MediaPickers } from './MediaPickers';
import { FileNameWords, spokenFileWords } from './FileNameWords';
import { PostOnX, ThreadPostTools, whyNoRoomForImage } from './ThreadPostTools';
import { useAttachMedia } from './use-attach-media';

type Status =
  | { kind: 'idle' }
  | { kind: 'publishing' }
  | { kind: 'published'; ids: string[]; username: string; separately: boolean }
  | { kind: 'error'; errorKind: string; message: string };

export interface ComposerProps extends DraftTarget {
  username: string;
  /** Heading shown above the box, e.g. "New post" or "Share this page". */
  title?: string;
  /** The post replied to or quoted, as the opening screen has it: shown above the box. */
  parent?: ParentPostView | undefined;
}

/** The Post button's keyboard shortcut, as the platform writes it. */
const SHORTCUT = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘+Enter' : 'Ctrl+Enter';

/**
 * "Adding <video>… Post waits until it is in.": on screen with the file's name in a `<bdi>`; read out from a hidden
 * copy without the name's bidi controls (a live region reads its text as is, `<bdi>` or not), the visible one hidden
 * from assistive technology so it is said once.
 */
export function AttachingNote({ name }: { name: string }) {
  const words = (n: string) => i18n.t('composer_attaching_video', [n]);
  return (
    <p className="note" role="status">
      <span aria-hidden="true">
        <FileNameWords words={words} name={name} />
      </span>
      <span className="visually-hidden">{spokenFileWords(words, name)}</span>
    </p>
  );
}

/** The post composer: X's live count, drafts that survive closing, images, threads, reply and quote. */
export function Composer(props: ComposerProps) {
  const { accountId, context, replyToId, quoteId, username } = props;
  const { posts, saved, stored, saveError, update, store, reload, reset } = useDraft(props);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const media = useAttachMedia({
    accountId,
    context,
    posts,
    update,
    fail: (errorKind, message) => setStatus({ kind: 'error', errorKind, message }),
    videoIn: () => {
      if (status.kind === 'error') setStatus({ kind: 'idle' });
    },
  });
  const { attaching } = media;
  const reasonId = useId();
  // Bumped to draw the boxes afresh (focus in the first, caret at its end) after the draft is cleared or split.
  const [generation, setGeneration] = useState(0);
  // The post whose box takes the focus when drawn: a post just added to the thread, or the one before a post removed.
  const [focusAt, setFocusAt] = useState<number>();
  // After media is removed, the focus goes to the button that adds it again (`image:1`, `video:1`), not to the page.
  const refocus = useRef<string>(undefined);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!refocus.current) return;
    section.current?.querySelector<HTMLElement>(`[data-focus="${refocus.current}"]`)?.focus();
    refocus.current = undefined;
  });
  const [done, setDone] = useState<string>();
  // Edit on a published post: X is asked first whether it may still be edited, then its edit replaces this composer.
  const edits = useOpenEdit(accountId);
  const backToPost = useBackToEdit(edits, section);

  const enterprise = useEnterprisePlan();
  // 280, or X's long-post limit when the account's subscription allows long posts (GET /2/users/me).
  const limit = usePostLimit(accountId);
  const reason = posts ? whyCannotPost(posts, enterprise, limit, !!quoteId) : i18n.t('composer_loading_draft');
  const hasLink = useMemo(() => (posts ?? []).some((p) => extractUrls(p.text).length > 0), [posts]);
  // While publishing, how far a GIF or video is: sent to X, then processed by X.
  const progress = useUploadProgress(accountId, context, status.kind === 'publishing');

  if (edits.editing)
    return <EditComposer key={edits.editing.postId} accountId={accountId} username={username} edit={edits.editing} onBack={backToPost} />;
  if (!posts) return <section ref={section} className="composer" aria-busy="true" aria-label={i18n.t('composer_label')} />;

  /** `separately`: the thread's remaining posts each on its own, after X refused one as a reply. */
  async function publish(separately = false) {
    setStatus({ kind: 'publishing' });
    try {
      await store();
      const result = await sendMessage({ type: 'post.publish', accountId, context, ...(separately ? { separately } : {}) });
      setStatus({ kind: 'published', ...result, separately });
      setFocusAt(undefined);
      reset();
    } catch (e) {
      setStatus({ kind: 'error', errorKind: errorOf(e).kind, message: composeErrorText(e) });
      await reload().catch(() => undefined);
    }
  }

  const unknown = saved?.state === 'unknown';
  const busy = status.kind === 'publishing';
  /** Publishing, or an image or video still being handed over: nothing that changes or sends the draft till then. */
  const locked = busy || attaching !== undefined;
  const refused = busy ? undefined : saved?.replyRefused;
  const postLabel = posts.length > 1 ? i18n.t('composer_post_all') : i18n.t('composer_post');

  /** Ctrl/Cmd+Enter in a box: what pressing Post does, when Post is there and enabled. */
  const submit = () => {
    if (!reason && !locked && !unknown) void publish();
  };

  function split(index: number) {
    const result = splitPostInThread(posts ?? [], index, limit);
    if ('tooLong' in result) {
      setStatus({ kind: 'error', errorKind: 'too-long', message: i18n.t('composer_split_too_long', [result.tooLong]) });
      return;
    }
    update(() => result.posts);
    setFocusAt(undefined);
    setGeneration((g) => g + 1);
    setDone(i18n.t('composer_split_done', [result.parts]));
  }

  /** Removes the saved draft and its images, then shows an empty box. */
  async function clear() {
    try {
      await sendMessage({ type: 'draft.discard', accountId, context });
      reset();
      setStatus({ kind: 'idle' });
      setDone(undefined);
      setFocusAt(undefined);
      setGeneration((g) => g + 1);
    } catch (e) {
      setStatus({ kind: 'error', errorKind: 'discard', message: thrownText(e) });
    }
  }

  return (
    <section ref={section} className="composer" aria-label={props.title ?? i18n.t('composer_new_post')}>
      {props.title ? <h2>{props.title}</h2> : null}
      {replyToId ? <ParentPost mode="reply" post={props.parent} /> : quoteId ? <ParentPost mode="quote" post={props.parent} /> : null}

      <PublishedRegion>
        {status.kind === 'published' ? (
          <PublishedPosts
            accountId={accountId}
            ids={status.ids}
            username={status.username}
            separately={status.separately}
            editing={edits.checking}
            editRefusal={edits.refusal}
            onEdit={(id) => void edits.open(id)}
            onError={(message) => setStatus({ kind: 'error', errorKind: 'delete', message })}
            onWriteAnother={() => setStatus({ kind: 'idle' })}
          />
        ) : null}
      </PublishedRegion>
      {status.kind === 'published' ? null : (
        <>
          {posts.map((post, i) => (
            <div key={`${generation}:${i}`} className="thread-post">
              {saved && i < saved.publishedIds.length ? (
                <PostOnX index={i} id={saved.publishedIds[i] ?? ''} username={username} />
              ) : (
                <>
                  <PostEditor
                    text={post.text}
                    label={posts.length > 1 ? i18n.t('composer_text_label_nth', [i + 1, posts.length]) : i18n.t('composer_text_label')}
                    showLabel={posts.length > 1}
                    describedBy={reason ? reasonId : undefined}
                    autoFocus={i === (focusAt ?? saved?.publishedIds.length ?? 0)}
                    onSubmit={submit}
                    limit={limit}
                    readOnly={busy}
                    onChange={(text) => update((all) => all.map((p, j) => (j === i ? { ...p, text } : p)))}
                  />
                  <PostMedia
                    media={post.media}
                    index={i}
                    locked={busy}
                    onRemove={(id) => {
                      refocus.current = `${post.media.some((m) => m.id === id && isVideo(m.type)) ? 'video' : 'image'}:${i}`;
                      update((all) => all.map((p, j) => (j === i ? { ...p, media: p.media.filter((x) => x.id !== id) } : p)));
                    }}
                    onAlt={(id, alt) => update((all) => withAlt(all, i, id, alt))}
                  />
                  <ThreadPostTools
                    index={i}
                    count={posts.length}
                    quoteFirst={!!quoteId && i === 0}
                    noRoomForImage={whyNoRoomForImage(post)}
                    splittable={canSplit(post, limit)}
                    locked={locked}
                    onAddImage={() => media.chooseImages(i)}
                    onAddVideo={() => media.chooseVideo(i)}
                    onSplit={() => split(i)}
                    onRemove={() => {
                      // Its box and this button go: the post before it takes the focus, caret at its end; or, when that
                      // one is already on X (a line, no box), the first box still there.
                      setFocusAt(Math.max(i - 1, saved?.publishedIds.length ?? 0));
                      setGeneration((g) => g + 1);
                      update((all) => all.filter((_, j) => j !== i));
                    }}
                  />
                </>
              )}
            </div>
          ))}
          <MediaPickers
            fileInput={media.fileInput}
            videoInput={media.videoInput}
            onImages={(files) => void media.addImages(files)}
            onVideo={(file) => void media.addVideo(file)}
          />
          {busy && progress ? <UploadProgress progress={progress} /> : null}
          {attaching ? <AttachingNote name={attaching} /> : null}
          <LinkCostNote accountId={accountId} hasLink={hasLink} />
          <OutcomeUnknownNotice username={unknown ? username : undefined} />
          <ReplyRefusedNotice refused={refused} onPostSeparately={() => void publish(true)} />
          <ComposerFoot
            error={
              status.kind === 'error' &&
              !(unknown && status.errorKind === 'outcome-unknown') &&
              !(refused && status.errorKind === 'reply-refused')
                ? status.message
                : undefined
            }
            done={done}
            saveError={saveError}
            reason={reason}
            reasonId={reasonId}
            reasonClassName={posts.some((p) => p.text || p.media.length) ? 'muted' : 'visually-hidden'}
            send={
              unknown
                ? undefined
                : {
                    label: busy ? i18n.t('composer_posting') : postLabel,
                    // Posting: busy, not disabled, so the focus stays on it and is there still if X refuses.
                    disabled: !!reason || (locked && !busy),
                    busy,
                    title: i18n.t('composer_post_shortcut', [SHORTCUT]),
                    onClick: () => void publish(),
                  }
            }
          >
            <button
              type="button"
              disabled={posts.length >= MAX_POSTS_IN_THREAD || locked}
              onClick={() => {
                // The new post's box takes the focus: typing goes on in it (a space would press this button again).
                setFocusAt(posts.length);
                update((all) => [...all, { text: '', media: [] }]);
              }}
            >
              {i18n.t('composer_add_to_thread')}
            </button>
            {/* Only a draft Perch keeps: a shared page's text, shown but never changed, is none. */}
            {stored ? (
              <ClearDraftButton
                empty={posts.length === 1 && !posts[0]?.text && !posts[0]?.media.length && !saved?.publishedIds.length}
                disabled={locked}
                onClear={() => void clear()}
              />
            ) : null}
            {unknown ? <OutcomeUnknownActions username={username} disabled={!!reason || locked} onPostAgain={() => publish()} /> : null}
          </ComposerFoot>
        </>
      )}
    </section>
  );
}
