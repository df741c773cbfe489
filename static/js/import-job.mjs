// Keeps an import's progress page up to date while the worker applies the file, without a reload,
// so the live region can announce completion. Without JavaScript the page has a "Refresh the page" link.
import { followStatus } from "./follow-status.mjs";

const POLL_EVERY_MS = 1000;

const region = document.querySelector("[data-import-job-status-url]");

if (region) {
  const message = region.querySelector("[data-import-job-message]");
  const rowsDone = region.querySelector("[data-import-job-rows-done]");
  const refresh = region.querySelector("[data-import-job-refresh]");
  const next = region.querySelector("[data-import-job-next]");

  followStatus(region.dataset.importJobStatusUrl, POLL_EVERY_MS, (status) => {
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
  });
}
