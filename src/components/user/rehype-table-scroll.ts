/**
 * A rehype plugin that wraps every Markdown table in a scrolling box: a wide table in a
 * narrow column (Both mode, or a phone) scrolls sideways inside the box instead of the
 * page. The box is focusable and named, so keyboard users can scroll it too. Tables
 * inside MDX's components (a table usually sits inside <Pair><Ko>) are found too.
 * Each cell ends in a space, so the search index does not read two header cells as one
 * word ("ObjectWho drives it").
 *
 * A table of three columns or more gets more: in a box too narrow for it (a phone)
 * each row becomes a card, each cell labelled with its column's heading, so nothing
 * needs scrolling at all (`.table-scroll--stack` in src/styles/content.css). The
 * labels are written into the markup (`data-label`, read by CSS), so this works
 * without JavaScript; the rows and cells say their roles outright, since a table whose
 * parts are laid out as blocks loses them in some browsers.
 *
 *   | Python | TypeScript | Why |   →   <div class="table-scroll table-scroll--stack" …>
 *                                          <table role="table"> … <td role="cell" data-label="Why">
 */
import type { Element, ElementContent, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

const LABEL = "표 · Table";

/** Columns from which a narrow box shows the rows as labelled cards. */
export const STACK_FROM_COLUMNS = 3;

/** The text of a node, as a reader sees it (code and emphasis included), spaces collapsed. */
function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

const rowsOf = (table: Element): Element[] => {
  const rows: Element[] = [];
  visit(table, { type: "element", tagName: "tr" }, (row) => {
    rows.push(row);
  });
  return rows;
};

const cellsOf = (row: Element): Element[] =>
  row.children.filter((c): c is Element => c.type === "element" && (c.tagName === "th" || c.tagName === "td"));

/** Labels each body cell with its column's heading and states every part's role; false when the table has too few columns. */
function labelForStacking(table: Element): boolean {
  const rows = rowsOf(table);
  const head = rows[0] ? cellsOf(rows[0]) : [];
  if (head.length < STACK_FROM_COLUMNS || !head.every((c) => c.tagName === "th")) return false;
  const labels = head.map((c) => c.children.map(textOf).join("").replace(/\s+/g, " ").trim());
  table.properties.role = "table";
  visit(table, "element", (part) => {
    if (part.tagName === "thead" || part.tagName === "tbody") part.properties.role = "rowgroup";
  });
  for (const [r, row] of rows.entries()) {
    row.properties.role = "row";
    for (const [c, cell] of cellsOf(row).entries()) {
      if (r === 0 || cell.tagName === "th") {
        cell.properties.role = r === 0 ? "columnheader" : "rowheader";
        continue;
      }
      cell.properties.role = "cell";
      if (labels[c]) cell.properties.dataLabel = labels[c];
    }
  }
  return true;
}

export default function rehypeTableScroll() {
  return (tree: Root): void => {
    visit(tree, { type: "element", tagName: "table" }, (table, index, parent) => {
      if (!parent || index === undefined) return;
      const stack = labelForStacking(table);
      const box: Element = {
        type: "element",
        tagName: "div",
        properties: { className: stack ? ["table-scroll", "table-scroll--stack"] : ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: LABEL },
        children: [table as Element],
      };
      parent.children[index] = box;
      // (MDX drops whitespace between cells, so each cell ends in a space of its own.)
      visit(table, "element", (cell) => {
        if (cell.tagName === "th" || cell.tagName === "td") cell.children.push({ type: "text", value: " " });
      });
      return SKIP;
    });
  };
}
