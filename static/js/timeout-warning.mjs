// The GOV.UK (HMRC) timeout warning for signed-in pages.
//
// The session ends after data-timeout-seconds without a request. data-warning-seconds before that,
// a modal dialog says so: focus moves into it and cannot leave it, Escape or "Stay signed in"
// sends a small POST that restarts the session's idle time, "Sign out" signs out. The time left is
// shown every second and announced politely now and then, so a screen reader is told without
// being talked over. When the time runs out the page goes to the "signed out" page, which sends
// the person back here once they sign in again.
//
// Pages in other tabs share the session: each records its last request in localStorage, so a tab
// left alone does not warn (or sign out) while another tab is in use.

const LAST_REQUEST = "jup-session-last-request";
const ANNOUNCE_EVERY_SECONDS = 20;

function storedLastRequest() {
  try {
    return Number(window.localStorage.getItem(LAST_REQUEST)) || 0;
  } catch {
    return 0; // storage refused (private mode): this tab's own clock is enough
  }
}

function recordRequest(at) {
  try {
    window.localStorage.setItem(LAST_REQUEST, String(at));
  } catch {
    // as above
  }
}

function timeLeftInWords(seconds) {
  if (seconds > 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minutes`;
  }
  if (seconds === 60) return "1 minute";
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

class TimeoutWarning {
  constructor(dialog) {
    this.dialog = dialog;
    this.timeout = Number(dialog.dataset.timeoutSeconds) * 1000;
    this.warning = Number(dialog.dataset.warningSeconds) * 1000;
    this.keepAliveUrl = dialog.dataset.keepAliveUrl;
    this.timedOutUrl = dialog.dataset.timedOutUrl;
    this.countdown = dialog.querySelector("[data-timeout-countdown]");
    this.announcement = dialog.querySelector("[data-timeout-announcement]");
    this.stayButton = dialog.querySelector("[data-timeout-stay]");
    this.csrfToken = dialog.querySelector("input[name=csrfmiddlewaretoken]").value;
    this.lastRequest = Date.now();
    this.lastAnnounced = null;
    this.returnFocusTo = null;
  }

  start() {
    recordRequest(this.lastRequest);
    this.stayButton.addEventListener("click", () => this.staySignedIn());
    // Escape closes a modal dialog with a "cancel" event: here it means "Stay signed in".
    this.dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      this.staySignedIn();
    });
    this.dialog.addEventListener("keydown", (event) => this.keepFocusInside(event));
    this.timer = window.setInterval(() => this.tick(), 1000);
  }

  secondsLeft() {
    const last = Math.max(this.lastRequest, storedLastRequest());
    return Math.max(0, Math.ceil((last + this.timeout - Date.now()) / 1000));
  }

  tick() {
    const left = this.secondsLeft();
    if (left <= 0) {
      this.signedOut();
    } else if (left * 1000 <= this.warning) {
      this.show(left);
    } else if (this.dialog.open) {
      this.close(); // another tab kept the session alive
    }
  }

  show(left) {
    const sentence = `You will be signed out in ${timeLeftInWords(left)}.`;
    this.countdown.textContent = sentence;
    if (!this.dialog.open) {
      this.returnFocusTo = document.activeElement;
      this.dialog.showModal();
      this.stayButton.focus();
      this.announce(left, sentence);
    } else if (this.lastAnnounced - left >= ANNOUNCE_EVERY_SECONDS) {
      this.announce(left, sentence);
    }
  }

  announce(left, sentence) {
    this.lastAnnounced = left;
    this.announcement.textContent = sentence;
  }

  close() {
    this.dialog.close();
    this.lastAnnounced = null;
    this.announcement.textContent = "";
    if (this.returnFocusTo && document.contains(this.returnFocusTo)) {
      this.returnFocusTo.focus();
    }
  }

  async staySignedIn() {
    let response;
    try {
      response = await fetch(this.keepAliveUrl, {
        method: "POST",
        headers: { "X-CSRFToken": this.csrfToken },
        credentials: "same-origin",
        redirect: "manual",
      });
    } catch {
      response = null;
    }
    if (!response || !response.ok) {
      this.signedOut(); // the session had already ended
      return;
    }
    this.lastRequest = Date.now();
    recordRequest(this.lastRequest);
    this.close();
  }

  keepFocusInside(event) {
    if (event.key !== "Tab") return;
    const focusable = [...this.dialog.querySelectorAll("button, a[href], input:not([type=hidden])")];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  signedOut() {
    window.clearInterval(this.timer);
    const here = window.location.pathname + window.location.search;
    window.location.assign(`${this.timedOutUrl}?next=${encodeURIComponent(here)}`);
  }
}

const dialog = document.querySelector("[data-timeout-warning]");
if (dialog && typeof dialog.showModal === "function") {
  new TimeoutWarning(dialog).start();
}
