#!/usr/bin/python3
# Helper of bin/cmd/import.sh (not a subcommand of its own).  Python's
# standard library only (Debian's python3): zipfile, expat, subprocess.
#
#   bv-import.py [-q] SOURCE...
#
# Recognises what each SOURCE is -- an XML file, a zip as downloaded (other
# folders and files inside are skipped), or a folder (recursively) -- sniffs
# the root element (namespace + local name) of every XML file with expat and
# hands the file to the importer module in bin/importers/ that claims that
# root (the plug-in contract is in bin/importers/_api.py and doc/import.md).
# Each file is imported by its own psql session in ONE transaction; a
# refused file leaves the database unchanged.  One summary line per file on
# stdout; refusals on stderr.  Exit status: 0 every file imported (or
# unchanged), 1 any file or source refused, 2 usage.
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from xml.parsers import expat

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "importers"))
import _api  # noqa: E402
from _api import Refused  # noqa: E402

PROG = "bodemvisie import"


def err(msg):
    sys.stderr.write("%s: %s\n" % (PROG, msg))
    sys.stderr.flush()


# ------------------------------------------------------------------ plug-ins

def load_importers():
    d = os.path.join(HERE, "importers")
    mods, roots = [], {}
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".py") or fn.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location("bv_importer_" + fn[:-3], os.path.join(d, fn))
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        if not hasattr(m, "NAME") or not hasattr(m, "ROOTS") \
                or (hasattr(m, "write_psql") == hasattr(m, "run")):
            raise SystemExit("%s: importer %s breaks the contract (NAME, ROOTS, and write_psql or run)"
                             % (PROG, fn))
        for r in m.ROOTS:
            if r in roots:
                raise SystemExit("%s: importers %s and %s both claim the root {%s}%s"
                                 % (PROG, roots[r].NAME, m.NAME, r[0], r[1]))
            roots[r] = m
        mods.append(m)
    return mods, roots


class _Found(Exception):
    pass


def sniff(path, bron):
    """(namespace, local name) of the root element; Refused when the file is
    empty, not XML, or declares entities before its root."""
    if os.path.getsize(path) == 0:
        raise Refused("%s is empty" % bron)
    p = _api.safe_parser(bron)
    found = []

    def start(name, attrs):
        ns, _, local = name.rpartition(" ")
        found.append((ns, local))
        raise _Found()
    p.StartElementHandler = start
    with open(path, "rb") as f:
        while True:
            b = f.read(65536)
            try:
                p.Parse(b, not b)
            except _Found:
                return found[0]
            except expat.ExpatError as e:
                raise _api._expat_refusal(bron, e)
            if not b:
                break
    raise Refused("%s has no root element" % bron)


def looks_like_xml(path):
    """Starts with '<' after an optional byte-order mark and white space
    (UTF-8, or UTF-16/32 with a BOM: expat reads those, and KLIC accepts them)."""
    with open(path, "rb") as f:
        head = f.read(256)
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):len(bom) + (len(head) - len(bom)) // 4 * 4].decode(enc, "replace").encode("utf-8")
            break
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


# ------------------------------------------------------------------ context

# Options for importers (doc/import.md): --soort LABEL=kind (repeatable) and
# --soorten FILE map labels of a DSO GIO to kinds of area; ctx.soorten.
SOORTEN = {}


def read_soorten(path):
    """LABEL=kind per line; empty lines and lines starting with # are skipped."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            add_soort(line, "%s line %d" % (path, n))


def add_soort(arg, where):
    label, eq, soort = arg.rpartition("=")
    if not eq or not label.strip() or not soort.strip():
        raise ValueError("%s: expected LABEL=kind, got %r" % (where, arg))
    SOORTEN[label.strip()] = soort.strip()


class Ctx:
    def __init__(self, quiet, path):
        self.quiet = quiet
        self.soorten = dict(SOORTEN)
        self.size = os.path.getsize(path)
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for b in iter(lambda: f.read(_api.CHUNK), b""):
                h.update(b)
        self.sha256 = h.hexdigest()
        self.t0 = self.last = time.monotonic()

    def progress(self, msg):
        now = time.monotonic()
        if self.quiet or now - self.t0 < 3 or now - self.last < 3:
            return
        self.last = now
        sys.stderr.write("%s: %s\n" % (PROG, msg))
        sys.stderr.flush()


# ------------------------------------------------------------------ psql

HEADER = """SET client_min_messages = warning;
SET client_encoding = 'UTF8';
SET search_path = pg_catalog, pg_temp;
BEGIN;
DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'bodemvisie') THEN RAISE EXCEPTION 'bv_import_extension_missing'; END IF; END$$;
SELECT pg_catalog.quote_ident(n.nspname) AS bv_schema FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'bodemvisie' \\gset
SELECT :bv_schema.bv_primair_vereist('bin/bodemvisie import'::pg_catalog.text) \\gset
"""

LOST = ("server closed the connection unexpectedly", "connection to server was lost",
        "terminating connection", "no connection to the server", "SSL SYSCALL error",
        "could not receive data from server", "could not send data to server")
NOCONNECT = ("psql: error:", "could not connect", "role \"", "database \"", "password authentication failed")


def psql_cmd():
    cmd = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
    if os.getuid() == 0 and not os.environ.get("PGUSER") and not os.environ.get("PGHOST"):
        try:
            import pwd
            pwd.getpwnam("postgres")
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        except KeyError:
            pass
    return cmd


def warn_superuser():
    """The import needs no superuser (doc/import.md): say so when it runs as one."""
    try:
        r = subprocess.run(psql_cmd() + ["-c", "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user"],
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return
    if r.returncode == 0 and r.stdout.strip() == b"t":
        err("warning: importing as a database superuser; a role with only the table rights is enough "
            "(doc/import.md, doc/bro.md 'Which database role')")


def import_psql(mod, path, bron, quiet, tmp):
    ctx = Ctx(quiet, path)
    errf = open(os.path.join(tmp, "psql.err"), "w+b")
    outf = open(os.path.join(tmp, "psql.out"), "w+b")
    proc = subprocess.Popen(psql_cmd(), stdin=subprocess.PIPE, stdout=outf, stderr=errf)
    refusal = None
    try:
        proc.stdin.write(HEADER.encode())
        mod.write_psql(path, bron, proc.stdin, ctx)
        proc.stdin.write(b"COMMIT;\n")
        proc.stdin.close()
    except Refused as e:
        refusal = str(e)
    except BrokenPipeError:
        pass                                # psql stopped: its stderr says why
    except (OSError, ValueError, UnicodeError) as e:
        refusal = "%s cannot be read: %s" % (bron, e)
    if refusal is not None:
        # never COMMIT: end the session, the server rolls the transaction back
        proc.kill()
        proc.wait()
        err(refusal)
        err("%s refused; the database is unchanged" % bron)
        return 1
    rc = proc.wait()
    outf.seek(0)
    errf.seek(0)
    out = outf.read().decode("utf-8", "replace").strip()
    e = errf.read().decode("utf-8", "replace")
    if rc == 0:
        for line in e.splitlines():
            if "WARNING" in line:
                sys.stderr.write(line.split(": ", 1)[-1] + "\n")
        if not quiet and out:
            print(out, flush=True)
        return 0
    lines = [l.split(":", 3)[-1].strip() if l.startswith("psql:") else l for l in e.splitlines()]
    if any(s in e for s in LOST):
        err("the server connection was lost during the import of %s; the database is unchanged "
            "(the transaction was not committed). Check the server log, then import the file again." % bron)
        return 1
    if "bv_import_extension_missing" in e:
        err("the database has no bodemvisie extension (run CREATE EXTENSION bodemvisie CASCADE)")
        return 1
    if any(s in e for s in NOCONNECT) and "ERROR:" not in e:
        sys.stderr.write("\n".join(lines[:2]) + "\n")
        err("cannot reach the database; set PGHOST, PGPORT, PGUSER, PGDATABASE")
        return 1
    for l in lines:
        if l.startswith(("ERROR:", "DETAIL:", "HINT:", "FATAL:")):
            sys.stderr.write(l + "\n")
    err("%s refused; the database is unchanged" % bron)
    return 1


def import_file(roots, path, bron, quiet, tmp, in_container):
    """0 imported, 1 refused, None skipped (unknown XML inside a container)."""
    if os.path.getsize(path) > 0 and not looks_like_xml(path):
        with open(path, "rb") as f:
            head = f.read(24)
        err("%s is not an XML file (it starts with %r); refused, the database is unchanged" % (bron, head))
        return 1
    try:
        root = sniff(path, bron)
    except Refused as e:
        err(str(e))
        err("%s refused; the database is unchanged" % bron)
        return 1
    mod = roots.get(root)
    if mod is None:
        msg = ("%s: the root element is {%s}%s, which no importer reads (known: %s)"
               % (bron, root[0], root[1], ", ".join(sorted(set(m.NAME for m in roots.values())))))
        if in_container:
            if not quiet:
                err("skipped " + msg)
            return None
        err(msg)
        err("%s refused; the database is unchanged" % bron)
        return 1
    if hasattr(mod, "run"):
        return 0 if mod.run(path, bron, _RunCtx(quiet)) == 0 else 1
    return import_psql(mod, path, bron, quiet, tmp)


class _RunCtx:
    def __init__(self, quiet):
        self.quiet = quiet


# ------------------------------------------------------------------ sources

def walk_folder(d):
    for base, dirs, files in os.walk(d):
        dirs.sort()
        for fn in sorted(files):
            yield os.path.join(base, fn)


def import_source(roots, src, quiet, tmp):
    """Returns (imported, refused, skipped)."""
    if os.path.isdir(src):
        results = []
        skipped = 0
        for f in walk_folder(src):
            rel = os.path.relpath(f, src)
            if f.lower().endswith(".zip"):
                results.append(import_zip(roots, f, rel, quiet, tmp))
                continue
            if not f.lower().endswith((".xml", ".gml")) or not looks_like_xml(f):
                skipped += 1
                continue
            r = import_file(roots, f, rel, quiet, tmp, True)
            results.append((1, 0, 0) if r == 0 else (0, 1, 0) if r == 1 else (0, 0, 1))
        imp = sum(r[0] for r in results)
        ref = sum(r[1] for r in results)
        skp = skipped + sum(r[2] for r in results)
        if imp + ref == 0:
            err("%s: no file of a known format in this folder (%d other files skipped)" % (src, skp))
            return (0, 1, skp)
        return (imp, ref, skp)
    if not os.path.exists(src):
        err("%s: no such file or folder" % src)
        return (0, 1, 0)
    if zipfile.is_zipfile(src) or src.lower().endswith(".zip"):
        return import_zip(roots, src, os.path.basename(src), quiet, tmp)
    r = import_file(roots, src, os.path.basename(src), quiet, tmp, False)
    return (1, 0, 0) if r == 0 else (0, 1, 0)


def import_zip(roots, path, label, quiet, tmp):
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        err("%s: not a readable zip file (truncated download?): %s" % (label, e))
        return (0, 1, 0)
    imp = ref = skp = 0
    n = 0
    infos = z.infolist()
    if infos and min(i.header_offset for i in infos) != 0:
        # the directory found is not this file's own: bytes are missing at the
        # end (a truncated download whose last intact part is a zip inside)
        err("%s: not a readable zip file (truncated download?): its central directory does not "
            "start at the first entry" % label)
        z.close()
        return (0, 1, 0)
    with z:
        for info in z.infolist():
            if info.is_dir():
                continue
            base = info.filename.rstrip("/").split("/")[-1]
            low = base.lower()
            if not low.endswith((".xml", ".gml", ".zip")) or base.startswith("."):
                skp += 1
                continue
            n += 1
            # the entry keeps its base name (KLIC reads the name), in a
            # folder of its own: no entry name reaches a path unchecked
            d = tempfile.mkdtemp(prefix="zip%d." % n, dir=tmp)   # unique also in nested zips
            safe = base.replace(os.sep, "_") or "entry"
            if safe in (".", ".."):
                safe = "entry"
            target = os.path.join(d, safe)
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as f, z.open(info) as s:
                    shutil.copyfileobj(s, f, _api.CHUNK)
            except Exception as e:      # bad CRC, zlib error, encrypted, unsupported method
                err("%s: cannot extract entry %r: %s; refused" % (label, info.filename, e))
                ref += 1
                shutil.rmtree(d, ignore_errors=True)
                continue
            bron = "%s!%s" % (os.path.basename(label), info.filename)
            if low.endswith(".zip"):
                r = import_zip(roots, target, bron, quiet, tmp)
                imp, ref, skp = imp + r[0], ref + r[1], skp + r[2]
            elif not looks_like_xml(target):
                skp += 1
            else:
                r = import_file(roots, target, bron, quiet, tmp, True)
                if r == 0:
                    imp += 1
                elif r == 1:
                    ref += 1
                else:
                    skp += 1
            shutil.rmtree(d, ignore_errors=True)
    if imp + ref == 0:
        err("%s: no file of a known format in this zip (%d other entries skipped)" % (label, skp))
        return (0, 1, skp)
    return (imp, ref, skp)


def main(argv):
    quiet = False
    srcs = []
    args = argv[1:]
    while args:
        a = args.pop(0)
        if a in ("-q", "--quiet"):
            quiet = True
        elif a == "--":
            srcs += args
            break
        elif a in ("--soort", "--soorten") or a.startswith(("--soort=", "--soorten=")):
            opt, eq, val = a.partition("=")
            if not eq:
                if not args:
                    err("%s needs a value" % opt)
                    return 2
                val = args.pop(0)
            try:
                if opt == "--soort":
                    add_soort(val, "--soort")
                else:
                    read_soorten(val)
            except (ValueError, OSError, UnicodeDecodeError) as e:
                err(str(e))
                return 2
        elif a.startswith("-"):
            err("unknown option '%s'" % a)
            return 2
        else:
            srcs.append(a)
    if not srcs:
        err("no SOURCE given")
        return 2
    _, roots = load_importers()
    os.umask(0o077)
    if not quiet:
        warn_superuser()
    status = 0
    tmp = tempfile.mkdtemp(prefix="bv-import.")
    try:
        for s in srcs:
            imp, ref, skp = import_source(roots, s, quiet, tmp)
            if ref:
                status = 1
    except BrokenPipeError:
        return 3
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
