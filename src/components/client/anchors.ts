/**
 * Deep links across modes. Each language block has its own id (`<pair>--ko`,
 * `<pair>--en`); a link to the block of the language the reader has hidden lands on
 * its visible twin instead of nowhere.
 */
function visible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

function land(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const target = document.getElementById(id);
  if (!target || visible(target)) return;
  const m = /^(.*)--(ko|en)$/.exec(id);
  if (!m) return;
  const twin = document.getElementById(`${m[1]}--${m[2] === "ko" ? "en" : "ko"}`);
  if (!twin || !visible(twin)) return;
  for (const el of document.querySelectorAll(".is-target")) el.classList.remove("is-target");
  twin.classList.add("is-target");
  twin.scrollIntoView({ block: "start" });
}

export function initAnchors(): void {
  window.addEventListener("hashchange", land);
  if (document.readyState === "complete") land();
  else window.addEventListener("load", land, { once: true });
}
