package com.agentnexus.gateway.live;

import com.agentnexus.events.ExecutionId;

/**
 * Lets tests outside this package ask whether any live registration is left for an
 * execution: the observable of a leak.
 */
public final class LiveRegistrations {

    private LiveRegistrations() {
    }

    public static boolean isWatched(LiveFanOut fanOut, ExecutionId executionId) {
        return fanOut.isWatched(executionId);
    }

}
