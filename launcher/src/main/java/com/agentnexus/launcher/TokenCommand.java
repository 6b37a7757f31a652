package com.agentnexus.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a bearer token for a user, signed with the stack's secret. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a bearer token for USER signed with AGENTNEXUS_SECURITY_JWT_SECRET (default: the "
                + "development secret).")
final class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "demo", description = "the user id (sub claim), default demo")
    String user;

    @Option(names = "--admin", description = "add the admin role (may watch every execution)")
    boolean admin;

    @Option(names = "--validity", defaultValue = "P30D", description = "ISO-8601 duration, default P30D")
    Duration validity;

    @Override
    public Integer call() {
        System.out.println(DemoTokens.mint(secret(), user, admin ? List.of("admin") : List.of(), validity));
        return 0;
    }

    static String demoToken(String user, boolean admin) {
        return DemoTokens.mint(secret(), user, admin ? List.of("admin") : List.of(), Duration.ofDays(30));
    }

    static String secret() {
        String configured = System.getenv("AGENTNEXUS_SECURITY_JWT_SECRET");
        return configured == null || configured.isBlank() ? StackConfig.DEV_JWT_SECRET : configured;
    }

}
