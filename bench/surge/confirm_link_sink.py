"""An SMTP sink for the surge benchmark (scripts/bench-surge.sh): an aiosmtpd handler that accepts
every message, finds the confirmation links in it (/public/petitions/{id}/confirm/{token}) and appends
each token to a file, one a line, for bench/wrk/confirm.lua. It also counts the messages it received,
in a second file, so the script can tell "no email yet" from "emails without links".

    /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT \
        -c confirm_link_sink.ConfirmLinkSink TOKEN_FILE       (with PYTHONPATH=bench/surge)

The body is decoded first (quoted-printable or base64), so a link broken over lines is found whole.
"""
import email
import email.policy
import re

CONFIRM_LINK = re.compile(r"/public/petitions/\d+/confirm/([A-Za-z0-9_-]+)")


class ConfirmLinkSink:
    def __init__(self, token_file):
        self.token_file = token_file
        self.count_file = token_file + ".messages"
        self.messages = 0

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("ConfirmLinkSink takes one argument: the token file")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content,
                                           policy=email.policy.default)
        tokens = []
        for part in message.walk():
            if part.get_content_maintype() != "text":
                continue
            text = part.get_content()
            tokens.extend(CONFIRM_LINK.findall(text))
        # One token a message: the same link may appear in the text and the HTML part.
        unique = list(dict.fromkeys(tokens))
        if unique:
            with open(self.token_file, "a", encoding="ascii") as out:
                out.write("".join(token + "\n" for token in unique))
        self.messages += 1
        with open(self.count_file, "w", encoding="ascii") as out:
            out.write(f"{self.messages}\n")
        return "250 OK"
