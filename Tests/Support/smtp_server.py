"""A real SMTP server for Gazette's tests (aiosmtpd), on 127.0.0.1 only.

It stores every accepted message as an .eml file and can misbehave on purpose:
  * recipients whose address starts with "tempfail-N-" get "451" for their first N attempts;
  * recipients whose address starts with "reject" get "550";
  * --stop-after K makes the server accept K messages, then exit (a crash mid-batch).

Usage: python3 smtp_server.py --dir DIR [--port P] [--tls starttls|implicit] [--auth USER:PASS]
                              [--stop-after K]
Prints "READY <port> <certificate-or-->" when it listens.
"""
import argparse
import asyncio
import datetime
import os
import signal
import socket
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, SMTP


def certificate(folder):
    """A self-signed certificate for 127.0.0.1 and localhost; returns (cert path, key path)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_path, key_path


class Handler:
    def __init__(self, folder, stop_after):
        self.folder = folder
        self.stop_after = stop_after
        self.accepted = 0
        self.attempts = {}
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local.startswith("reject"):
            return "550 5.1.1 No such mailbox here"
        if local.startswith("tempfail-"):
            allowed = int(local.split("-")[1])
            seen = self.attempts.get(address, 0)
            self.attempts[address] = seen + 1
            if seen < allowed:
                return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.stop_after and self.accepted >= self.stop_after:
            # Past the crash point: never answer, never store (the process is about to die).
            await asyncio.sleep(3600)
        with self.lock:
            self.accepted += 1
            number = self.accepted
        # Named by arrival time, so that a restarted server adds to the folder instead of overwriting.
        name = os.path.join(self.folder, f"{time.time_ns():020d}-{number:06d}.eml")
        with open(name + ".tmp", "wb") as f:
            f.write(f"X-Envelope-From: {envelope.mail_from}\r\nX-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n".encode())
            f.write(envelope.original_content or envelope.content)
        os.replace(name + ".tmp", name)
        if self.stop_after and number >= self.stop_after:
            # Answer this message, then die as a crashed server would.
            asyncio.get_event_loop().call_later(0.05, lambda: os._exit(0))
        return "250 2.0.0 Queued"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls", choices=["starttls", "implicit"])
    parser.add_argument("--auth")
    parser.add_argument("--stop-after", type=int, default=0)
    parser.add_argument("--keep-stdin", action="store_true", help="run until signalled (scripts start it in the background)")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    port = args.port
    if port == 0:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
    handler = Handler(args.dir, args.stop_after)
    kwargs = {"hostname": "127.0.0.1", "port": port, "server_hostname": "localhost"}
    cert = "-"
    if args.tls:
        cert, key = certificate(args.dir)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        if args.tls == "starttls":
            kwargs.update(tls_context=context, require_starttls=True)
        else:
            kwargs.update(ssl_context=context)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_require_tls=bool(args.tls), auth_required=True)
    # The parent may have spawned us with SIGTERM blocked; take it back so stop() works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())

    def watch_parent():
        # Our stdin is a pipe from the test process: end-of-file means it is gone, so are we.
        sys.stdin.buffer.read()
        done.set()

    if not args.keep_stdin:
        threading.Thread(target=watch_parent, daemon=True).start()
    controller = Controller(handler, **kwargs)
    controller.start()
    print(f"READY {port} {cert}", flush=True)
    while not done.wait(0.5):
        pass
    controller.stop()
    os._exit(0)


if __name__ == "__main__":
    main()
