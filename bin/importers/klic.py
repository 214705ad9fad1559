"""KLIC deliveries (IMKL GML) through the dispatcher: hands the file to the
existing command bin/bodemvisie klic-import (bin/cmd/klic-import.sh), which
keeps its own guarantees, summary and messages (doc/klic.md)."""
import os
import subprocess

NAME = "klic"
ROOTS = {("http://www.opengis.net/gml/3.2", "FeatureCollection")}


def run(path, bron, ctx):
    root = os.environ.get("BV_ROOT") or os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, BV_ROOT=root)
    cmd = ["bash", os.path.join(root, "bin", "cmd", "klic-import.sh")]
    if ctx.quiet:
        cmd.append("-q")
    return subprocess.call(cmd + ["--", path], env=env)
