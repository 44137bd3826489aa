/**
 * The servlet container's error page: problem details under {@code /api/}, the console's HTML pages
 * elsewhere. Uses no context and binds no organization.
 */
package io.claribi.app.errors;
