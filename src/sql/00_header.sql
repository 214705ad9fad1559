-- bodemvisie: the soil and subsurface policy of Assen (Bodemvisie) as
-- PostgreSQL/PostGIS functions.  This install script is assembled by the
-- Makefile from src/sql/*.sql in file-name order.

\echo Use "CREATE EXTENSION bodemvisie CASCADE" to load this file. \quit
