// A job that runs, then again `everyMs` after each run ends (never two runs at once), until
// stopped; `stop()` waits for the run in flight. The outbox worker and the retention job use it.
export function repeatEvery(run: () => Promise<unknown>, everyMs: number, onError: (e: unknown) => void) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = run()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  return {
    start: tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
