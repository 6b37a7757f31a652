package com.agentnexus.execution.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes what springdoc derives from the controllers: every API call needs a bearer
 * JWT, and every error answer (declared on the handler with its code and meaning) is RFC
 * 9457 problem details.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI executionServiceApi() {
        return new OpenAPI()
            .info(new Info().title("AgentNexus execution service")
                .version("v1")
                .description("Agents and executions. Events of each execution are published to Kafka and "
                        + "streamed by the stream-gateway's WebSocket."))
            .components(new Components()
                .addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("HS256; sub = user id (a JSON string); optional roles, an array"
                                    + " [\"admin\"] or a space-separated string \"admin ops\""))
                .addSchemas(PROBLEM, problemSchema()))
            .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            operation.getResponses()
                .computeIfAbsent("401",
                        code -> new ApiResponse().description("Missing, invalid or expired bearer token; a token whose"
                                + " sub is not a non-blank JSON string, or holds NUL or an unpaired UTF-16 surrogate;"
                                + " roles neither a string of space-separated roles nor an array of strings"));
            // every operation reads or writes PostgreSQL, and anything unforeseen is
            // still a problem
            operation.getResponses()
                .computeIfAbsent("503", code -> new ApiResponse().description(
                        "PostgreSQL is unreachable (type database-unavailable); Retry-After says when to try again"));
            operation.getResponses()
                .computeIfAbsent("500", code -> new ApiResponse().description(
                        "Unexpected failure (type internal-error); the detail is generic, the failure is logged"));
            operation.getResponses().forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    response.setContent(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                }
            });
            return operation;
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details; never a stack trace")
            .addProperty("type",
                    new StringSchema().format("uri").example("https://agentnexus.dev/problems/agent-not-found"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema().format("uri"));
    }

}
