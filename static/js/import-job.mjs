// Keeps an import's progress page up to date while the worker applies the file, without a reload,
// so the live region can announce completion. Without JavaScript the page has a "Refresh the page" link.
const POLL_EVERY_MS = 1000;
const GIVE_UP_AFTER_MS = 10 * 60 * 1000;

const region = document.querySelector("[data-import-job-status-url]");

if (region) {
  const url = region.dataset.importJobStatusUrl;
  const message = region.querySelector("[data-import-job-message]");
  const rowsDone = region.querySelector("[data-import-job-rows-done]");
  const refresh = region.querySelector("[data-import-job-refresh]");
  const next = region.querySelector("[data-import-job-next]");
  const started = Date.now();

  const show = (status) => {
    if (message.textContent !== status.message) {
      message.textContent = status.message;
    }
    rowsDone.textContent = String(status.rows_done);
    if (status.finished) {
      const link = next.querySelector("a");
      link.href = status.next_url;
      link.textContent = status.next_label;
      next.hidden = false;
      refresh.hidden = true;
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.ok) {
        const status = await response.json();
        show(status);
        if (status.finished) {
          return;
        }
      }
    } catch (error) {
      // A network blip: try again at the next tick.
    }
    if (Date.now() - started < GIVE_UP_AFTER_MS) {
      window.setTimeout(poll, POLL_EVERY_MS);
    }
  };

  window.setTimeout(poll, POLL_EVERY_MS);
}
