#!/usr/bin/python3
"""A loopback SMTP relay for the email tests (Debian's python3-aiosmtpd).

It insists on STARTTLS and on authentication, refuses at RCPT any address containing "refuse", and
keeps each accepted message as a file in FOLDER, so a test reads what arrived.

Usage: smtp_relay.py PORT CERT KEY FOLDER USER PASSWORD [DELAY_SECONDS before answering each recipient]
"""
import asyncio
import os
import signal
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class KeepMessages:
    def __init__(self, folder, delay):
        self.folder = folder
        self.delay = delay
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # A slow relay weighs each recipient before the message: a sender stopped meanwhile has
        # delivered nothing.
        if self.delay:
            await asyncio.sleep(self.delay)
        if "refuse" in address:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.folder, f"{time.time_ns()}-{self.count}.eml")
        with open(name + ".part", "wb") as out:
            out.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            out.write(envelope.original_content or envelope.content)
        os.rename(name + ".part", name)  # a reader never sees half a message
        return "250 2.0.0 Message accepted"


def main():
    port, cert, key, folder, user, password = sys.argv[1:7]
    delay = float(sys.argv[7]) if len(sys.argv) > 7 else 0.0
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and \
            auth_data.password.decode() == password
        return AuthResult(success=ok)

    controller = Controller(KeepMessages(folder, delay), hostname="127.0.0.1", port=int(port),
                            tls_context=context, require_starttls=True, auth_required=True,
                            authenticator=authenticator, auth_require_tls=True, ready_timeout=10)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})  # for sigwait below
    controller.start()
    print(f"smtp relay ready on 127.0.0.1:{port}", flush=True)
    try:
        signal.sigwait({signal.SIGTERM, signal.SIGINT})
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
