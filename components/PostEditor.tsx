import { i18n } from '#i18n';
import { numberOf } from '@/lib/reader-locale';
import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { POST_MAX_WEIGHT } from '@/lib/limits';
import { extractUrls, parsePost, prepareCounter, type ParsedPost } from '@/lib/text/parse-post';
import { CharacterCounter } from './CharacterCounter';

interface Segment {
  text: string;
  url: boolean;
  over: boolean;
}

/** Splits text for the highlight layer: URLs (count 23 each) and the part past the account's limit (`parsed` counted with it). */
export function segmentsOf(text: string, parsed: ParsedPost, limit = POST_MAX_WEIGHT): Segment[] {
  const overFrom = parsed.weightedLength > limit || !parsed.valid ? parsed.validRangeEnd + 1 : text.length;
  const cuts = new Set([0, text.length, Math.min(overFrom, text.length)]);
  const urls = extractUrls(text);
  for (const u of urls) {
    cuts.add(u.indices[0]);
    cuts.add(u.indices[1]);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({
      text: text.slice(start, end),
      url: urls.some((u) => u.indices[0] <= start && end <= u.indices[1]),
      over: text.trim() !== '' && start >= overFrom,
    });
  }
  return out;
}

export interface PostEditorProps {
  text: string;
  onChange: (text: string) => void;
  label: string;
  /** Shows the label above the box (a thread's "Post 2 of 3"); otherwise it is the box's accessible name only. */
  showLabel?: boolean;
  /** id of the element that explains why posting is disabled, if it is. */
  describedBy?: string | undefined;
  /** Focuses the box when it appears, with the caret after the text (a restored draft continues where it ended). */
  autoFocus?: boolean;
  /** Ctrl+Enter or Cmd+Enter in the box: the composer posts, if it can. */
  onSubmit?: () => void;
  /** The most the post may weigh: 280, or X's long-post limit for an account whose subscription allows long posts. */
  limit?: number;
  /** The draft is being published: the box keeps its focus and is read out, but takes no typing until X answers. */
  readOnly?: boolean;
}

/**
 * A post's text box with X's live count. Typing updates the box at once; counting and highlighting follow a
 * deferred copy of the text, so a keystroke never waits on them.
 */
export function PostEditor({
  text,
  onChange,
  label,
  showLabel,
  describedBy,
  autoFocus,
  onSubmit,
  limit = POST_MAX_WEIGHT,
  readOnly = false,
}: PostEditorProps) {
  const deferred = useDeferredValue(text);
  const parsed = useMemo(() => parsePost(deferred, limit), [deferred, limit]);
  const segments = useMemo(() => segmentsOf(deferred, parsed, limit), [deferred, parsed, limit]);
  const urlCount = segments.filter((s) => s.url).length;
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // Only when the box appears: later changes of the text or the prop must not move the caret.
  const focusOnMount = useRef(autoFocus);
  useEffect(() => {
    const el = box.current;
    if (!focusOnMount.current || !el) return;
    // A box drawn late (its code loads when used, its draft is read first, a switch of account draws another) never
    // takes the focus from the account header, nor from a menu or dialog the person opened meanwhile: moving it would
    // close the account menu under their pointer, or send the key they press next on the account button into the box.
    const held = '.account-header, [role="menu"], [role="dialog"], [role="alertdialog"], dialog';
    if (document.activeElement?.closest(held)) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  function submitOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.nativeEvent.isComposing) return;
    e.preventDefault();
    onSubmit?.();
  }

  useEffect(() => {
    // The first emoji or URL of a session compiles the runtime's emoji sets (~30 ms): do it while idle instead.
    const handle = requestIdleCallback(() => prepareCounter());
    return () => cancelIdleCallback(handle);
  }, []);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  return (
    <div className="post-editor">
      {showLabel ? (
        <label className="post-label" htmlFor={id}>
          {label}
        </label>
      ) : null}
      <div className="editor">
        <div className="editor-mirror" aria-hidden="true">
          {segments.map((s, i) =>
            s.over ? (
              <mark key={i} className={s.url ? 'over url' : 'over'}>
                {s.text}
              </mark>
            ) : s.url ? (
              <span key={i} className="url">
                {s.text}
              </span>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
          {'\n'}
        </div>
        <textarea
          ref={box}
          id={id}
          aria-label={showLabel ? undefined : label}
          aria-describedby={describedBy}
          placeholder={i18n.t('composer_placeholder')}
          value={text}
          rows={3}
          readOnly={readOnly}
          onKeyDown={submitOnCtrlEnter}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => {
            if (!readOnly) onChange(e.target.value);
          }}
        />
      </div>
      <div className="editor-footer">
        {urlCount > 0 ? <span className="muted">{i18n.t('composer_link_counts', urlCount, [numberOf(urlCount)])}</span> : <span />}
        <CharacterCounter parsed={parsed} limit={limit} />
      </div>
    </div>
  );
}
