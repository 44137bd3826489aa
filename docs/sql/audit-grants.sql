-- Append-only audit trail on PostgreSQL: what each database role may do with the audit tables.
--
-- Run as the owner of the product's schema (the role that runs the migrations), after every
-- release's first start, with the product's schema on the search path:
--
--   PGOPTIONS='-c search_path=claribi' psql -h db -U claribi_owner -d claribi \
--     -v ON_ERROR_STOP=1 -f docs/sql/audit-grants.sql
--
-- Roles (create them once, see docs/operations.md):
--   claribi_app              the application's everyday role (DB_USER): may add and read events,
--                            never change or remove them
--   claribi_audit_retention  the retention job's role (DB_RETENTION_USER): the only one that may
--                            remove events, and only the job uses it
-- The owner keeps every right on its tables (PostgreSQL cannot take them away), so the
-- application must not log in as the owner. The application's rights on the other tables are
-- granted as usual and are not repeated here.

REVOKE ALL ON audit_events, audit_chain_heads FROM PUBLIC;

REVOKE ALL ON audit_events, audit_chain_heads FROM claribi_app;
GRANT SELECT, INSERT ON audit_events TO claribi_app;
GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO claribi_app;

REVOKE ALL ON audit_events, audit_chain_heads FROM claribi_audit_retention;
GRANT SELECT, INSERT, DELETE ON audit_events TO claribi_audit_retention;
GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO claribi_audit_retention;
