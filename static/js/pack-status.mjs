// Keeps the governance packs page up to date while a pack is being built, without a reload: focus stays
// where it is, and a polite live region says when the pack is ready (or why it failed).
// Without JavaScript the page still works: it has a "Refresh the page" link.
import { followStatus } from "./follow-status.mjs";

const POLL_EVERY_MS = 2000;

const waiting = document.querySelector("[data-pack-status-url]");
const announcement = document.querySelector("[data-pack-announcement]");

// Swap each part of the page marked data-pack-part for the same part of a fresh copy of the page, so the
// server's template stays the one source of the markup (the download link, the failure, the versions).
async function redrawParts() {
  const response = await fetch(window.location.href, { headers: { Accept: "text/html" }, cache: "no-store" });
  if (!response.ok) {
    throw new Error(`The packs page answered ${response.status}`);
  }
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  for (const part of document.querySelectorAll("[data-pack-part]")) {
    const replacement = fresh.querySelector(`[data-pack-part="${part.dataset.packPart}"]`);
    if (!replacement) continue;
    const hadFocus = part.contains(document.activeElement);
    part.replaceChildren(...replacement.childNodes);
    if (hadFocus) {
      // What had focus (the refresh link) is gone: give it to what replaced it, not to the top of the page.
      const target = part.querySelector("a[href]") || part;
      if (target === part) part.tabIndex = -1;
      target.focus();
    }
  }
}

if (waiting && announcement) {
  const text = waiting.querySelector("[data-pack-status-text]");
  let shown = waiting.dataset.packStatus;
  let redrawn = false;

  followStatus(waiting.dataset.packStatusUrl, POLL_EVERY_MS, async (status) => {
    if (status.status === shown && !status.finished) return;
    if (status.finished && !redrawn) {
      await redrawParts(); // if this throws, the next tick tries again
      redrawn = true;
    } else if (text) {
      text.textContent = status.status_label;
    }
    shown = status.status;
    if (announcement.textContent !== status.announcement) {
      announcement.textContent = status.announcement;
    }
  });
}
