"""A real SMTP server for MailTests: aiosmtpd (Debian python3-aiosmtpd) on a free loopback port.

The test starts it with the faults it wants, reads "READY <port>" from its standard output, talks to it, then reads
what it wrote into --out: for each message accepted, message-N.eml (the bytes received, dot-unstuffed) and
message-N.json (the envelope, the session, and what Python's email package parsed from the message); and
auth.json, every AUTH attempt. The server exits when its standard input closes, so it never outlives the test.
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True, help="folder for what the server received")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"), help="offer STARTTLS with this certificate")
    parser.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"), help="implicit TLS with this certificate")
    parser.add_argument("--auth", metavar="USER:PASSWORD", help="require AUTH with these credentials")
    parser.add_argument(
        "--auth-mechanisms", default="PLAIN,LOGIN", help="AUTH mechanisms to offer, of PLAIN, LOGIN and XOAUTH2")
    parser.add_argument("--auth-in-plaintext", action="store_true", help="offer AUTH before TLS too")
    parser.add_argument("--smtputf8", action="store_true", help="offer SMTPUTF8")
    parser.add_argument("--refuse-recipient", action="append", default=[], help="answer 550 to RCPT TO this")
    parser.add_argument("--defer-recipient", action="append", default=[], help="answer 451 to RCPT TO this")
    parser.add_argument("--defer-message", action="store_true", help="answer 451 at the end of DATA")
    parser.add_argument("--refuse-message", action="store_true", help="answer 554 at the end of DATA")
    parser.add_argument("--drop-in-data", action="store_true", help="close the connection after the 354 to DATA")
    parser.add_argument("--refuse-ehlo", action="store_true", help="answer 502 to EHLO, as an RFC 821 server")
    parser.add_argument(
        "--inject-after-starttls", action="store_true", help="send a line after the 220 to STARTTLS, in plain text")
    return parser.parse_args()


def write_json(path, value):
    """Writes atomically: the test may read as soon as the client has its reply."""
    with open(path + ".tmp", "w", encoding="utf-8") as target:
        json.dump(value, target, ensure_ascii=False, indent=1)
    os.replace(path + ".tmp", path)


def unescaped(text):
    """Raw UTF-8 in a header (RFC 6532) reaches the parser as surrogate escapes: back to text."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8")


def addresses(header, field):
    return [unescaped(getattr(address, field)) for address in header.addresses]


def subject_lines(head):
    """The Subject field's lines as received, folded."""
    lines = []
    for line in head:
        if line.lower().startswith(b"subject:"):
            lines.append(line)
        elif lines and line[:1] in (b" ", b"\t"):
            lines.append(line)
        elif lines:
            break
    return [line.decode("ascii", "replace") for line in lines]


def summary(content):
    """What Python's email package reads in the message, for the test to compare with what it sent."""
    message = email.message_from_bytes(content, policy=email.policy.default)
    lines = content.split(b"\r\n")
    head = content.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            # Text parts are canonical CRLF on the wire; the test compares with the LF text it gave.
            "text": part.get_content().replace("\r\n", "\n"),
        })
    return {
        "subject": str(message["Subject"]),
        "subject_lines": subject_lines(head),
        "from_addresses": addresses(message["From"], "addr_spec"),
        "from_names": addresses(message["From"], "display_name"),
        "to_addresses": addresses(message["To"], "addr_spec"),
        "to_names": addresses(message["To"], "display_name"),
        "date": message["Date"].datetime.isoformat() if message["Date"] is not None else None,
        "message_id": str(message["Message-ID"]),
        "content_language": message.get("Content-Language"),
        "mime_version": message.get("MIME-Version"),
        "content_type": message.get_content_type(),
        "parts": parts,
        "defects": [type(defect).__name__ for part in message.walk() for defect in part.defects],
        "longest_line": max(len(line) for line in lines),
        "longest_header_line": max(len(line) for line in head),
        "bare_line_feeds": content.count(b"\n") - content.count(b"\r\n"),
        "eight_bit": any(byte >= 0x80 for byte in content),
    }


class Handler:
    def __init__(self, options):
        self.options = options
        self.count = 0
        self.attempts = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.options.refuse_recipient:
            return "550 5.1.1 No such mailbox here"
        if address in self.options.defer_recipient:
            return "451 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.options.defer_message:
            return "451 4.3.0 Queue full, try again later"
        if self.options.refuse_message:
            return "554 5.6.0 Message refused"
        self.count += 1
        name = os.path.join(self.options.out, "message-%d" % self.count)
        with open(name + ".eml.tmp", "wb") as target:
            target.write(envelope.original_content)
        os.replace(name + ".eml.tmp", name + ".eml")
        tls = server.transport.get_extra_info("ssl_object")
        record = {
            "envelope": {
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "mail_options": envelope.mail_options,
            },
            "session": {
                "tls_version": tls.version() if tls is not None else None,
                "authenticated": bool(session.authenticated),
                "auth": session.auth_data,
            },
            "message": summary(envelope.original_content),
        }
        write_json(name + ".json", record)
        return "250 2.0.0 Queued as message-%d" % self.count

    def authenticator(self, server, session, envelope, mechanism, credentials):
        login = credentials.login.decode("utf-8")
        password = credentials.password.decode("utf-8")
        tls = server.transport.get_extra_info("ssl_object") is not None
        self.attempts.append({"mechanism": mechanism, "login": login, "tls": tls})
        write_json(os.path.join(self.options.out, "auth.json"), self.attempts)
        expected_login, expected_password = self.options.auth.split(":", 1)
        if login == expected_login and password == expected_password:
            return AuthResult(success=True, auth_data={"mechanism": mechanism, "login": login})
        return AuthResult(success=False, handled=False)

    async def auth_XOAUTH2(self, server, args):
        """A mechanism the client does not use, offered only when --auth-mechanisms names it: always fails."""
        return AuthResult(success=False, handled=False)


class FaultySMTP(SMTP):
    """aiosmtpd's SMTP with the protocol-level faults a handler cannot play."""

    def __init__(self, handler, options, **kwargs):
        super().__init__(handler, **kwargs)
        self.options = options

    async def smtp_EHLO(self, hostname):
        if self.options.refuse_ehlo:
            await self.push("502 5.5.1 EHLO not implemented")
            return
        await super().smtp_EHLO(hostname)

    async def smtp_STARTTLS(self, arg):
        if self.options.inject_after_starttls:
            # One write: the reply and a line a man in the middle slipped in, which the client must not take.
            await self.push("220 Ready to start TLS\r\n250 injected before the handshake")
            return
        await super().smtp_STARTTLS(arg)

    async def smtp_DATA(self, arg):
        if self.options.drop_in_data and self.envelope.rcpt_tos:
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            self.transport.close()
            return
        await super().smtp_DATA(arg)


def tls_context(certificate, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    return context


async def serve(options):
    handler = Handler(options)
    mechanisms = options.auth_mechanisms.split(",")
    excluded = [name for name in ("PLAIN", "LOGIN", "XOAUTH2") if name not in mechanisms]

    def factory():
        return FaultySMTP(
            handler,
            options,
            hostname="localhost",
            enable_SMTPUTF8=options.smtputf8,
            tls_context=tls_context(*options.starttls) if options.starttls else None,
            auth_required=options.auth is not None,
            auth_require_tls=not options.auth_in_plaintext,
            auth_exclude_mechanism=excluded,
            authenticator=handler.authenticator if options.auth else None,
        )

    loop = asyncio.get_running_loop()
    implicit = tls_context(*options.smtps) if options.smtps else None
    server = await loop.create_server(factory, host="127.0.0.1", port=0, ssl=implicit)
    port = server.sockets[0].getsockname()[1]
    print("READY %d" % port, flush=True)

    stopped = asyncio.Event()
    loop.add_reader(sys.stdin.fileno(), lambda: stopped.set() if not os.read(sys.stdin.fileno(), 4096) else None)
    await stopped.wait()
    server.close()


if __name__ == "__main__":
    asyncio.run(serve(arguments()))
