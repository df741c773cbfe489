// Follows a background job from its page: asks the job's JSON status URL every so often and hands each
// answer to `onStatus`, until an answer says the job has finished (or ten minutes have gone by).
// Shared by the pages that wait for a worker: an import's progress and the governance packs.
const GIVE_UP_AFTER_MS = 10 * 60 * 1000;

export function followStatus(url, everyMs, onStatus) {
  const started = Date.now();

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.ok) {
        const status = await response.json();
        await onStatus(status);
        if (status.finished) {
          return;
        }
      }
    } catch (error) {
      // A network blip: try again at the next tick.
    }
    if (Date.now() - started < GIVE_UP_AFTER_MS) {
      window.setTimeout(poll, everyMs);
    }
  };

  window.setTimeout(poll, everyMs);
}
