"""A real SMTP server on loopback for the notification tests (aiosmtpd from
Debian's python3-aiosmtpd): it requires AUTH (user cible, password
secret-smtp), refuses any recipient whose address starts with "refuse"
(550) or "deny" (554), and writes each accepted message to OUT_DIR/N.eml
(the envelope's recipients on the first line) with OUT_DIR/N.json beside
it: whether the session was under TLS, its TLS version, and whether it
authenticated.
  smtp_sink.py OUT_DIR                      AUTH over plain text (loopback)
  smtp_sink.py OUT_DIR starttls CERT KEY    STARTTLS required before
                                            anything, AUTH only after it
Prints "PORT n" once it listens; runs until stdin closes or SIGTERM."""
import json
import os
import signal
import ssl
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
        if address.startswith('deny'):
            return '554 5.7.1 relay access denied'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        with lock:
            n = len([f for f in os.listdir(out) if f.endswith('.eml')])
            tmp = os.path.join(out, '%d.tmp' % n)
            with open(tmp, 'wb') as f:
                f.write(('RCPT ' + ','.join(envelope.rcpt_tos) + '\n').encode())
                f.write(envelope.original_content or envelope.content)
            tls = session.ssl is not None
            obj = session.ssl.get('ssl_object') if tls else None
            with open(os.path.join(out, '%d.json' % n), 'w') as f:
                json.dump({'tls': tls, 'tls_version': obj.version() if obj else None,
                           'auth': bool(session.authenticated)}, f)
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
if len(sys.argv) > 2 and sys.argv[2] == 'starttls':
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(sys.argv[3], sys.argv[4])
    c = Controller(Handler(), hostname='127.0.0.1', port=port, authenticator=auth,
                   auth_required=True, auth_require_tls=True, tls_context=ctx,
                   require_starttls=True)
else:
    c = Controller(Handler(), hostname='127.0.0.1', port=port, authenticator=auth,
                   auth_required=True, auth_require_tls=False)
c.start()
print('PORT %d' % port, flush=True)
signal.signal(signal.SIGTERM, lambda *a: (c.stop(), os._exit(0)))
try:
    sys.stdin.read()
finally:
    c.stop()
