#!/usr/bin/env python3
"""Measures alert latency end to end: from an item appearing on a local feed to the webhook call.

Starts a feed server and a webhook receiver on 127.0.0.1, sets up a store with one rule whose
webhook is the receiver, starts `watchfloor run` on the feed at its default settings (interval
10 s, politeness 1 s), publishes ITEMS launch reports one every SPACING seconds (the feed keeps
the latest three), and prints the latency of each alert and the median and maximum.

    tools/alert-latency/measure.py [--items 50] [--spacing 6] [--watchfloor ./watchfloor]

The articles are written for this measurement: each a launch on its own day.
"""
import argparse, datetime, hashlib, http.server, json, os, shutil, statistics, subprocess, sys, tempfile, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--items", type=int, default=50)
parser.add_argument("--spacing", type=float, default=6.0)
parser.add_argument("--watchfloor", default=os.path.join(os.path.dirname(__file__), "..", "..", "watchfloor"))
args = parser.parse_args()

published = {}   # item number -> time.time() when it appeared on the feed
received = {}    # item number -> time.time() of its first webhook call
items = []       # (n, day)
lock = threading.Lock()
DAY0 = datetime.date(2021, 1, 4)


def article(n, day):
    weekday = day.strftime("%A")
    para = (f"<p>North Korea fired a short-range ballistic missile off its east coast on {weekday}, South Korea's "
            f"Joint Chiefs of Staff said. The missile flew about {300 + n} km before falling into the sea, the JCS "
            "said, adding that it was analysing the launch with the United States.</p>")
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Launch report {n}</title>"
            f"<meta property=\"og:title\" content=\"North Korea fires missile, report {n}\">"
            f"<meta property=\"article:published_time\" content=\"{day}T11:00:00+09:00\"></head><body>"
            f"<article><h1>North Korea fires missile, report {n}</h1>{para}"
            "<p>Officials in Seoul said the data would be shared with partners and that the military had raised "
            "its watch along the border.</p></article></body></html>")


def feed(port):
    with lock:
        latest = items[-3:]
    entries = "".join(
        f"<entry><id>urn:item:{n}</id><title>Launch report {n}</title>"
        f"<link href=\"http://127.0.0.1:{port}/a/{n}.html\"/><updated>{day}T02:00:00Z</updated></entry>"
        for n, day in reversed(latest))
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            "<title>Local test feed</title><id>urn:test-feed</id><updated>2025-01-01T00:00:00Z</updated>"
            f"{entries}</feed>")


class Feed(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        port = self.server.server_address[1]
        if self.path == "/feed.xml":
            body = feed(port).encode()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304); self.end_headers(); return
            self.send_response(200); self.send_header("Content-Type", "application/atom+xml"); self.send_header("ETag", etag)
        elif self.path.startswith("/a/"):
            n = int(self.path[3:].split(".")[0])
            body = article(n, dict(items)[n]).encode()
            self.send_response(200); self.send_header("Content-Type", "text/html; charset=utf-8")
        else:
            self.send_response(404); self.end_headers(); return
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)

    def log_message(self, *a):
        pass


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        now = time.time()
        for r in body["event"]["reports"]:
            n = int(r["url"].rsplit("/", 1)[1].split(".")[0])
            with lock:
                received.setdefault(n, now)
        self.send_response(204); self.end_headers()

    def log_message(self, *a):
        pass


def serve(handler):
    s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=s.serve_forever, daemon=True).start()
    return s


feed_server, hook_server = serve(Feed), serve(Hook)
feed_url = f"http://127.0.0.1:{feed_server.server_address[1]}/feed.xml"
hook_url = f"http://127.0.0.1:{hook_server.server_address[1]}/hook"
store = tempfile.mkdtemp(prefix="alert-latency-")
wf = os.path.abspath(args.watchfloor)
run = lambda *a: subprocess.run([wf, *a, "--store", store], check=True, capture_output=True)
run("alert", "config", "alerts.allow-private-targets", "true")
run("alert", "add", "launches", "--type", "missile_launch", "--webhook", hook_url)
proc = subprocess.Popen([wf, "run", "--store", store, "--no-profile-feeds", "--no-sample", "--feed", feed_url,
                         "--allow-private-addresses"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    time.sleep(15)  # the JVM starts and polls the empty feed once
    for n in range(args.items):
        with lock:
            items.append((n, DAY0 + datetime.timedelta(days=7 * n)))
            published[n] = time.time()
        time.sleep(args.spacing)
    deadline = time.time() + 120
    while time.time() < deadline and len(received) < args.items:
        time.sleep(1)
finally:
    proc.terminate(); proc.wait()
    shutil.rmtree(store, ignore_errors=True)
lat = sorted(received[n] - published[n] for n in received if n in published)
print(f"{len(lat)} of {args.items} items alerted; latency from feed to webhook: "
      f"median {statistics.median(lat):.1f} s, max {max(lat):.1f} s, min {min(lat):.1f} s" if lat else "no alert received")
sys.exit(0 if len(lat) == args.items else 1)
