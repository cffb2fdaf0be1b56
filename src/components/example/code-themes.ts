/**
 * Shiki themes for the examples' static code. GitHub's "default" light palette (not the
 * older "github-light") keeps every token at WCAG AA contrast on white; the dark side
 * matches the site's Markdown code blocks. Emitted as CSS variables (defaultColor false)
 * and picked with light-dark() in example.css.
 */
export const codeThemes = { light: "github-light-default", dark: "github-dark-default" } as const;
