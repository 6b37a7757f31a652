package com.agentnexus.aggregator.revenue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/revenue} and {@code GET /api/revenue/{agentId}}: exact revenue, admin
 * only.
 */
@RestController
class RevenueController {

    private static final int MAX_AGENT_ID_LENGTH = 200;

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final RevenueLedger ledger;

    // revenue reads share the connection pool with the ledger's writes: two at a time, a
    // short queue, then 503
    private final Scheduler reads = Schedulers.newBoundedElastic(2, 32, "revenue-read");

    RevenueController(RevenueLedger ledger) {
        this.ledger = ledger;
    }

    @PreDestroy
    void stop() {
        reads.dispose();
    }

    @Operation(summary = "Total and per-agent revenue, exact", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "Revenue in Wei and ETH as decimal strings")
    @ApiResponse(responseCode = "401", description = "No or invalid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "503", description = "PostgreSQL unreachable")
    @GetMapping("/api/revenue")
    Mono<RevenueReport> revenue() {
        return Mono.fromCallable(ledger::report).subscribeOn(reads);
    }

    @Operation(summary = "One agent's revenue, exact", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "The agent's revenue")
    @ApiResponse(responseCode = "400", description = "Not a valid agent id")
    @ApiResponse(responseCode = "404", description = "No execution of this agent was ever counted")
    @GetMapping("/api/revenue/{agentId}")
    Mono<RevenueReport.OfAgent> revenueOf(@PathVariable String agentId) {
        if (agentId.isEmpty() || agentId.length() > MAX_AGENT_ID_LENGTH
                || agentId.chars().anyMatch(Character::isISOControl)) {
            return Mono.error(problem(HttpStatus.BAD_REQUEST, "invalid-agent-id",
                    "agentId must be 1 to " + MAX_AGENT_ID_LENGTH + " characters without control characters."));
        }
        return Mono.fromCallable(() -> ledger.ofAgent(agentId))
            .subscribeOn(reads)
            .map(found -> found.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "unknown-agent",
                    "No execution of this agent has been counted.")));
    }

    @ExceptionHandler({ DataAccessException.class, TransactionException.class })
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        return unavailable("ledger-unavailable", "Ledger unavailable",
                "The revenue ledger (PostgreSQL) cannot be read; try again shortly.");
    }

    @ExceptionHandler(RejectedExecutionException.class)
    ResponseEntity<ProblemDetail> busy(RejectedExecutionException e) {
        return unavailable("ledger-busy", "Too many revenue reads",
                "Too many revenue reads at once; try again " + "shortly.");
    }

    private static ResponseEntity<ProblemDetail> unavailable(String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("https://agentnexus.dev/problems/" + type));
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
            .body(problem);
    }

    private static ResponseStatusException problem(HttpStatus status, String type, String detail) {
        var exception = new ResponseStatusException(status, detail);
        exception.getBody().setType(URI.create("https://agentnexus.dev/problems/" + type));
        return exception;
    }

}
