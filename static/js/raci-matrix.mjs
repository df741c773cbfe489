// RACI matrix, with JavaScript: say at once, on each row, whether it still needs an A or an R.
// Without JavaScript the page works the same; the server checks the whole matrix on save.

function rowStatus(values) {
  const accountable = values.filter((value) => value === "A").length;
  const problems = [];
  if (accountable === 0) problems.push("needs an A");
  if (accountable > 1) problems.push(`has ${accountable} As: keep one`);
  if (!values.includes("R")) problems.push("needs an R");
  return problems.length ? `This row ${problems.join(" and ")}.` : "";
}

function refresh(row) {
  const status = row.querySelector("[data-raci-status]");
  if (!status) return;
  const values = Array.from(row.querySelectorAll("select"), (select) => select.value);
  const text = rowStatus(values);
  if (status.textContent !== text) status.textContent = text;
}

for (const form of document.querySelectorAll('[data-module="jup-raci-matrix"]')) {
  form.addEventListener("change", (event) => {
    const row = event.target.closest("[data-raci-row]");
    if (row) refresh(row);
  });
}
