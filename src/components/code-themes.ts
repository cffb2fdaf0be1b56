/**
 * The Shiki themes of every code block on the site (Markdown code in pages via
 * astro.config.mjs, and the examples' <Code>): light and dark, emitted together as CSS
 * variables and switched with the site theme (src/styles/content.css). The "-default"
 * GitHub themes are used because their token colours pass WCAG AA contrast on their
 * backgrounds; plain github-light's orange (#e36209) does not.
 */
export const codeThemes = { light: "github-light-default", dark: "github-dark-default" } as const;
