/**
 * Runs one TypeScript program (an example twin or a conformance scenario) on the loop
 * library, the way the tests and the command line do.
 *
 *   npx tsx scripts/run-ts.ts content/examples/sleep-gather/example.ts [--clock virtual|real]
 *
 * The default clock is virtual, so the output is deterministic. The bare import
 * `asyncio` resolves to src/asyncio through tsconfig's `paths`.
 */
import * as asyncio from "asyncio";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const clockArg = args.find((a) => a.startsWith("--clock="))?.slice("--clock=".length)
  ?? (args.includes("--clock") ? args[args.indexOf("--clock") + 1] : "virtual");
if (!file || (clockArg !== "virtual" && clockArg !== "real")) {
  console.error("usage: tsx scripts/run-ts.ts FILE.ts [--clock virtual|real]");
  process.exit(2);
}
asyncio.configure({ clock: clockArg });
await import(pathToFileURL(resolve(file)).href);
