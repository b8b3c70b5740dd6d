import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { sendMessage, type Responses } from '@/lib/messaging';
import { FileNameWords, spokenFileWords } from './FileNameWords';

type Progress = NonNullable<Responses['post.progress']>;

/** How often the composer asks the background how far an upload is, while publishing. */
const POLL_MS = 400;

/**
 * While `publishing`, how far the draft's GIF or video is (asked of the background every {@link POLL_MS} ms), or
 * undefined when nothing is uploading.
 */
export function useUploadProgress(accountId: string, context: string, publishing: boolean): Progress | undefined {
  const [progress, setProgress] = useState<Progress>();
  useEffect(() => {
    if (!publishing) {
      setProgress(undefined);
      return;
    }
    let live = true;
    const ask = () =>
      sendMessage({ type: 'post.progress', accountId, context }).then(
        (p) => live && setProgress(p ?? undefined),
        () => undefined,
      );
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [accountId, context, publishing]);
  return progress;
}

/** The words of an upload's phase and percent, with `name` for the file's name. */
const wordsOf =
  (progress: Progress, withPercent: boolean) =>
  (name: string): string =>
    progress.phase === 'uploading'
      ? withPercent
        ? i18n.t('composer_progress_uploading', [name, progress.percent ?? 0])
        : i18n.t('composer_progress_uploading_phase', [name])
      : progress.percent === undefined || !withPercent
        ? i18n.t('composer_progress_processing_waiting', [name])
        : i18n.t('composer_progress_processing', [name, progress.percent]);

/**
 * What a screen reader hears of an upload: its phase, said once as it begins — "Uploading clip.mp4…", then "X is
 * processing clip.mp4…" — never each percent (that would talk over everything while a large video goes up). The
 * composer's own status says when it is done or failed. The file's name without its bidi formatting characters.
 */
export function uploadPhaseWords(progress: Progress): string {
  return spokenFileWords(wordsOf(progress, false), progress.name);
}

/**
 * The upload's progress bar, with its words: "Uploading clip.mp4… 40%", then "X is processing clip.mp4… 80%" (or
 * without a percentage while X gives none), the file's name isolated. The words name the bar (without the name's
 * bidi formatting characters); only the phase is announced (a live status that changes with the phase, not the
 * percent).
 */
export function UploadProgress({ progress }: { progress: Progress }) {
  const words = wordsOf(progress, true);
  return (
    <div className="upload-progress">
      <progress
        max={100}
        {...(progress.percent !== undefined ? { value: progress.percent } : {})}
        aria-label={spokenFileWords(words, progress.name)}
      />
      <p className="muted">
        <FileNameWords words={words} name={progress.name} />
      </p>
      <p role="status" className="visually-hidden">
        {uploadPhaseWords(progress)}
      </p>
    </div>
  );
}
