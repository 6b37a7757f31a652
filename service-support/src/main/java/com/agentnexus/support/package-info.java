/** Spring configuration every service shares: the Kafka topics they declare and the HS256 JWT decoder. */
@NullMarked
package com.agentnexus.support;

import org.jspecify.annotations.NullMarked;
