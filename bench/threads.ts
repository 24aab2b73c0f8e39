/**
 * CPU time by thread (Linux, /proc/self/task): the main thread, the module loader's thread
 * (tsx's hooks under `node --import tsx`: it transpiles each module the process imports) and
 * every other thread together (V8's optimizing compiler and GC workers, libuv's pool). Node 20
 * names every thread «node», so the loader's thread is found by asking it: a hooks module of
 * ours, registered beside tsx's, runs its `initialize` on that thread and reports its id.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

/** Where `initialize` runs: the thread all registered hooks share. Its id as a string. */
const PROBE = `data:text/javascript,${encodeURIComponent(
  "import { readlinkSync } from 'node:fs';" +
    "export function initialize({ port }) { port.postMessage(readlinkSync('/proc/thread-self').split('/').pop()); port.close(); }",
)}`;

/**
 * The id of the module loader's thread (undefined off Linux). With no loader registered before
 * (plain node), this starts one, idle afterwards — so it is asked for once, before timing.
 */
export async function loaderThread(): Promise<string | undefined> {
  try {
    readlinkSync('/proc/thread-self');
  } catch {
    return undefined;
  }
  const { port1, port2 } = new MessageChannel();
  const tid = new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 5000);
    port1.once('message', (m) => {
      clearTimeout(timer);
      resolve(String(m));
    });
  });
  register(PROBE, { data: { port: port2 }, transferList: [port2] });
  const id = await tid;
  port1.close();
  return id;
}

export interface ThreadCpu {
  main: number;
  /** The module loader's thread (0 when it was not found). */
  loader: number;
  /** Every other thread: V8's compiler and GC workers, libuv's pool. */
  other: number;
}

/** CPU milliseconds by thread since the process started; undefined off Linux. */
export function threadCpuMs(loader: string | undefined): ThreadCpu | undefined {
  try {
    const cpu: ThreadCpu = { main: 0, loader: 0, other: 0 };
    const tick = 1000 / 100; // USER_HZ
    for (const t of readdirSync('/proc/self/task')) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      } catch {
        continue; // a thread that ended as the folder was read
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(f[11]) + Number(f[12])) * tick;
      if (t === String(process.pid)) cpu.main += ms;
      else if (t === loader) cpu.loader += ms;
      else cpu.other += ms;
    }
    return cpu;
  } catch {
    return undefined;
  }
}
