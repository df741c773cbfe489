// What someone types into a form survives being signed out for inactivity.
//
// While a signed-in person types, each form's fields are kept in this tab's sessionStorage, keyed by
// the person, the page and the form. When they come back to the page (after signing in again,
// say) and the form is as the server drew it, what they typed is put back and a banner says so.
// Submitting the form, or signing out on purpose, clears what was kept. Passwords, hidden fields
// and files are never kept; nor are forms marked data-no-draft.

const PREFIX = "jup-draft";
const SKIPPED_TYPES = new Set(["password", "hidden", "file", "submit", "button", "reset", "image"]);

const person = document.body.dataset.signedInAs;

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function keptFields(form) {
  return [...form.elements].filter(
    (element) =>
      element.name &&
      element.name !== "csrfmiddlewaretoken" &&
      !SKIPPED_TYPES.has(element.type) &&
      element.tagName !== "BUTTON" &&
      !element.disabled,
  );
}

function valueOf(element) {
  if (element.type === "checkbox" || element.type === "radio") return element.checked;
  if (element.tagName === "SELECT" && element.multiple) {
    return [...element.selectedOptions].map((option) => option.value);
  }
  return element.value;
}

function setValue(element, value) {
  if (element.type === "checkbox" || element.type === "radio") {
    element.checked = value;
  } else if (element.tagName === "SELECT" && element.multiple) {
    for (const option of element.options) option.selected = value.includes(option.value);
  } else {
    element.value = value;
  }
}

function snapshot(form) {
  return keptFields(form).map((element) => [element.name, valueOf(element)]);
}

function same(left, right) {
  return JSON.stringify(left) === JSON.stringify(right);
}

function showRestoredBanner() {
  const banner = document.createElement("div");
  banner.className = "govuk-notification-banner";
  banner.setAttribute("role", "region");
  banner.setAttribute("aria-labelledby", "restored-draft-title");
  banner.innerHTML = `
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="restored-draft-title">Important</h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">We have put back what you typed before you were signed out.</p>
      <p class="govuk-body">Check it, then save it.</p>
    </div>`;
  const main = document.querySelector("main");
  main.insertBefore(banner, main.firstChild);
}

function keepDrafts(store) {
  const forms = [...document.querySelectorAll("main form")].filter(
    (form) => form.method === "post" && !form.hasAttribute("data-no-draft") && keptFields(form).length,
  );
  let restored = false;
  forms.forEach((form, index) => {
    const key = `${PREFIX}:${person}:${window.location.pathname}:${index}:${form.getAttribute("action") || ""}`;
    const asDrawn = snapshot(form);
    const kept = JSON.parse(store.getItem(key) || "null");
    const fields = keptFields(form);
    const fits = kept && kept.length === fields.length && kept.every(([name], i) => name === fields[i].name);
    if (fits && !same(kept, asDrawn)) {
      kept.forEach(([, value], i) => setValue(fields[i], value));
      restored = true;
    }
    const save = () => {
      const now = snapshot(form);
      if (same(now, asDrawn)) store.removeItem(key);
      else store.setItem(key, JSON.stringify(now));
    };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", () => store.removeItem(key));
  });
  if (restored) showRestoredBanner();
}

function forgetDraftsOnSignOut(store) {
  for (const form of document.querySelectorAll("form[data-signs-out]")) {
    form.addEventListener("submit", () => {
      for (const key of Object.keys(store)) {
        if (key.startsWith(`${PREFIX}:${person}:`)) store.removeItem(key);
      }
    });
  }
}

const store = storage();
if (person && store) {
  keepDrafts(store);
  forgetDraftsOnSignOut(store);
}
