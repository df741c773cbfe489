import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// Only pages with a long list to search load the autocomplete.
if (document.querySelector('select[data-module="jup-autocomplete"]')) {
  import("./autocomplete.mjs");
}
