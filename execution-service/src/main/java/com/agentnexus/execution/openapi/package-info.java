/**
 * The OpenAPI document at {@code /v3/api-docs}: bearer auth, problem-details errors,
 * request shapes.
 */
@NullMarked
package com.agentnexus.execution.openapi;

import org.jspecify.annotations.NullMarked;
