"""Opens N Server-Sent Events streams to one article, posts one comment, and reports how long
each stream took to receive it. Usage: sse_fanout.py HOST PORT SLUG N"""
import asyncio
import json
import statistics
import sys
import time
import urllib.request

host, port, slug, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
path = f"/api/v1/articles/{slug}/live"


async def stream(ready, posted, results):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    buffer = b""
    while b": connected" not in buffer:
        chunk = await reader.read(4096)
        if not chunk:
            return
        buffer += chunk
    ready.append(1)
    buffer = b""
    try:
        while b"event: comment" not in buffer:
            chunk = await asyncio.wait_for(reader.read(65536), timeout=30)
            if not chunk:
                return
            buffer += chunk
        results.append(time.perf_counter() - posted[0])
    except asyncio.TimeoutError:
        pass
    finally:
        writer.close()


def post():
    body = json.dumps({"name": "Fan-out", "email": "fanout@example.org", "body": f"Fan-out check {time.time()}"}).encode()
    request = urllib.request.Request(
        f"http://{host}:{port}/api/v1/articles/{slug}/comments", data=body, method="POST",
        headers={"Content-Type": "application/json", "Accept": "application/json", "X-Forwarded-For": "10.99.0.1"})
    return urllib.request.urlopen(request, timeout=30).status


async def main():
    ready, results, posted = [], [], [0.0]
    tasks = [asyncio.create_task(stream(ready, posted, results)) for _ in range(count)]
    began = time.perf_counter()
    while len(ready) < count and time.perf_counter() - began < 60:
        await asyncio.sleep(0.05)
    opened = time.perf_counter() - began
    posted[0] = time.perf_counter()
    status = await asyncio.get_running_loop().run_in_executor(None, post)
    await asyncio.gather(*tasks, return_exceptions=True)
    results.sort()
    if not results:
        print(f"opened {len(ready)} in {opened:.2f}s; post {status}; none received")
        return
    p99 = results[min(len(results) - 1, int(len(results) * 0.99))]
    print(f"{len(ready)} {opened:.2f} {status} {len(results)} {statistics.median(results) * 1000:.1f} {p99 * 1000:.1f} {results[-1] * 1000:.1f}")


asyncio.run(main())
