package com.agentnexus.aggregator;

/** The ledger's store could not be written or read; nothing was applied. */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
