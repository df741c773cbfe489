// Gives the Django admin's script-drawn controls the accessible names Django's own scripts leave out.
//
// - The autocomplete boxes (select2, from autocomplete_fields) are comboboxes named only by the option
//   chosen, so an empty one has no name: name each by its field's label (or the <select>'s own
//   aria-label, in a tabular inline, which has no labels), then the option chosen.
// - The filter_horizontal boxes' search icons carry an aria-label on a plain <span>, which has no role to
//   name: they are images.
// Both are drawn after the page loads (and again when an inline row is added), so a MutationObserver
// names whatever appears.

function fieldName(select) {
  const label = select.id ? document.querySelector(`label[for="${CSS.escape(select.id)}"]`) : null;
  if (label) {
    label.id ||= `${select.id}-label`;
    return { labelledBy: label.id };
  }
  return { label: select.getAttribute("aria-label") };
}

function nameComboboxes() {
  for (const combobox of document.querySelectorAll(".select2-selection[role=combobox]:not([data-named])")) {
    const select = combobox.closest(".select2-container")?.previousElementSibling;
    if (!select || select.tagName !== "SELECT") continue;
    const rendered = combobox.querySelector(".select2-selection__rendered");
    // The chosen option is part of the combobox's name, not a read-only textbox of its own.
    rendered?.removeAttribute("role");
    rendered?.removeAttribute("aria-readonly");
    const { labelledBy, label } = fieldName(select);
    if (labelledBy) {
      combobox.setAttribute("aria-labelledby", [labelledBy, rendered?.id].filter(Boolean).join(" "));
    } else if (label) {
      combobox.removeAttribute("aria-labelledby");
      combobox.setAttribute("aria-label", label);
    }
    combobox.dataset.named = "";
  }
}

function giveIconsARole() {
  for (const icon of document.querySelectorAll("span.help-tooltip[aria-label]:not([role])")) {
    icon.setAttribute("role", "img");
  }
}

function nameAll() {
  nameComboboxes();
  giveIconsARole();
}

nameAll();
new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
