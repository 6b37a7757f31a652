/**
 * Where the children's output goes: one size-rotated file per child, and its last lines
 * for crash reports.
 */
@NullMarked
package com.agentnexus.launcher.logs;

import org.jspecify.annotations.NullMarked;
