"""A real SMTP server on loopback for the notification tests (aiosmtpd from
Debian's python3-aiosmtpd): it requires AUTH (user cible, password
secret-smtp, over plain text on loopback), refuses any recipient whose
address starts with "refuse" (550), and writes each accepted message to
OUT_DIR/N.eml (the envelope's recipients on the first line). Prints
"PORT n" once it listens; runs until stdin closes or SIGTERM."""
import os
import signal
import socket
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

# plain-text AUTH is what this loopback test wants: no warning about it
warnings.filterwarnings('ignore')
out = sys.argv[1]
lock = threading.Lock()


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('refuse'):
            return '550 5.1.1 no such mailbox here'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        with lock:
            n = len([f for f in os.listdir(out) if f.endswith('.eml')])
            tmp = os.path.join(out, '%d.tmp' % n)
            with open(tmp, 'wb') as f:
                f.write(('RCPT ' + ','.join(envelope.rcpt_tos) + '\n').encode())
                f.write(envelope.original_content or envelope.content)
            os.rename(tmp, os.path.join(out, '%d.eml' % n))
        return '250 Message accepted'


def auth(server, session, envelope, mechanism, data):
    if isinstance(data, LoginPassword) and data.login == b'cible' and \
            data.password == b'secret-smtp':
        return AuthResult(success=True)
    return AuthResult(success=False, handled=False)


s = socket.socket()
s.bind(('127.0.0.1', 0))
port = s.getsockname()[1]
s.close()
c = Controller(Handler(), hostname='127.0.0.1', port=port, authenticator=auth,
               auth_required=True, auth_require_tls=False)
c.start()
print('PORT %d' % port, flush=True)
signal.signal(signal.SIGTERM, lambda *a: (c.stop(), os._exit(0)))
try:
    sys.stdin.read()
finally:
    c.stop()
