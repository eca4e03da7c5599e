"""Reads `wrk --latency` output on stdin; prints "requests_per_second p50_ms p99_ms errors requests"
(errors: non-2xx answers, timeouts and socket errors; requests: how many were answered in all)."""
import re
import sys

text = sys.stdin.read()


def milliseconds(percentile):
    match = re.search(r"^\s+" + percentile + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
total = re.search(r"^\s*(\d+) requests in ", text, re.M)
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
# Timeouts and broken connections are errors too (wrk reports them apart).
sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
failed = (int(errors.group(1)) if errors else 0) + (sum(int(n) for n in sockets.groups()) if sockets else 0)
if not rate or not total:
    sys.stderr.write(text)
    sys.exit(1)
print(f"{float(rate.group(1)):.0f} {milliseconds('50'):.2f} {milliseconds('99'):.2f} {failed} {total.group(1)}")
