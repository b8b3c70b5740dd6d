import { useId, useMemo, useRef, useState } from 'react';
import { MessageError, sendMessage } from '@/lib/messaging';
import { extractUrls, parsePost } from '@/lib/text/parse-post';
import { toBase64 } from '@/lib/base64';
import { PostEditor } from './PostEditor';
import { useDraft, type DraftTarget, type EditablePost } from './use-draft';

const MAX_IMAGES = 4;
const MAX_POSTS = 25;
const IMAGE_TYPES = 'image/jpeg,image/png,image/gif,image/webp';

type Status =
  | { kind: 'idle' }
  | { kind: 'publishing' }
  | { kind: 'published'; ids: string[]; username: string }
  | { kind: 'error'; errorKind: string; message: string };

/** Why the Post button is disabled, or undefined when it is not. */
export function whyCannotPost(posts: EditablePost[]): string | undefined {
  for (const [i, post] of posts.entries()) {
    const where = posts.length > 1 ? `Post ${i + 1}: ` : '';
    if (!post.text.trim() && post.media.length === 0) return `${where}write something to post.`;
    if (!post.text.trim()) continue;
    const parsed = parsePost(post.text);
    if (parsed.weightedLength > 280) return `${where}${parsed.weightedLength - 280} characters over X’s limit of 280.`;
    if (!parsed.valid) return `${where}the text has a character X does not allow.`;
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
  const [confirmDelete, setConfirmDelete] = useState<string>();
  const [deleted, setDeleted] = useState<string[]>([]);
  const reasonId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [imageFor, setImageFor] = useState(0);

  const reason = posts ? whyCannotPost(posts) : 'Loading your draft…';
  const hasLink = useMemo(() => (posts ?? []).some((p) => extractUrls(p.text).length > 0), [posts]);

  if (!posts) return <section className="composer" aria-busy="true" aria-label="Composer" />;

  async function publish() {
    setStatus({ kind: 'publishing' });
    try {
      const result = await sendMessage({ type: 'post.publish', accountId, context });
      setStatus({ kind: 'published', ...result });
      setDeleted([]);
      reset();
    } catch (e) {
      const error = e instanceof MessageError ? e : new MessageError({ kind: 'error', message: String(e) });
      setStatus({ kind: 'error', errorKind: error.kind, message: error.message });
      await reload().catch(() => undefined);
    }
  }

  async function addImages(files: FileList | null) {
    if (!files) return;
    const post = posts?.[imageFor];
    if (!post) return;
    const room = MAX_IMAGES - post.media.length;
    const picked = [...files].slice(0, room);
    if (files.length > room) setStatus({ kind: 'error', errorKind: 'too-many', message: `A post can have up to ${MAX_IMAGES} images.` });
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
        setStatus({ kind: 'error', errorKind: 'image', message: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  async function deletePost(postId: string) {
    setConfirmDelete(undefined);
    try {
      await sendMessage({ type: 'post.delete', accountId, postId });
      setDeleted((d) => [...d, postId]);
    } catch (e) {
      setStatus({ kind: 'error', errorKind: 'delete', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const unknown = saved?.state === 'unknown';
  const busy = status.kind === 'publishing';
  const postLabel = unknown ? 'Post again' : posts.length > 1 ? 'Post all' : 'Post';

  return (
    <section className="composer" aria-label={props.title ?? 'New post'}>
      {props.title ? <h2>{props.title}</h2> : null}
      {replyToId ? (
        <p className="note">
          Replying to post {replyToId}. On X’s self-serve plans, replies through the API work only when the post’s author mentioned or
          quoted you.
        </p>
      ) : null}
      {quoteId ? <p className="note">Quoting post {quoteId}. X allows quote posts only for apps on the Enterprise plan.</p> : null}

      {status.kind === 'published' ? (
        <div className="published" role="status">
          <p>{status.ids.length > 1 ? `Your thread of ${status.ids.length} posts is on X.` : 'Your post is on X.'}</p>
          <ul className="published-list">
            {status.ids.map((id, i) => (
              <li key={id} className="row">
                <a href={`https://x.com/${status.username}/status/${id}`} target="_blank" rel="noreferrer">
                  {status.ids.length > 1 ? `View post ${i + 1} on X` : 'View on X'}
                </a>
                {deleted.includes(id) ? (
                  <span className="muted">Deleted.</span>
                ) : confirmDelete === id ? (
                  <span className="row" role="group" aria-label="Confirm delete">
                    <span>Delete this post from X? This cannot be undone.</span>
                    <button type="button" className="danger" onClick={() => void deletePost(id)}>
                      Delete post
                    </button>
                    <button type="button" onClick={() => setConfirmDelete(undefined)}>
                      Keep it
                    </button>
                  </span>
                ) : (
                  <button type="button" onClick={() => setConfirmDelete(id)}>
                    {status.ids.length > 1 ? `Delete post ${i + 1}` : 'Delete'}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setStatus({ kind: 'idle' })}>
            Write another post
          </button>
        </div>
      ) : (
        <>
          {posts.map((post, i) => (
            <div key={i} className="thread-post">
              {saved && i < saved.publishedIds.length ? (
                <p className="muted">Post {i + 1} is already on X.</p>
              ) : (
                <>
                  <PostEditor
                    text={post.text}
                    label={posts.length > 1 ? `Post ${i + 1} text` : 'Post text'}
                    describedBy={reason ? reasonId : undefined}
                    autoFocus={i === 0}
                    onChange={(text) => update((all) => all.map((p, j) => (j === i ? { ...p, text } : p)))}
                  />
                  {post.media.length ? (
                    <ul className="media-list" aria-label={`Images in post ${i + 1}`}>
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
                            Remove image {m.name}
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <div className="row">
                    <button
                      type="button"
                      disabled={post.media.length >= MAX_IMAGES || busy}
                      onClick={() => {
                        setImageFor(i);
                        fileInput.current?.click();
                      }}
                    >
                      {posts.length > 1 ? `Add image to post ${i + 1}` : 'Add image'}
                    </button>
                    {i > 0 ? (
                      <button type="button" disabled={busy} onClick={() => update((all) => all.filter((_, j) => j !== i))}>
                        Remove post {i + 1}
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
            accept={IMAGE_TYPES}
            multiple
            hidden
            aria-label="Choose images"
            onChange={(e) => {
              void addImages(e.target.files);
              e.target.value = '';
            }}
          />
          {hasLink ? <p className="note">A post with a link costs $0.20 on X’s pay-per-use plan, instead of $0.015 without one.</p> : null}
          {unknown ? (
            <p className="notice" role="alert">
              The connection dropped while X was publishing, so Perch can’t tell whether your post went out. Your draft is kept.{' '}
              <a href={`https://x.com/${username}`} target="_blank" rel="noreferrer">
                Check your profile on X
              </a>{' '}
              before posting again.
            </p>
          ) : null}
          {status.kind === 'error' && !(unknown && status.errorKind === 'outcome-unknown') ? (
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
              disabled={posts.length >= MAX_POSTS || busy}
              onClick={() => update((all) => [...all, { text: '', media: [] }])}
            >
              Add post to thread
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
                Discard draft
              </button>
            ) : null}
            <button
              type="button"
              className="primary"
              disabled={!!reason || busy}
              aria-describedby={reason ? reasonId : undefined}
              onClick={() => void publish()}
            >
              {busy ? 'Posting…' : postLabel}
            </button>
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
