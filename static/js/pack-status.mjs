// Keeps the governance packs page up to date while a pack is being built.
// Without JavaScript the page still works: it has a "Refresh the page" link.
const POLL_EVERY_MS = 2000;
const GIVE_UP_AFTER_MS = 10 * 60 * 1000;

const region = document.querySelector("[data-pack-status-url]");

if (region) {
  const url = region.dataset.packStatusUrl;
  const text = region.querySelector("[data-pack-status-text]");
  const started = Date.now();

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.ok) {
        const status = await response.json();
        if (status.finished) {
          // Reload so the server draws the download link (or the reason it failed) and the versions table.
          window.location.reload();
          return;
        }
        if (text && text.textContent !== status.status_label) {
          text.textContent = status.status_label;
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
