-- The installed extension as text, one line per fact, sorted: every member
-- object with its full definition (functions with their settings, views,
-- tables with columns, defaults, constraints, indexes and triggers, types,
-- comments), and the extension's own row (version, tables dumped by
-- pg_dump).  Two databases with equal output have the same extension.
-- Used by test/check-upgrade.sh to prove update = fresh install.
\pset tuples_only on
\pset format unaligned
WITH ext AS (
    SELECT oid, extversion, extconfig, extcondition FROM pg_catalog.pg_extension WHERE extname = 'bodemvisie'
),
leden AS (
    SELECT d.classid, d.objid, i.type, i.identity
      FROM pg_catalog.pg_depend d JOIN ext ON d.refobjid = ext.oid
     CROSS JOIN LATERAL pg_catalog.pg_identify_object(d.classid, d.objid, 0) i
     WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
),
relaties AS (
    SELECT objid AS oid FROM leden WHERE classid = 'pg_catalog.pg_class'::pg_catalog.regclass
),
feiten AS (
    SELECT 'extension ' || extversion AS f FROM ext
    UNION ALL
    SELECT 'dumped ' || c::pg_catalog.regclass::text || ' where ' || coalesce(w, '')
      FROM ext, unnest(ext.extconfig, ext.extcondition) AS u(c, w)
    UNION ALL
    SELECT 'member ' || type || ' ' || identity FROM leden
    UNION ALL
    SELECT 'function ' || p.oid::pg_catalog.regprocedure::text || E'\n' || pg_catalog.pg_get_functiondef(p.oid)
           || E'\ncost ' || p.procost || ' rows ' || p.prorows || ' parallel ' || p.proparallel::text
      FROM pg_catalog.pg_proc p JOIN leden l ON l.objid = p.oid
     WHERE l.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.prokind <> 'a'
    UNION ALL
    SELECT 'view ' || c.oid::pg_catalog.regclass::text || E'\n' || pg_catalog.pg_get_viewdef(c.oid)
      FROM pg_catalog.pg_class c JOIN relaties r ON r.oid = c.oid WHERE c.relkind IN ('v', 'm')
    UNION ALL
    SELECT 'column ' || a.attrelid::pg_catalog.regclass::text || '.' || a.attname || ' '
           || pg_catalog.format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
           || coalesce(' default ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '')
           || CASE a.attidentity WHEN '' THEN '' ELSE ' identity ' || a.attidentity::text END
           || ' #' || a.attnum
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE a.attnum > 0 AND NOT a.attisdropped
       AND (c.oid IN (SELECT oid FROM relaties)
            OR c.reltype IN (SELECT objid FROM leden WHERE classid = 'pg_catalog.pg_type'::pg_catalog.regclass))
    UNION ALL
    SELECT 'constraint ' || co.conrelid::pg_catalog.regclass::text || ' ' || co.conname || ' '
           || pg_catalog.pg_get_constraintdef(co.oid)
      FROM pg_catalog.pg_constraint co JOIN relaties r ON r.oid = co.conrelid
    UNION ALL
    SELECT 'index ' || pg_catalog.pg_get_indexdef(x.indexrelid)
      FROM pg_catalog.pg_index x JOIN relaties r ON r.oid = x.indrelid
    UNION ALL
    SELECT 'trigger ' || pg_catalog.pg_get_triggerdef(t.oid)
      FROM pg_catalog.pg_trigger t JOIN relaties r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal
    UNION ALL
    SELECT 'sequence ' || s.seqrelid::pg_catalog.regclass::text || ' ' || s.seqtypid::pg_catalog.regtype::text
           || ' ' || s.seqstart || ' ' || s.seqincrement || ' ' || s.seqmax || ' ' || s.seqmin
      FROM pg_catalog.pg_sequence s JOIN relaties r ON r.oid = s.seqrelid
    UNION ALL
    SELECT 'comment ' || i.type || ' ' || i.identity || ': ' || ds.description
      FROM pg_catalog.pg_description ds
     CROSS JOIN LATERAL pg_catalog.pg_identify_object(ds.classoid, ds.objoid, ds.objsubid) i
     WHERE (ds.classoid, ds.objoid) IN (SELECT classid, objid FROM leden)
    UNION ALL
    SELECT 'geometry_columns ' || f_table_name || '.' || f_geometry_column || ' ' || type || ' ' || srid
      FROM geometry_columns WHERE f_table_name LIKE 'bv\_%'
)
SELECT f FROM feiten ORDER BY f;
