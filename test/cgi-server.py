#!/usr/bin/env python3
"""A tiny HTTP server on loopback that runs one CGI program (mapserv) for
every GET request, so that real OGC clients (GDAL's WFS and OAPIF drivers,
QGIS) can talk to MapServer in the tests without a web server.

usage: cgi-server.py PROGRAM PORTFILE
Listens on 127.0.0.1 at a free port, writes the port to PORTFILE and serves
until killed.  URL layout: /cgi-bin/mapserv[/PATH_INFO][?QUERY], like a web
server with mapserv in /cgi-bin/.  Test helper, not for production.
"""
import http.server
import os
import subprocess
import sys

PROGRAM = sys.argv[1]
SCRIPT = "/cgi-bin/mapserv"


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path != SCRIPT and not path.startswith(SCRIPT + "/"):
            self.send_error(404)
            return
        env = dict(os.environ)
        host, port = self.server.server_address[:2]
        env.update({
            "GATEWAY_INTERFACE": "CGI/1.1",
            "REQUEST_METHOD": "GET",
            "QUERY_STRING": query,
            "SCRIPT_NAME": SCRIPT,
            "PATH_INFO": path[len(SCRIPT):],
            "SERVER_NAME": host,
            "SERVER_PORT": str(port),
            "SERVER_PROTOCOL": "HTTP/1.0",
            "HTTP_HOST": "%s:%d" % (host, port),
            "REMOTE_ADDR": self.client_address[0],
        })
        if self.headers.get("Accept"):
            env["HTTP_ACCEPT"] = self.headers["Accept"]
        out = subprocess.run([PROGRAM], env=env, stdout=subprocess.PIPE,
                             stdin=subprocess.DEVNULL, check=False).stdout
        # CGI response: headers, an empty line, the body
        sep = out.find(b"\r\n\r\n")
        seplen = 4
        if sep < 0 or (out.find(b"\n\n") >= 0 and out.find(b"\n\n") < sep):
            sep, seplen = out.find(b"\n\n"), 2
        if sep < 0:
            self.send_error(502, "no CGI headers")
            return
        headers = out[:sep].decode("latin-1").splitlines()
        body = out[sep + seplen:]
        status = 200
        rest = []
        for h in headers:
            name, _, value = h.partition(":")
            if name.strip().lower() == "status":
                status = int(value.split()[0])
            else:
                rest.append((name.strip(), value.strip()))
        self.send_response(status)
        for name, value in rest:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()
