// The eSpeak NG build for JavaScript ships no types; the part the pack generator uses.
declare module '@echogarden/espeak-ng-emscripten' {
  const createModule: (options: { locateFile: (file: string) => string }) => Promise<unknown>;
  export default createModule;
}
