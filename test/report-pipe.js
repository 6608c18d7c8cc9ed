// Each test file runs in its own process and sends its results to test/run.js over a pipe, which Node writes
// asynchronously on Linux; --test-force-exit ends the process once its tests are done, and results still queued
// for the pipe were lost, so the run's count varied (nodejs/node#64833). Writing that pipe synchronously keeps them.
if (process.env.NODE_TEST_CONTEXT?.startsWith('child')) process.stdout._handle?.setBlocking?.(true);
