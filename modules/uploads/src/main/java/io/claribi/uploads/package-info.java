/**
 * Uploads: files (CSV, Parquet) an organization uploads as a data source, their stored bytes, the
 * plan's limits on them, {@code /api/v1/uploads}, and the locked-down DuckDB engine that reads them
 * ({@code control.duckdb}, decision 23).
 *
 * <p>May use: {@code platform}, {@code tiering}, each through its {@code api}. Tenant-scoped. Used
 * by connections (the Data sources page lists and adds files through {@code api.UploadedFiles}) and
 * by the tool gateway (which lists and reads them as sources through {@code api.UploadSources}; the
 * plan, quota and audit of a read are the gateway's).
 *
 * <p>Invariants: an upload and its bytes are added and deleted together, in one transaction,
 * audited in it; a file is read only inside its own in-memory DuckDB, one per call, locked before
 * any generated SQL runs; nothing of an upload is read outside the bound organization.
 */
package io.claribi.uploads;
