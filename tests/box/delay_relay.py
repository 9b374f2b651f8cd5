#!/usr/bin/env python3
"""A TCP relay that delays each direction by a fixed time, for latency on test links.

This kernel has no netem qdisc, so round-trip time comes from here: every chunk read on one
side is written to the other side DELAY milliseconds after it arrived, in order, so throughput
is kept and only latency is added (a 50 ms relay gives a 100 ms round trip).

usage: delay_relay.py DELAY_MS TARGET_HOST TARGET_PORT [LISTEN_PORT]
Listens on 127.0.0.1 only (port 0 or none: any free one) and prints "port=N" once it listens.
"""

import asyncio
import sys

CHUNK = 256 * 1024


async def pump(reader, writer, delay):
    """Copies reader to writer, each chunk `delay` seconds after it was read."""
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def read_side():
        while True:
            data = await reader.read(CHUNK)
            await queue.put((loop.time() + delay, data))
            if not data:
                return

    async def write_side():
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                if writer.can_write_eof():
                    writer.write_eof()
                return
            writer.write(data)
            await writer.drain()

    try:
        await asyncio.gather(read_side(), write_side())
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__.strip().splitlines()[-2])
    delay = int(sys.argv[1]) / 1000.0
    host, port = sys.argv[2], int(sys.argv[3])
    listen = int(sys.argv[4]) if len(sys.argv) == 5 else 0

    async def relay(client_reader, client_writer):
        try:
            target_reader, target_writer = await asyncio.open_connection(host, port)
        except OSError as error:
            print(f"delay_relay: cannot reach {host}:{port}: {error}", file=sys.stderr)
            client_writer.close()
            return
        await asyncio.gather(pump(client_reader, target_writer, delay),
                             pump(target_reader, client_writer, delay))

    server = await asyncio.start_server(relay, "127.0.0.1", listen)
    print(f"port={server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
