/** The service's starting files (virtual path → text), embedded by ./build/bundle.ts. */
declare module "asyncio-notes:service-files" {
  const files: Record<string, string>;
  export default files;
}
