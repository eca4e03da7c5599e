"""localstripe (PyPI), Stripe's API emulator, on 127.0.0.1 for one test or one browser run.

Picks a free port unless --port is given, prints "READY <port>" when it listens, keeps its
state in memory only (the stock server pickles it to /tmp, which parallel runs would share),
and exits when its standard input closes, so a test process that dies takes it along.
Webhooks are registered as usual: POST /_config/webhooks/<name> with url and secret.
"""
import argparse
import os
import socket
import sys
import threading

from aiohttp import web
from localstripe import resources
from localstripe.server import app

resources.Store.dump_to_disk = lambda self: None

# Stripe documents `proration_behavior` on subscription updates (Gazette sends "none": a donor
# changing a monthly gift's amount is not billed a difference); localstripe does not prorate
# at all and refuses the parameter, so it is accepted and ignored here.
_update = resources.Subscription._update


def _update_without_proration(self, proration_behavior=None, **data):
    return _update(self, **data)


resources.Subscription._update = _update_without_proration


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--keep-stdin", action="store_true", help="do not exit when stdin closes")
    args = parser.parse_args()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    print("READY %d" % sock.getsockname()[1], flush=True)
    if not args.keep_stdin:
        def watch():
            sys.stdin.read()
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
    web.run_app(app, sock=sock, print=None, access_log=None)


if __name__ == "__main__":
    main()
