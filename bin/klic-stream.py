#!/usr/bin/python3
# Helper of bin/cmd/klic-import.sh (not a subcommand of its own).  Python's
# standard library only (Debian's python3): zipfile and expat.
#
#   klic-stream.py zip ZIP OUTDIR
#       Extracts every GI_gebiedsinformatielevering_*.xml entry of ZIP by its
#       exact name (no wildcards) into OUTDIR/<n>.xml (mode 600) and prints
#       "<path>\0<entry base name>\0" per extracted entry.  An entry that
#       cannot be extracted is named on stderr; the others are still
#       extracted.  Exit 0: all extracted; 1: some entry failed; 2: not a zip.
#
#   klic-stream.py stream FILE BRON TMPDIR
#       Writes to stdout the psql input that imports FILE in ONE transaction:
#       the file is split, streaming, into its feature members (one row per
#       feature, with the namespace declarations it inherits), sent with COPY
#       into pg_temp.bv_klic_fragment, and imported by the SQL function
#       bv_klic_import_fragmenten, which holds the whole mapping.  Memory is
#       bounded by the largest feature, not by the file.  Errors: a line
#       "KLIC: ..." on stderr, ROLLBACK sent, exit 1.
#
# XML defences: expat never fetches external entities or DTDs (no handler is
# installed that would); any entity declaration (the way to external entities
# and to entity-expansion bombs) refuses the file before anything expands.
import codecs
import hashlib
import os
import re
import sys
import time
import zipfile
from xml.parsers import expat

GML = "http://www.opengis.net/gml/3.2"
CHUNK = 1 << 20
MAX_KOP = 16 << 20          # bytes outside the feature members
MAX_FEATURE = 256 << 20     # one feature (a row of COPY)
NAME = re.compile(r"^GI_gebiedsinformatielevering_.*\.xml$", re.IGNORECASE | re.DOTALL)


class KlicError(Exception):
    pass


def err(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


_progress = None


def progress(msg):
    """Progress lines go to the file descriptor BV_KLIC_PROGRESS_FD (the
    terminal of the command), none when it is unset or empty."""
    global _progress
    fd = os.environ.get("BV_KLIC_PROGRESS_FD", "")
    if not fd:
        return
    try:
        if _progress is None:
            _progress = os.fdopen(int(fd), "w", closefd=False)
        _progress.write(msg + "\n")
        _progress.flush()
    except (OSError, ValueError):
        pass


# ------------------------------------------------------------------ zip

def cmd_zip(path, outdir):
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        err("bodemvisie klic-import: %s: not a readable zip file (truncated download?): %s" % (path, e))
        return 2
    failed = 0
    n = 0
    out = sys.stdout.buffer
    with z:
        for info in z.infolist():
            if info.is_dir():
                continue
            base = info.filename.rstrip("/").split("/")[-1]
            if not NAME.match(base):
                continue
            n += 1
            target = os.path.join(outdir, "%d.xml" % n)
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as f, z.open(info) as src:
                    while True:
                        b = src.read(CHUNK)
                        if not b:
                            break
                        f.write(b)
            except Exception as e:       # bad CRC, zlib error, encrypted, unsupported method
                failed += 1
                err("bodemvisie klic-import: %s: cannot extract entry %r: %s; that delivery is not imported"
                    % (path, info.filename, e))
                try:
                    os.unlink(target)
                except OSError:
                    pass
                continue
            out.write(target.encode() + b"\0" + base.encode("utf-8", "surrogateescape") + b"\0")
    out.flush()
    if n == 0:
        err("bodemvisie klic-import: %s: no GI_gebiedsinformatielevering_*.xml in this zip" % path)
        return 1
    return 1 if failed else 0


# ------------------------------------------------------------------ encoding

def declared_encoding(head):
    """The encoding of the file: BOM first, then the XML declaration."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF32_LE) or head.startswith(codecs.BOM_UTF32_BE):
        return "utf-32", 0
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", 0
    m = re.match(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", head)
    return (m.group(1).decode("ascii").lower() if m else "utf-8"), 0


def utf8_source(path, bron, tmpdir):
    """A UTF-8 file with the same XML (transcoded into tmpdir when needed)."""
    with open(path, "rb") as f:
        head = f.read(512)
    enc, skip = declared_encoding(head)
    try:
        name = codecs.lookup(enc).name
    except LookupError:
        raise KlicError("KLIC: file %s declares the unknown encoding \"%s\"" % (bron, enc))
    if name in ("utf-8", "ascii"):
        return path
    out = os.path.join(tmpdir, "utf8-%d.xml" % os.getpid())
    dec = codecs.getincrementaldecoder(name)(errors="strict")
    first = True
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(path, "rb") as src, os.fdopen(fd, "wb") as dst:
        try:
            while True:
                b = src.read(CHUNK)
                text = dec.decode(b, final=not b)
                if first and text:
                    text = text.lstrip("\ufeff")
                    # the declaration names the old encoding: now it is UTF-8
                    text = re.sub(r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])[A-Za-z0-9._-]+", r"\1UTF-8", text, count=1)
                    first = False
                dst.write(text.encode("utf-8"))
                if not b:
                    break
        except UnicodeError as e:
            raise KlicError("KLIC: file %s is not valid %s (damaged?): %s" % (bron, enc, e))
    return out


# ------------------------------------------------------------------ split

def copy_escape(b):
    return (b.replace(b"\\", b"\\\\").replace(b"\n", b"\\n")
             .replace(b"\r", b"\\r").replace(b"\t", b"\\t"))


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def xml_attr(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


class Splitter:
    """Expat events -> byte ranges of the features (children of
    gml:featureMember / gml:featureMembers under the root)."""

    def __init__(self, out, bron, total):
        self.out = out
        self.bron = bron
        self.total = total
        self.p = expat.ParserCreate(namespace_separator=" ")
        p = self.p
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.StartNamespaceDeclHandler = self.nsdecl
        p.EntityDeclHandler = self.entity
        p.ExternalEntityRefHandler = self.external
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.depth = 0
        self.pending = []            # namespace declarations of the next element
        self.scope = [{}, {}]        # declarations of the root and of the member
        self.member = False          # inside gml:featureMember(s) at depth 1
        self.buf = bytearray()
        self.buf0 = 0                # file offset of buf[0]
        self.frag_start = None       # offset of the open feature
        self.frag_decls = None
        self.frag_own = None
        self.end_pending = False
        self.member_end_pending = False
        self.root_start = None
        self.kop = bytearray()
        self.kop_from = None         # offset from where skeleton bytes are pending
        self.n = 0
        self.srs = set()
        self.t0 = time.monotonic()
        self.last = self.t0
        self.lastpos = 0             # offset of the last event: later ones start after it

    # handlers
    def nsdecl(self, prefix, uri):
        self.pending.append((prefix, uri))

    def entity(self, name, is_param, value, base, system_id, public_id, notation):
        what = "external" if system_id or public_id else "internal"
        raise KlicError("KLIC: file %s declares the XML entity \"%s\" (%s%s); files with entity "
                        "declarations are refused (no external entity is read, no entity is expanded)"
                        % (self.bron, name, what, (" " + system_id) if system_id else ""))

    def external(self, context, base, system_id, public_id):
        raise KlicError("KLIC: file %s refers to the external entity %s; refused (nothing is fetched)"
                        % (self.bron, system_id or public_id))

    def _close_pending(self):
        pos = self.lastpos = self.p.CurrentByteIndex
        if self.end_pending:
            self.end_pending = False
            self.emit(pos)
        if self.member_end_pending:
            self.member_end_pending = False
            self.kop_from = pos

    def start(self, name, attrs):
        self._close_pending()
        d = self.depth
        s = attrs.get("srsName")
        if s is not None:
            self.srs.add(s)
        if d == 0:
            self.root_start = self.lastpos = self.p.CurrentByteIndex
            self.kop_from = self.root_start
            self.scope[0] = dict(self.pending)
        elif d == 1:
            self.scope[1] = dict(self.pending)
            self.member = name in (GML + " featureMember", GML + " featureMembers")
            if self.member:
                # the member elements are left out of the skeleton
                self.flush_kop(self.p.CurrentByteIndex)
                self.kop_from = None
        elif d == 2 and self.member:
            pos = self.p.CurrentByteIndex
            self.frag_start = pos
            decls = dict(self.scope[0])
            decls.update(self.scope[1])
            own = {pfx for pfx, _ in self.pending}
            self.frag_decls = [(k, v) for k, v in decls.items() if k not in own]
        self.pending = []
        self.depth = d + 1

    def end(self, name):
        self._close_pending()
        self.depth -= 1
        if self.depth == 2 and self.frag_start is not None:
            self.end_pending = True      # ends where the next event starts
        elif self.depth == 1:
            if self.member:
                self.member_end_pending = True   # the skeleton resumes after it
            self.member = False

    def flush_kop(self, upto):
        if self.kop_from is not None and upto > self.kop_from:
            self.kop += self.buf[self.kop_from - self.buf0:upto - self.buf0]
            if len(self.kop) > MAX_KOP:
                raise KlicError("KLIC: file %s is not an IMKL file: more than %d MB outside the "
                                "feature members" % (self.bron, MAX_KOP >> 20))
        self.kop_from = upto

    def emit(self, end):
        start = self.frag_start
        frag = bytes(self.buf[start - self.buf0:end - self.buf0])
        if self.frag_decls:
            m = re.match(rb"<[^\s/>]+", frag)
            ins = "".join(' xmlns%s="%s"' % ((":" + k) if k else "", xml_attr(v or ""))
                          for k, v in self.frag_decls).encode("utf-8")
            frag = frag[:m.end()] + ins + frag[m.end():]
        self.n += 1
        self.out.write(b"%d\t" % self.n + copy_escape(frag) + b"\n")
        self.frag_start = None

    def feed(self, data, final=False):
        self.buf += data
        try:
            self.p.Parse(data, final)
        except expat.ExpatError as e:
            code = expat.errors.messages[e.code] if e.code in expat.errors.messages else str(e)
            if e.code == expat.errors.codes.get(expat.errors.XML_ERROR_UNDEFINED_ENTITY):
                raise KlicError("KLIC: file %s refers to an undefined XML entity (line %d, column %d); "
                                "entities are not read" % (self.bron, e.lineno, e.offset))
            raise KlicError("KLIC: file %s is not well-formed XML (truncated or damaged?): %s "
                            "(line %d, column %d)" % (self.bron, code, e.lineno, e.offset))
        # drop what no open feature or skeleton part still needs
        keep = self.frag_start if self.frag_start is not None else self.kop_from
        if keep is None:
            keep = self.lastpos
            if len(self.buf) > MAX_KOP:
                raise KlicError("KLIC: file %s is not an IMKL file: more than %d MB before the root element"
                                % (self.bron, MAX_KOP >> 20))
        elif self.frag_start is None and len(self.buf) > MAX_KOP + 2 * CHUNK:
            raise KlicError("KLIC: file %s is not an IMKL file: more than %d MB outside the "
                            "feature members" % (self.bron, MAX_KOP >> 20))
        if keep - self.buf0 > 0:
            del self.buf[:keep - self.buf0]
            self.buf0 = keep
        if self.frag_start is not None and len(self.buf) > MAX_FEATURE:
            raise KlicError("KLIC: file %s has a feature larger than %d MB; refused"
                            % (self.bron, MAX_FEATURE >> 20))
        now = time.monotonic()
        if now - self.t0 > 3 and now - self.last > 3:
            self.last = now
            progress("KLIC %s: %d of %d MB read, %d features sent"
                % (self.bron, (self.buf0 + len(self.buf)) >> 20, self.total >> 20, self.n))


def cmd_stream(path, bron, tmpdir):
    out = sys.stdout.buffer
    total = os.path.getsize(path)
    sha = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(CHUNK)
            if not b:
                break
            sha.update(b)
    header = [
        "SET client_min_messages = warning;",
        "SET client_encoding = 'UTF8';",
        # only the catalog and our own temporary tables by unqualified name;
        # our functions by their schema: nothing a user planted in public
        # can stand in for them
        "SET search_path = pg_catalog, pg_temp;",
        "BEGIN;",
        "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'bodemvisie') THEN"
        " RAISE EXCEPTION 'bv_klic_extension_missing'; END IF; END$$;",
        "SELECT pg_catalog.quote_ident(n.nspname) AS bv_schema FROM pg_catalog.pg_extension e"
        " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'bodemvisie' \\gset",
        "SELECT :bv_schema.bv_primair_vereist('bin/bodemvisie klic-import'::pg_catalog.text) \\gset",
        "CREATE TEMP TABLE pg_temp.bv_klic_fragment (volgnr bigint NOT NULL, fragment text NOT NULL) ON COMMIT DROP;",
        "COPY pg_temp.bv_klic_fragment (volgnr, fragment) FROM STDIN;",
    ]
    out.write(("\n".join(header) + "\n").encode())
    sp = Splitter(out, bron, total)
    try:
        src = utf8_source(path, bron, tmpdir)
        with open(src, "rb") as f:
            while True:
                b = f.read(CHUNK)
                if not b:
                    sp.feed(b"", True)
                    break
                sp.feed(b)
        sp.flush_kop(sp.buf0 + len(sp.buf))
        if src != path:
            os.unlink(src)
    except KlicError as e:
        out.write(b"\\.\nROLLBACK;\n")
        out.flush()
        err(str(e))
        return 1
    out.write(b"\\.\n")
    kop = sp.kop.decode("utf-8")
    srs = "ARRAY[" + ", ".join(sql_literal(s) for s in sorted(sp.srs)) + "]::pg_catalog.text[]"
    trailer = (
        "SELECT coalesce(i.klic_meldnummer || '-' || i.leveringsvolgnummer::text, %s) || ': ' || i.status\n"
        "       || ', ' || i.kabels_leidingen::text || ' kabels/leidingen, ' || i.diepten::text || ' diepten, '\n"
        "       || i.voorzorgsgebieden::text || ' voorzorgsgebieden, ' || i.meldingen::text || ' meldingen (levering '\n"
        "       || i.levering_id::text || ')'\n"
        "  FROM :bv_schema.bv_klic_import_fragmenten(%s::pg_catalog.xml, %s::pg_catalog.text, %s::pg_catalog.text, %s) i;\n"
        "COMMIT;\n" % (sql_literal(bron), sql_literal(kop), sql_literal(bron), sql_literal(sha.hexdigest()), srs))
    out.write(trailer.encode("utf-8"))
    out.flush()
    if time.monotonic() - sp.t0 > 3:
        progress("KLIC %s: %d features sent (%d MB); the database is importing them" % (bron, sp.n, total >> 20))
    return 0


def main(argv):
    try:
        if len(argv) == 4 and argv[1] == "zip":
            return cmd_zip(argv[2], argv[3])
        if len(argv) == 5 and argv[1] == "stream":
            return cmd_stream(argv[2], argv[3], argv[4])
    except BrokenPipeError:
        # psql went away (it says why); do not add a traceback
        try:
            sys.stdout = None
        except Exception:
            pass
        return 3
    err("usage: klic-stream.py zip ZIP OUTDIR | stream FILE BRON TMPDIR")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
