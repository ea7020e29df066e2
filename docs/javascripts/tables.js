// The site's only script, and none of it is needed to read a page: it sorts the tables inside a
// .sortable block when a reader presses a column's heading, and opens every <details> for printing.

document.querySelectorAll(".sortable table").forEach((table) => {
  table.closest(".sortable").classList.add("sorting"); // on a phone, the headings show as a row of buttons
  const headings = [...table.querySelectorAll("thead th")];
  const body = table.tBodies[0];
  const key = (row, column) => {
    const cell = row.cells[column];
    const marked = cell.querySelector("[data-sort]");
    return marked ? marked.dataset.sort : cell.textContent.trim();
  };
  const compare = (x, y) => {
    const numbers = !isNaN(x) && !isNaN(y);
    return numbers ? x - y : x.localeCompare(y, document.documentElement.lang);
  };
  headings.forEach((th, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headings.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [key(a, column), key(b, column)];
        if (x === "" || y === "") return (x === "") - (y === ""); // an empty cell last, either way
        return compare(x, y) * (ascending ? 1 : -1);
      });
      body.append(...rows);
    });
  });
});

window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details:not([open])").forEach((d) => {
    d.open = true;
    d.dataset.printOpened = "";
  });
});
window.addEventListener("afterprint", () => {
  document.querySelectorAll("details[data-print-opened]").forEach((d) => {
    d.open = false;
    delete d.dataset.printOpened;
  });
});
