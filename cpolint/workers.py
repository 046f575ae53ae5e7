"""The worker processes of a folder run: batches of files out, their results back in order.

multiprocessing.Pool did this before, at two costs. Its worker-handler thread waits on the
pipe the results come back through, so while the result thread reads a batch's results it
wakes up again and again (~9,000 times in a run of 1,000 files: 0.2 s of CPU time taken
from the cores the workers lint on). And a worker that dies (a crash in a C extension, the
kernel's OOM killer) loses its task, and imap waits for it forever. Here each worker has a
pipe for its batches and one for its results; this process waits on those and on the
workers' exit; a dead worker's batches are linted again one file at a time by a new worker,
so that only a file that kills a worker by itself is reported as failed, and the run goes on.
"""

from __future__ import annotations

from collections import deque
from multiprocessing.connection import wait
from typing import Any, Callable, Iterator

# Batches a worker holds at once: with two, it starts its next batch while this process
# reads and reports the last one.
AHEAD = 2


def _serve(tasks, results, work, initializer, initargs) -> None:
    """A worker: (span, items) in, (span, True, work(items)) out, until None or EOF;
    (span, False, why) when work raised."""
    import signal

    # Ctrl-C reaches every process of the terminal's group: this one's parent ends the run
    # and terminates the workers, without a traceback from each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = tasks.recv()
        except EOFError:  # the run is over (or its process is gone)
            return
        if task is None:
            return
        span, batch = task
        try:
            reply = (span, True, work(batch))
        except Exception as exc:
            reply = (span, False, f"internal error: {type(exc).__name__}: {exc}")
        results.send(reply)


class _Worker:
    def __init__(self, ctx, work, initializer, initargs):
        task_reader, self.tasks = ctx.Pipe(duplex=False)
        self.results, result_writer = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_serve, args=(task_reader, result_writer, work, initializer, initargs),
                                   daemon=True)
        self.process.start()
        # The worker's ends closed here: reading its results then ends (EOF) when it dies.
        task_reader.close()
        result_writer.close()
        self.in_flight: deque[tuple[int, int]] = deque()  # the spans of items it holds, in order

    def give(self, span: tuple[int, int], items: list) -> None:
        self.tasks.send((span, items[span[0]:span[1]]))
        self.in_flight.append(span)

    def close(self, kill: bool) -> None:
        if kill:
            self.process.terminate()
        else:
            try:
                self.tasks.send(None)
            except OSError:  # already gone
                pass
        self.tasks.close()
        self.results.close()


def run_batches(ctx, jobs: int, batches: list[list], work: Callable[[list], list],
                failed: Callable[[Any, str], Any], initializer=None, initargs: tuple = ()) -> Iterator[list]:
    """work(batch) for each batch, yielded in order, computed by up to `jobs` processes of
    the multiprocessing context `ctx`. A batch whose work raised, or a file whose worker
    died while it linted that file alone, gets failed(item, why) for each of its items.

    Work goes out as spans (start, stop) of the items of all batches; results are kept per
    item, so a dead worker's batch is simply its span again a file at a time."""
    items = [item for batch in batches for item in batch]
    bounds, start = [], 0
    for batch in batches:
        bounds.append((start, start + len(batch)))
        start += len(batch)
    queue: deque[tuple[int, int]] = deque(bounds)
    done: dict[int, Any] = {}  # an item's place -> its result, until its batch is yielded
    workers: list[_Worker] = []

    def feed(worker: _Worker, upto: int = AHEAD) -> None:
        while queue and len(worker.in_flight) < upto:
            try:
                worker.give(queue[0], items)
            except OSError:  # it has just died: its sentinel says so next time round
                return
            queue.popleft()

    def lost(worker: _Worker) -> None:
        """A worker died in the first span it held (it works through them in order): a single
        file fails; more go back to the front of the queue a file at a time, followed by the
        spans it had not started. A new worker takes the queue."""
        workers.remove(worker)
        worker.process.join()
        worker.close(kill=False)
        held = list(worker.in_flight)
        if held and held[0][1] - held[0][0] == 1:
            code = worker.process.exitcode
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            done[held[0][0]] = failed(items[held[0][0]], f"the worker process linting it stopped ({how})")
            held = held[1:]
        elif held:
            held = [(k, k + 1) for k in range(*held[0])] + held[1:]
        queue.extendleft(reversed(held))
        if queue:
            workers.append(_Worker(ctx, work, initializer, initargs))
            feed(workers[-1])

    completed = False
    try:
        workers.extend(_Worker(ctx, work, initializer, initargs) for _ in range(min(jobs, len(batches))))
        for upto in range(1, AHEAD + 1):  # a span each first: a short run spreads over all workers
            for worker in workers:
                feed(worker, upto)
        for first, stop in bounds:
            while not all(k in done for k in range(first, stop)):
                by_pipe = {w.results: w for w in workers}
                by_sentinel = {w.process.sentinel: w for w in workers}
                for ready in wait([*by_pipe, *by_sentinel]):
                    worker = by_pipe.get(ready) or by_sentinel[ready]
                    if worker not in workers:  # its pipe and its sentinel were both ready
                        continue
                    dead = ready is worker.process.sentinel
                    while True:  # one result from a live worker; from a dead one, all it sent, then EOF
                        try:
                            span, ok, out = worker.results.recv()
                        except (EOFError, OSError):
                            lost(worker)
                            break
                        worker.in_flight.remove(span)
                        for k in range(*span):
                            done[k] = out[k - span[0]] if ok else failed(items[k], out)
                        if not dead:
                            feed(worker)
                            break
            yield [done.pop(k) for k in range(first, stop)]
        completed = True
    finally:
        for worker in workers:
            worker.close(kill=not completed)
        for worker in workers:
            worker.process.join(timeout=10)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
