/** The gateway's refusals and vendor failures, as problem details with stable codes. */
package io.claribi.gateway.api;
