package io.claribi.app;

import io.claribi.platform.api.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The public REST API. Every resource under {@code /api/v1} is authenticated with a MicroProfile
 * JWT; the token's {@code groups} become these roles and its {@code org} claim the organization.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ORG_ADMIN, Roles.INTEGRATOR, Roles.PLATFORM_OPERATOR})
@OpenAPIDefinition(
    info =
        @Info(
            title = "clariBI MCP Integrations",
            version = "1",
            description = "Read-only access for an AI engine to an organization's vendor data."))
public class ClariBiApplication extends Application {}
