/**
 * The web console's server side: its public paths, the configuration its page reads and
 * the headers its pages are served with.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.console;
