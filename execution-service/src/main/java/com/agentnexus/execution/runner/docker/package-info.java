/**
 * The hardened Docker runner: one locked-down container per execution, through the Docker
 * Engine API.
 */
@NullMarked
package com.agentnexus.execution.runner.docker;

import org.jspecify.annotations.NullMarked;
