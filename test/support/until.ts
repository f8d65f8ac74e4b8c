// Waiting for an observed state instead of sleeping a guessed time: tests drive concurrency from
// what they see (a call recorded, a counter moved), so their verdict does not depend on how fast
// or loaded the machine is. The timeout is a safety net for a state that never comes.

/** Resolves once `condition()` holds, looking every `everyMs`; rejects after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what = "the awaited state", timeoutMs = 20_000, everyMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`until: ${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
