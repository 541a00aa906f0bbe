/**
 * Locking again after the app went to the background for the time the learner chose. Locking
 * reloads the page: that drops everything decrypted from memory, and the start shows the lock.
 */
let stop = () => {};

/** Locks the app once it has been in the background for `after` milliseconds (0: at once). */
export function relockInBackground(after: number): void {
  stop();
  let hiddenAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lock = () => location.reload();
  const follow = () => {
    if (document.visibilityState === 'hidden') {
      if (after === 0) return lock();
      hiddenAt = Date.now();
      timer = setTimeout(lock, after);
    } else {
      clearTimeout(timer);
      if (hiddenAt && Date.now() - hiddenAt >= after) lock();
      hiddenAt = 0;
    }
  };
  document.addEventListener('visibilitychange', follow);
  stop = () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', follow);
  };
}

/** Stops locking in the background (the lock was turned off). */
export function stopRelocking(): void {
  stop();
}
