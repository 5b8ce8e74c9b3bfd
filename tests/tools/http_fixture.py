#!/usr/bin/python3
"""http_fixture.py DIR - the web pages of tests/test_web.c, served on
127.0.0.1 at a free port, written to DIR/port once it listens. Runs until
SIGTERM. Pages are built from the seed articles in data/articles (the
encodings are what the tests are about), or read from DIR/files/NAME:

  /gbk.html      data/articles/002 as GBK, charset in the Content-Type
                 header only (its <meta> wrongly says UTF-8: the header wins)
  /big5.html     data/articles/003 as Big5, charset only in <meta>
  /hop/N         a redirect to /hop/N-1, /hop/0 to /gbk.html
  /loop          a redirect to itself
  /slow          waits 5 s before answering
  /late.txt      a short text, sent once /gbk.html has been asked for (or
                 after 10 s): its first line says which
  /big           4096 bytes of text with no Content-Length
  /gzip.html     data/articles/002 as UTF-8, gzip-compressed
  /report.pdf    a PDF content type
  /files/NAME    DIR/files/NAME as UTF-8 text (what a test writes there)
  anything else  404 Not Found
Every request's User-Agent is appended to DIR/agents, and the time it
arrived (time.time(), seconds) with its path to DIR/times."""
import gzip
import html
import http.server
import os
import signal
import socketserver
import sys
import threading
import time

SEEDS = "data/articles"


def seed(prefix):
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
                return f.read()
    raise SystemExit("no seed " + prefix)


def page(text, meta):
    paras = "".join("<p>%s</p>\n" % html.escape(l) for l in text.splitlines() if l.strip())
    return ("<!DOCTYPE html>\n<html><head>%s<title>%s</title></head>\n<body>\n%s</body></html>\n"
            % (meta, html.escape(text.splitlines()[0][:40]), paras))


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def send(self, code, ctype, body, extra=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        if body is not None and not any(k == "X-No-Length" for k, _ in extra):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body is not None:
            self.wfile.write(body)

    def redirect(self, where):
        self.send(302, "text/html", b"moved", [("Location", where)])

    def do_GET(self):
        with open(os.path.join(self.server.dir, "agents"), "a") as f:
            f.write(self.headers.get("User-Agent", "") + "\n")
        with open(os.path.join(self.server.dir, "times"), "a") as f:
            f.write("%.6f %s\n" % (time.time(), self.path))
        p = self.path
        if p == "/gbk.html":
            self.server.gbk_asked.set()
            body = page(seed("002"), '<meta charset="utf-8">').encode("gbk")
            self.send(200, "text/html; charset=GBK", body)
        elif p == "/big5.html":
            body = page(seed("003"), '<meta http-equiv="Content-Type" '
                        'content="text/html; charset=big5">').encode("big5")
            self.send(200, "text/html", body)
        elif p.startswith("/hop/"):
            n = int(p[5:])
            self.redirect("/gbk.html" if n == 0 else "/hop/%d" % (n - 1))
        elif p == "/loop":
            self.redirect("/loop")
        elif p == "/slow":
            time.sleep(5)
            self.send(200, "text/plain", b"late")
        elif p == "/late.txt":
            seen = self.server.gbk_asked.wait(10)
            self.send(200, "text/plain; charset=utf-8",
                      ("%s\n钱塘区2025年地区生产总值目标增长6%%左右。\n"
                       % ("meanwhile" if seen else "alone")).encode())
        elif p == "/big":
            self.send(200, "text/plain; charset=utf-8", b"x" * 4096, [("X-No-Length", "1")])
        elif p == "/gzip.html":
            raw = page(seed("002"), '<meta charset="utf-8">').encode("utf-8")
            self.send(200, "text/html; charset=utf-8", gzip.compress(raw, mtime=0),
                      [("Content-Encoding", "gzip")])
        elif p == "/report.pdf":
            self.send(200, "application/pdf", b"%PDF-1.4\n%%EOF\n")
        elif p.startswith("/files/") and "/" not in p[7:]:
            try:
                with open(os.path.join(self.server.dir, "files", p[7:]), "rb") as f:
                    self.send(200, "text/plain; charset=utf-8", f.read())
            except OSError:
                self.send(404, "text/plain", b"no such file")
        else:
            self.send(404, "text/html", b"<h1>not here</h1>")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def main():
    folder = sys.argv[1]
    srv = Server(("127.0.0.1", 0), Handler)
    srv.dir = folder
    srv.gbk_asked = threading.Event()
    tmp = os.path.join(folder, ".port")
    with open(tmp, "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(tmp, os.path.join(folder, "port"))
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=srv.shutdown).start())
    srv.serve_forever()


if __name__ == "__main__":
    main()
