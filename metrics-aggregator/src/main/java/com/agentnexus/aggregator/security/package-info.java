/**
 * JWT bearer authentication: the revenue API is for admins; health, metrics and the API
 * document are public.
 */
@NullMarked
package com.agentnexus.aggregator.security;

import org.jspecify.annotations.NullMarked;
