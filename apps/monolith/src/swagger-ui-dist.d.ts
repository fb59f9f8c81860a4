// swagger-ui-dist ships no types for this file; it is the package's own helper that returns the
// folder holding the prebuilt assets. Importing it (not the package root) avoids loading the
// 1.7 MB browser bundle into the server.
declare module 'swagger-ui-dist/absolute-path.js' {
  const getAbsoluteFSPath: () => string;
  export default getAbsoluteFSPath;
}
