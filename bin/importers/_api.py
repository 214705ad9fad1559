"""The plug-in contract of `bin/bodemvisie import` (bin/bv-import.py).

Python standard library only (Debian's python3).  One importer is one module
bin/importers/<name>.py (a name that does not start with "_").  The
dispatcher loads every such module and offers each XML file to the module
whose ROOTS holds the file's root element.  A module defines:

    NAME = "bro"
        Short name, shown in summary lines and messages.

    ROOTS = {("http://www.broservices.nl/xsd/dsguf/1.0", "dispatchDataResponse"), ...}
        The (namespace URI, local name) pairs of the root elements it reads.
        Two modules may not claim the same pair (the dispatcher refuses to
        start).  The dispatcher sniffs the root with expat (no entity is ever
        expanded, a file with an entity declaration is refused) before any
        module sees the file.

and exactly one of

    def write_psql(path, bron, out, ctx):
        Writes to `out` (a binary stream) the psql statements that import the
        file at `path` (`bron` is the name to record: the file's base name,
        or "zip!entry").  The dispatcher has already written, and will write:

            SET search_path = pg_catalog, pg_temp;  -- nothing planted in public runs
            BEGIN;
            (extension check; \\gset bv_schema = the quoted schema of the extension)
            SELECT :bv_schema.bv_primair_vereist(...);
            ...                       <- what write_psql writes
            COMMIT;

        So: ONE transaction per file.  Call the extension's functions as
        :bv_schema.f(...); temporary tables as pg_temp.x (ON COMMIT DROP).
        The module's LAST statement must be one SELECT returning one text
        value: the summary line of the file ("<bron>: ...: 3 nieuw, 1
        vervangen, 0 ongewijzigd"), which the dispatcher prints.
        Stream: read the file in chunks (CHUNK), never whole into memory
        unless the format is known to be small, and call ctx.progress(msg)
        while reading (printed at most every 3 s, only after 3 s).
        Refuse by raising Refused("message naming the file and what was
        found"); the dispatcher then abandons the psql session without
        COMMIT, so the database is unchanged.  Errors raised by the SQL
        function (RAISE ... USING ERRCODE/HINT) are shown to the user too.

    def run(path, bron, ctx):
        For an importer with a command of its own (KLIC): import the file
        and return an exit status (0 imported or unchanged, non-zero
        refused).  The command prints its own summary and messages.

The SQL function a module calls must be callable directly by ETL jobs that
hold the bytes (e.g. bv_bro_import(xml, bron text)), must change nothing
when the same content comes again, and must need no superuser rights (only
the table rights documented in doc/<source>.md).

Helpers for modules: Refused, CHUNK, copy_escape, sql_literal, safe_parser,
parse_file, copy_file_as_row.  ctx has: quiet (bool), progress(msg),
size (bytes of the file), sha256 (hex digest of its bytes), soorten (dict
label -> kind of area from --soort/--soorten, for the GIO importer).
See doc/import.md.
"""
import re
import time
from xml.parsers import expat

CHUNK = 1 << 20


class Refused(Exception):
    """The file is not imported; str(e) is the message for the user."""


def copy_escape(b):
    """Bytes -> bytes for one field of COPY's text format."""
    return (b.replace(b"\\", b"\\\\").replace(b"\n", b"\\n")
             .replace(b"\r", b"\\r").replace(b"\t", b"\\t"))


def sql_literal(s):
    """A string constant for psql input (standard_conforming_strings on)."""
    return "'" + s.replace("'", "''") + "'"


def safe_parser(bron, namespaces=True):
    """An expat parser that refuses entity declarations and external
    entities (no DTD is read, nothing is fetched, nothing expands)."""
    p = expat.ParserCreate(namespace_separator=" ") if namespaces else expat.ParserCreate()

    def entity(name, is_param, value, base, system_id, public_id, notation):
        raise Refused("%s declares the XML entity \"%s\"; files with entity declarations are "
                      "refused (no entity is read or expanded)" % (bron, name))

    def external(context, base, system_id, public_id):
        raise Refused("%s refers to the external entity %s; refused (nothing is fetched)"
                      % (bron, system_id or public_id))
    p.EntityDeclHandler = entity
    p.ExternalEntityRefHandler = external
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return p


def _expat_refusal(bron, e):
    msg = expat.errors.messages.get(e.code, str(e)) if hasattr(expat.errors, "messages") else str(e)
    if "undefined entity" in str(msg):
        return Refused("%s refers to an undefined XML entity (line %d, column %d); entities are not read"
                       % (bron, e.lineno, e.offset))
    return Refused("%s is not well-formed XML (truncated or damaged?): %s (line %d, column %d)"
                   % (bron, msg, e.lineno, e.offset))


def parse_file(path, bron, parser, ctx=None, on_chunk=None):
    """Feeds the file to `parser` in chunks; expat errors become Refused.
    on_chunk(bytes) sees every chunk (e.g. to copy it onwards)."""
    t0 = last = time.monotonic()
    done = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(CHUNK)
            try:
                parser.Parse(b, not b)
            except expat.ExpatError as e:
                raise _expat_refusal(bron, e)
            if not b:
                break
            if on_chunk is not None:
                on_chunk(b)
            done += len(b)
            now = time.monotonic()
            if ctx is not None and now - t0 > 3 and now - last > 3:
                last = now
                ctx.progress("%s: %d of %d MB read" % (bron, done >> 20, ctx.size >> 20))


def check_utf8(path, bron):
    """BRO, STOP and BAG files are UTF-8: refuse any other declared encoding."""
    with open(path, "rb") as f:
        head = f.read(512)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Refused("%s is UTF-16; this format is delivered in UTF-8 (converted file?)" % bron)
    m = re.match(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", head)
    if m and m.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
        raise Refused("%s declares the encoding %s; this format is delivered in UTF-8"
                      % (bron, m.group(1).decode("ascii")))


def copy_file_as_row(path, out, table, bron, ctx=None, parser=None):
    """Writes psql input that puts the whole file as ONE text value into
    pg_temp.<table>(inhoud text), validating it with `parser` (default: a
    safe_parser) while it streams.  A UTF-8 BOM is dropped."""
    if parser is None:
        parser = safe_parser(bron)
        parser.StartElementHandler = lambda n, a: None
    out.write(("CREATE TEMP TABLE pg_temp.%s (inhoud text NOT NULL) ON COMMIT DROP;\n"
               "COPY pg_temp.%s (inhoud) FROM STDIN;\n" % (table, table)).encode())
    first = [True]

    def chunk(b):
        if first[0]:
            first[0] = False
            if b.startswith(b"\xef\xbb\xbf"):
                b = b[3:]
        out.write(copy_escape(b))
    parse_file(path, bron, parser, ctx, chunk)
    out.write(b"\n\\.\n")
