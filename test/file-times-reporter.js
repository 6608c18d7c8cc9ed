// A test reporter that writes, as each test file completes, a JSON line with the file's duration (its process,
// start to end) and, when the file failed as a whole (its process ended badly after its tests), the last lines
// the file wrote to stderr; test/run.js reads them to name the slowest files and to repeat those lines last.
export default async function* fileTimes(source) {
  const stderr = new Map();
  for await (const event of source) {
    const { file, name, details, message } = event.data ?? {};
    if (!file) continue;
    if (event.type === 'test:stderr') stderr.set(file, [...(stderr.get(file) ?? []), message].slice(-40));
    if (event.type === 'test:complete' && name === file) {
      const failed = details?.passed === false;
      yield `${JSON.stringify({ file, ms: Math.round(details?.duration_ms ?? 0), ...(failed ? { stderr: stderr.get(file) ?? [] } : {}) })}\n`;
    }
  }
}
