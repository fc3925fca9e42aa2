import { freePort as portFreeNow } from '../../integration/persistence/free-port';

/** Ports handed out by this process: one fault stack asks for several before any is bound. */
const handedOut = new Set<number>();

/** A TCP port on 127.0.0.1 that is free right now and was never returned before by this process. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await portFreeNow();
    if (port > 0 && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}
