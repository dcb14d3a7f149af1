"""A TLS server on 127.0.0.1 with a self-signed certificate (cert.pem, test-only), for agentctl's end-to-end tests.

Prints "listening on https://127.0.0.1:PORT", then "connection N" for every TCP connection it accepts, so a test can
count how many times a client tried. It answers any request that completes the handshake with a JSON 200.
Exits when its standard input closes.
"""
import os
import socket
import ssl
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))


def serve(listener, context):
    count = 0
    while True:
        connection, _ = listener.accept()
        count += 1
        print(f"connection {count}", flush=True)
        threading.Thread(target=answer, args=(connection, context), daemon=True).start()


def answer(connection, context):
    try:
        with context.wrap_socket(connection, server_side=True) as tls:
            tls.recv(65536)
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
    except (ssl.SSLError, OSError):
        connection.close()


def main():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(HERE, "cert.pem"), os.path.join(HERE, "key.pem"))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    print(f"listening on https://127.0.0.1:{listener.getsockname()[1]}", flush=True)
    threading.Thread(target=serve, args=(listener, context), daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
