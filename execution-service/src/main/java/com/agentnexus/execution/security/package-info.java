/** JWT bearer authentication of the REST API and the caller's identity. */
@NullMarked
package com.agentnexus.execution.security;

import org.jspecify.annotations.NullMarked;
