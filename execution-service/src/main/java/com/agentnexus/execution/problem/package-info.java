/** RFC 9457 problem details: the one shape every REST error of the service takes. */
@NullMarked
package com.agentnexus.execution.problem;

import org.jspecify.annotations.NullMarked;
