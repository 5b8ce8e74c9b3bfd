#!/usr/bin/python3
"""smtp_sink.py PORT DIR - an SMTP server on 127.0.0.1:PORT (aiosmtpd) that
stores every message it accepts as DIR/NNNN.eml, exactly the bytes received,
with the envelope in DIR/NNNN.env (MAIL FROM, then one RCPT TO a line).
Writes DIR/ready once it listens; runs until SIGTERM or SIGINT."""
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    def _write(self, name, data):
        tmp = os.path.join(self.folder, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(self.folder, name))

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        env = "\n".join([envelope.mail_from] + list(envelope.rcpt_tos)) + "\n"
        self._write("%04d.env" % n, env.encode())
        self._write("%04d.eml" % n, envelope.original_content)
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    ctl = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    ctl.start()
    open(os.path.join(folder, "ready"), "w").close()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    ctl.stop()


if __name__ == "__main__":
    main()
