/** The runner's Python sources, bundled as text into the Python worker (esbuild's `text` loader). */
declare module "*.py" {
  const source: string;
  export default source;
}
