// Long selects (collab/govuk_forms.py SearchableSelect marks them data-module="jup-autocomplete")
// become the Design System's accessible autocomplete: type part of a name, choose with the arrow
// keys and Enter. Without JavaScript, or until this has run, the select works as it is.
const library = new URL("../autocomplete/", import.meta.url);

function stylesheet(href) {
  return new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.addEventListener("load", resolve);
    link.addEventListener("error", resolve);
    document.head.append(link);
  });
}

function enhance(select) {
  const id = select.id;
  const describedBy = select.getAttribute("aria-describedby");
  window.accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    // Start empty when nothing is chosen, not with the "Choose a person" prompt as text.
    defaultValue: "",
    showAllValues: true,
    // An optional field's blank ("No owner yet") is an answer: it is offered like the others.
    preserveNullOptions: select.dataset.offerBlank === "true",
    onConfirm(chosen) {
      const option = Array.from(select.options).find((each) => each.textContent === chosen);
      if (option) {
        option.selected = true;
      } else if (document.getElementById(id).value.trim() === "") {
        // Clearing the box clears the answer, so the server asks for one instead of keeping the old.
        select.value = "";
      }
    },
  });
  const input = document.getElementById(id);
  if (describedBy) {
    // The field's hint and error describe the box that replaced the select.
    const own = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", own ? `${describedBy} ${own}` : describedBy);
  }
}

const selects = document.querySelectorAll('select[data-module="jup-autocomplete"]');
if (selects.length) {
  await Promise.all([
    stylesheet(new URL("accessible-autocomplete.min.css", library)),
    import(new URL("accessible-autocomplete.min.js", library).href),
  ]);
  selects.forEach(enhance);
}
