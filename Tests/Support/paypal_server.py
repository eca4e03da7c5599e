"""A local contract server for PayPal's REST API, for Gazette's tests (no PayPal emulator exists
in Debian or PyPI). It follows the request and response shapes, statuses and error bodies that
PayPal documents for the calls Gazette makes:

  POST /v1/oauth2/token                         client-credentials token (Basic auth)
  POST /v2/checkout/orders                      create an order (intent CAPTURE), PayPal-Request-Id
  GET  /checkoutnow?token=ID[&cancel=1]         the buyer's approval page: redirects to return_url
                                                (token, PayerID) or cancel_url
  POST /v2/checkout/orders/ID/capture           capture an approved order, PayPal-Request-Id
  POST /v2/payments/captures/ID/refund          refund some or all of a capture
  POST /v1/notifications/verify-webhook-signature
and delivers PAYMENT.CAPTURE.COMPLETED / DENIED / REFUNDED webhooks with PAYPAL-TRANSMISSION-*
headers to the URL registered through the control API. PayPal signs deliveries with RSA and a
certificate; this server signs them with an HMAC only it knows, and answers
verify-webhook-signature accordingly, which is the contract Gazette relies on.

Control API (tests only):
  POST /_control/webhook  {"url": ..., "webhook_id": ...}
  POST /_control/fail     {"path": "/v2/checkout/orders", "status": 500, "times": 1}
  POST /_control/delay    {"path": "...", "seconds": 3, "times": 1}
  POST /_control/decline  {"times": 1}      the next capture answers DECLINED with PAYMENT.CAPTURE.DENIED
  POST /_control/webhook-first {"on": true} deliver the capture's webhook before answering the capture
  POST /_control/replay   {"id": "WH-..."}  deliver a stored event again, same id
  POST /_control/refund   {"capture": ID, "value": "5.50"}  a refund made in PayPal's dashboard
  GET  /_control/events                     every event sent so far

Usage: python3 paypal_server.py --client-id ID --secret SECRET [--port P]; prints "READY <port>".
Exits when its standard input closes.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import secrets
import sys
import threading
import time
import urllib.parse
import urllib.request
import zlib
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.RLock()
STATE = {"orders": {}, "captures": {}, "idempotent": {}, "tokens": {}, "events": [], "webhook": None,
         "fail": [], "delay": [], "decline": 0, "webhook_first": False}
SIGNING_KEY = secrets.token_bytes(32)


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id(prefix=""):
    return prefix + "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(17))


def error(status, name, message, issue=None, description=None):
    body = {"name": name, "message": message, "debug_id": new_id().lower()[:13],
            "links": [{"href": "https://developer.paypal.com/api/rest/reference/orders/v2/errors/", "rel": "information_link"}]}
    if issue:
        body["details"] = [{"issue": issue, "description": description or issue}]
    return status, body


def signature(transmission_id, transmission_time, webhook_id, body):
    message = "%s|%s|%s|%d" % (transmission_id, transmission_time, webhook_id, zlib.crc32(body))
    return base64.b64encode(hmac.new(SIGNING_KEY, message.encode(), hashlib.sha256).digest()).decode()


def deliver(event):
    with LOCK:
        target = STATE["webhook"]
    if not target:
        return
    body = json.dumps(event).encode()
    transmission_id = new_id("tx-")
    transmission_time = now()
    request = urllib.request.Request(target["url"], data=body, method="POST", headers={
        "Content-Type": "application/json", "PAYPAL-TRANSMISSION-ID": transmission_id,
        "PAYPAL-TRANSMISSION-TIME": transmission_time, "PAYPAL-AUTH-ALGO": "SHA256withRSA",
        "PAYPAL-CERT-URL": "https://api.paypal.com/v1/notifications/certs/CERT-local",
        "PAYPAL-TRANSMISSION-SIG": signature(transmission_id, transmission_time, target["webhook_id"], body)})
    try:
        urllib.request.urlopen(request, timeout=10).read()
    except Exception as problem:  # a failed delivery is PayPal's retry business, not ours
        print("webhook delivery failed: %s" % problem, file=sys.stderr, flush=True)


def emit(event_type, resource, synchronous=False):
    event = {"id": new_id("WH-"), "event_version": "1.0", "create_time": now(), "resource_type": "capture" if "CAPTURE" in event_type else "refund",
             "event_type": event_type, "summary": event_type.replace(".", " ").lower(), "resource": resource, "links": []}
    with LOCK:
        STATE["events"].append(event)
    if synchronous:
        deliver(event)
    else:
        threading.Thread(target=deliver, args=(event,), daemon=True).start()
    return event


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send(self, status, body, headers=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Paypal-Debug-Id", new_id().lower()[:13])
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def injected(self, path):
        """Applies a requested delay and answers a requested failure; True when answered."""
        with LOCK:
            delay = next((d for d in STATE["delay"] if path.startswith(d["path"]) and d["times"] > 0), None)
            if delay:
                delay["times"] -= 1
            fail = next((f for f in STATE["fail"] if path.startswith(f["path"]) and f["times"] > 0), None)
            if fail:
                fail["times"] -= 1
        if delay:
            time.sleep(delay["seconds"])
        if fail:
            self.send(*error(fail["status"], "INTERNAL_SERVER_ERROR", "An internal server error has occurred."))
            return True
        return False

    def authorised(self):
        header = self.headers.get("Authorization", "")
        with LOCK:
            expiry = STATE["tokens"].get(header[7:]) if header.startswith("Bearer ") else None
        if expiry is None or expiry < time.time():
            self.send(401, {"error": "invalid_token", "error_description": "Token signature verification failed"})
            return False
        return True

    def idempotent(self, key):
        request_id = self.headers.get("PayPal-Request-Id")
        if not request_id:
            return None, None
        with LOCK:
            return (key, request_id), STATE["idempotent"].get((key, request_id))

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/_control/events":
            with LOCK:
                return self.send(200, STATE["events"])
        if url.path == "/checkoutnow":
            order_id = (query.get("token") or [""])[0]
            with LOCK:
                order = STATE["orders"].get(order_id)
                if order and "cancel" not in query:
                    order["status"] = "APPROVED"
            if not order:
                return self.send(*error(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID"))
            context = order["_context"]
            target = context["cancel_url"] if "cancel" in query else context["return_url"]
            separator = "&" if "?" in target else "?"
            location = target + separator + urllib.parse.urlencode({"token": order_id, "PayerID": "PAYER123"})
            return self.send(302, None, {"Location": location})
        if url.path.startswith("/v2/checkout/orders/"):
            if self.injected(url.path) or not self.authorised():
                return
            with LOCK:
                order = STATE["orders"].get(url.path.rsplit("/", 1)[1])
            if not order:
                return self.send(*error(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID"))
            return self.send(200, public(order))
        self.send(*error(404, "NOT_FOUND", "Not found"))

    def do_POST(self):
        url = urllib.parse.urlparse(self.path)
        raw = self.body()
        if url.path.startswith("/_control/"):
            return self.control(url.path, json.loads(raw or b"{}"))
        if self.injected(url.path):
            return
        if url.path == "/v1/oauth2/token":
            return self.token(raw)
        if not self.authorised():
            return
        try:
            payload = json.loads(raw or b"{}")
        except ValueError:
            return self.send(*error(400, "INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema.", "MALFORMED_REQUEST_JSON"))
        if url.path == "/v2/checkout/orders":
            return self.create_order(payload)
        if url.path.startswith("/v2/checkout/orders/") and url.path.endswith("/capture"):
            return self.capture(url.path.split("/")[4])
        if url.path.startswith("/v2/payments/captures/") and url.path.endswith("/refund"):
            return self.refund(url.path.split("/")[4], payload)
        if url.path == "/v1/notifications/verify-webhook-signature":
            return self.verify(payload)
        self.send(*error(404, "NOT_FOUND", "Not found"))

    def token(self, raw):
        header = self.headers.get("Authorization", "")
        try:
            client, secret = base64.b64decode(header[6:]).decode().split(":", 1)
        except Exception:
            client, secret = "", ""
        if not header.startswith("Basic ") or client != ARGS.client_id or secret != ARGS.secret or b"grant_type=client_credentials" not in raw:
            return self.send(401, {"error": "invalid_client", "error_description": "Client Authentication failed"})
        token = "A21AA" + secrets.token_urlsafe(24)
        with LOCK:
            STATE["tokens"][token] = time.time() + ARGS.token_lifetime
        self.send(200, {"scope": "https://uri.paypal.com/services/payments/payment", "access_token": token, "token_type": "Bearer",
                        "app_id": "APP-80W284485P519543T", "expires_in": ARGS.token_lifetime, "nonce": now() + secrets.token_hex(8)})

    def create_order(self, payload):
        key, stored = self.idempotent("create")
        if stored:
            return self.send(*stored)
        units = payload.get("purchase_units") or []
        amount = (units[0].get("amount") if units else None) or {}
        context = ((payload.get("payment_source") or {}).get("paypal") or {}).get("experience_context") or {}
        if payload.get("intent") not in ("CAPTURE", "AUTHORIZE"):
            return self.send(*error(400, "INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema.", "INVALID_PARAMETER_VALUE", "intent"))
        try:
            value = float(amount.get("value", ""))
        except ValueError:
            value = -1
        if not amount.get("currency_code") or value <= 0 or len(units) != 1:
            return self.send(*error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically incorrect, or failed business validation.", "AMOUNT_MISMATCH" if value > 0 else "INVALID_PARAMETER_VALUE"))
        if not context.get("return_url") or not context.get("cancel_url"):
            return self.send(*error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically incorrect, or failed business validation.", "MISSING_REQUIRED_PARAMETER", "return_url"))
        order_id = new_id()
        base = "http://127.0.0.1:%d" % self.server.server_port
        order = {"id": order_id, "intent": payload["intent"], "status": "PAYER_ACTION_REQUIRED", "create_time": now(),
                 "purchase_units": [{"reference_id": units[0].get("reference_id", "default"), "custom_id": units[0].get("custom_id"),
                                     "description": units[0].get("description"), "amount": amount}],
                 "payment_source": {"paypal": {}},
                 "links": [{"href": base + "/v2/checkout/orders/" + order_id, "rel": "self", "method": "GET"},
                           {"href": base + "/checkoutnow?token=" + order_id, "rel": "payer-action", "method": "GET"}],
                 "_context": context}
        with LOCK:
            STATE["orders"][order_id] = order
            answer = (200, public(order))
            if key:
                STATE["idempotent"][key] = answer
        self.send(*answer)

    def capture(self, order_id):
        key, stored = self.idempotent("capture:" + order_id)
        if stored:
            return self.send(*stored)
        with LOCK:
            order = STATE["orders"].get(order_id)
            if not order:
                return self.send(*error(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID"))
            if order["status"] == "COMPLETED":
                return self.send(*error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically incorrect, or failed business validation.", "ORDER_ALREADY_CAPTURED", "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed."))
            if order["status"] != "APPROVED":
                return self.send(*error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically incorrect, or failed business validation.", "ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment."))
            declined = STATE["decline"] > 0
            if declined:
                STATE["decline"] -= 1
            unit = order["purchase_units"][0]
            capture = {"id": new_id(), "status": "DECLINED" if declined else "COMPLETED", "amount": unit["amount"], "final_capture": True,
                       "custom_id": unit.get("custom_id"), "create_time": now(), "update_time": now(),
                       "seller_receivable_breakdown": {"gross_amount": unit["amount"]},
                       "supplementary_data": {"related_ids": {"order_id": order_id}}, "_refunded": 0.0}
            STATE["captures"][capture["id"]] = capture
            order["status"] = "COMPLETED"
            unit["payments"] = {"captures": [public(capture)]}
            synchronous = STATE["webhook_first"]
            answer = (201, public(order))
            if key:
                STATE["idempotent"][key] = answer
        emit("PAYMENT.CAPTURE.DENIED" if declined else "PAYMENT.CAPTURE.COMPLETED", public(capture), synchronous)
        self.send(*answer)

    def refund(self, capture_id, payload):
        with LOCK:
            capture = STATE["captures"].get(capture_id)
            if not capture or capture["status"] != "COMPLETED":
                return self.send(*error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically incorrect, or failed business validation.", "CAPTURE_FULLY_REFUNDED" if capture else "INVALID_RESOURCE_ID"))
            amount = (payload.get("amount") or capture["amount"])
            capture["_refunded"] += float(amount["value"])
            total = {"currency_code": capture["amount"]["currency_code"], "value": "%.2f" % capture["_refunded"]}
            refund = {"id": new_id(), "status": "COMPLETED", "amount": amount, "custom_id": capture.get("custom_id"),
                      "seller_payable_breakdown": {"gross_amount": amount, "total_refunded_amount": total},
                      "create_time": now(), "update_time": now(),
                      "links": [{"href": "http://127.0.0.1:%d/v2/payments/refunds/x" % self.server.server_port, "rel": "self", "method": "GET"},
                                {"href": "http://127.0.0.1:%d/v2/payments/captures/%s" % (self.server.server_port, capture_id), "rel": "up", "method": "GET"}]}
        emit("PAYMENT.CAPTURE.REFUNDED", refund)
        self.send(201, refund)

    def verify(self, payload):
        with LOCK:
            target = STATE["webhook"] or {}
        body = json.dumps(payload.get("webhook_event")).encode()
        expected = signature(payload.get("transmission_id", ""), payload.get("transmission_time", ""), target.get("webhook_id", ""), body)
        good = payload.get("webhook_id") == target.get("webhook_id") and hmac.compare_digest(expected, payload.get("transmission_sig", ""))
        self.send(200, {"verification_status": "SUCCESS" if good else "FAILURE"})

    def control(self, path, payload):
        if path == "/_control/refund":
            with LOCK:
                capture = STATE["captures"].get(payload.get("capture"))
            amount = {"value": payload.get("value"), "currency_code": capture["amount"]["currency_code"]} if capture else None
            return self.refund(payload.get("capture"), {"amount": amount} if amount else {})
        with LOCK:
            if path == "/_control/webhook":
                STATE["webhook"] = payload
            elif path == "/_control/fail":
                STATE["fail"].append({"path": payload["path"], "status": payload.get("status", 500), "times": payload.get("times", 1)})
            elif path == "/_control/delay":
                STATE["delay"].append({"path": payload["path"], "seconds": payload.get("seconds", 3), "times": payload.get("times", 1)})
            elif path == "/_control/decline":
                STATE["decline"] = payload.get("times", 1)
            elif path == "/_control/webhook-first":
                STATE["webhook_first"] = bool(payload.get("on", True))
            elif path == "/_control/replay":
                event = next((e for e in STATE["events"] if e["id"] == payload.get("id")), None)
                if event is None:
                    return self.send(404, {"error": "no such event"})
                threading.Thread(target=deliver, args=(event,), daemon=True).start()
            else:
                return self.send(404, {"error": "unknown control"})
        self.send(200, {"ok": True})


def public(resource):
    """A resource without this server's private fields (those starting with an underscore)."""
    if isinstance(resource, dict):
        return {key: public(value) for key, value in resource.items() if not key.startswith("_")}
    if isinstance(resource, list):
        return [public(value) for value in resource]
    return resource


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--token-lifetime", type=int, default=32400)
    parser.add_argument("--keep-stdin", action="store_true")
    ARGS = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    server.daemon_threads = True
    print("READY %d" % server.server_port, flush=True)
    if not ARGS.keep_stdin:
        def watch():
            sys.stdin.read()
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
