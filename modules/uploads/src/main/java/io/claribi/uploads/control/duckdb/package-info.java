/**
 * The query engine for uploaded files: sniffing their format from the bytes, describing their
 * columns and answering validated queries, each call in a fresh in-memory DuckDB that is locked (no
 * files, network, extensions or settings) before any generated SQL runs. Plain Java; storage, REST
 * endpoints and plan limits live elsewhere. Decision 23.
 */
package io.claribi.uploads.control.duckdb;
