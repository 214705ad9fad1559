# bodemvisie: PGXS build.
#
# The install script bodemvisie--<version>.sql is assembled from the pieces in
# src/sql/, in file-name order, so that every domain (zones, WKO, plumes, data
# model, ...) keeps its SQL next to its C code without one huge file.
# Regression tests are every sql/*.sql, with expected output in expected/.

EXTENSION   = bodemvisie
EXTVERSION := $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" bodemvisie.control)

MODULE_big  = bodemvisie
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

SQL_PIECES  = $(sort $(wildcard src/sql/*.sql))
# Updates: from every released version V there is a hand-written migration
# upgrade/V--next.sql (what changes in the tables); the update script
# bodemvisie--V--<version>.sql is that migration, then upgrade/vervang-code.sql
# (drops every function, view and type of the extension, not the data), then
# the install pieces again (tables are created IF NOT EXISTS, so only the
# code is made anew), then upgrade/kaartlagen-vullen.sql (fills the stored
# map layers).  Released install scripts are kept frozen as
# upgrade/bodemvisie--V.sql.  See doc/developing.md, "Updates".
RELEASED    = $(patsubst upgrade/%--next.sql,%,$(wildcard upgrade/*--next.sql))
UPDATES     = $(foreach v,$(RELEASED),bodemvisie--$(v)--$(EXTVERSION).sql)
DATA_built  = bodemvisie--$(EXTVERSION).sql $(UPDATES)
DATA        = $(wildcard upgrade/bodemvisie--*.sql)

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS =

GEOS_CONFIG ?= geos-config
PG_CPPFLAGS  = $(shell $(GEOS_CONFIG) --cflags)
# -Wextra on PostgreSQL's headers warns about the unused-but-required fcinfo
# of fmgr macros and about partial struct initialisers; those two are noise.
PG_CFLAGS    = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
SHLIB_LINK   = $(shell $(GEOS_CONFIG) --clibs)

EXTRA_CLEAN  = $(DATA_built) results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

bodemvisie--$(EXTVERSION).sql: $(SQL_PIECES) bodemvisie.control
	cat $(SQL_PIECES) > $@

bodemvisie--%--$(EXTVERSION).sql: upgrade/%--next.sql upgrade/vervang-code.sql $(SQL_PIECES) upgrade/kaartlagen-vullen.sql bodemvisie.control Makefile
	{ printf '%s\n' '-- bodemvisie: update from $* to $(EXTVERSION), assembled by the Makefile.' \
	         '\echo Use "ALTER EXTENSION bodemvisie UPDATE" to load this file. \quit'; \
	  cat upgrade/$*--next.sql upgrade/vervang-code.sql; \
	  cat $(filter-out src/sql/00_header.sql,$(SQL_PIECES)) upgrade/kaartlagen-vullen.sql; } > $@

$(OBJS): src/bodemvisie.h
src/circle_area.o src/wko.o src/pluim.o: src/circle_area.h
