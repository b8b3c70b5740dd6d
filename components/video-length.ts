/**
 * How long a video file lasts, in seconds, read from its metadata by an off-screen <video> element before anything
 * is stored or uploaded (X takes videos of 0.5 to 140 seconds: x-api--media--quickstart--best-practices). Undefined
 * when the browser cannot read the file as a video, or has not within `timeoutMs`.
 */
export function readVideoLength(file: Blob, timeoutMs = 10_000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const url = URL.createObjectURL(file);
    const done = (secs: number | undefined) => {
      clearTimeout(timer);
      video.onloadedmetadata = null;
      video.onerror = null;
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
      resolve(secs !== undefined && Number.isFinite(secs) && secs >= 0 ? secs : undefined);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    video.preload = 'metadata';
    video.muted = true;
    video.onloadedmetadata = () => done(video.duration);
    video.onerror = () => done(undefined);
    video.src = url;
  });
}
