// The review page: sorting and filtering the index, and linking findings to their highlights both ways.
(function () {
  "use strict";
  const rows = Array.from(document.querySelectorAll("#articles tbody tr"));
  const reports = new Map(Array.from(document.querySelectorAll("article.report")).map(a => [a.id, a]));
  const labelFilter = document.getElementById("filter-label");
  const codeFilter = document.getElementById("filter-code");
  const shown = document.getElementById("shown");

  function applyFilters() {
    const label = labelFilter.value, code = codeFilter.value;
    let count = 0;
    for (const row of rows) {
      const ok = (!label || row.dataset.label === label) &&
        (!code || row.dataset.codes.split(" ").includes(code));
      row.classList.toggle("hidden", !ok);
      const report = reports.get(row.dataset.report);
      if (report) report.classList.toggle("hidden", !ok);
      if (ok) count += 1;
    }
    shown.textContent = count + " of " + rows.length + " articles shown";
  }
  labelFilter.addEventListener("change", applyFilters);
  codeFilter.addEventListener("change", applyFilters);

  document.getElementById("show-info").addEventListener("change", e => {
    document.body.classList.toggle("show-info", e.target.checked);
  });

  // Sort the index by a column: numbers by data-value, text otherwise; a second click reverses.
  document.querySelectorAll("#articles thead th").forEach((th, column) => {
    th.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      th.parentElement.querySelectorAll("th").forEach(h => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = th.classList.contains("num");
      const key = row => {
        const cell = row.children[column];
        return numeric ? parseFloat(cell.dataset.value ?? "NaN") : cell.textContent.trim().toLowerCase();
      };
      const sorted = rows.slice().sort((a, b) => {
        const x = key(a), y = key(b);
        if (numeric) {
          if (isNaN(x)) return 1;
          if (isNaN(y)) return -1;
          return ascending ? x - y : y - x;
        }
        return ascending ? x.localeCompare(y) : y.localeCompare(x);
      });
      const body = document.querySelector("#articles tbody");
      sorted.forEach(row => body.appendChild(row));
      rows.splice(0, rows.length, ...sorted);
    });
  });

  // A click on a finding's jump link scrolls its highlight to the middle of the screen and marks it;
  // a click on a highlight does the same for the finding in the list.
  function activate(elements) {
    document.querySelectorAll(".active").forEach(e => e.classList.remove("active"));
    elements.forEach(e => e.classList.add("active"));
  }
  document.addEventListener("click", event => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    const finding = link.dataset.finding;
    if (finding) {
      activate(Array.from(document.querySelectorAll("[data-f~='" + finding + "'], [data-r~='" + finding + "']"))
        .concat([document.getElementById(finding)]).filter(Boolean));
    }
    const report = target.closest("article.report");
    if (report && report.classList.contains("hidden")) {
      labelFilter.value = ""; codeFilter.value = ""; applyFilters();
    }
    if (target.closest(".finding.sev-info") && !document.body.classList.contains("show-info")) {
      document.getElementById("show-info").click();
    }
    target.scrollIntoView({block: "center", behavior: "instant"});
    history.replaceState(null, "", "#" + target.id);
  });
  applyFilters();
})();
