package com.agentnexus.events;

import java.math.BigInteger;

/**
 * The fixed events whose wire form is pinned by the files under
 * {@code src/test/resources/golden/}.
 */
final class GoldenEvents {

    static final ExecutionId EXECUTION_ID = ExecutionId.parse("01890a5d-ac96-7b3e-8f1c-2d4e5f6a7b8c");
    static final AgentId DEMO_WORKER = new AgentId("demo-worker");
    static final UserId ALICE = new UserId("alice");
    static final BigInteger ONE_ETHER = new BigInteger("1000000000000000000");

    static final LogLineEmitted LOG = new LogLineEmitted(EXECUTION_ID, DEMO_WORKER, ALICE, 3, 1688096058600L,
            LogStream.STDOUT, "step 1 of 20: h\u00e9llo \u2603");

    static final ExecutionStatusChanged PENDING = ExecutionStatusChanged.transition(EXECUTION_ID, DEMO_WORKER, ALICE, 1,
            1688096058518L, ExecutionStatus.PENDING, "Demo worker", ONE_ETHER);

    static final ExecutionStatusChanged COMPLETED = new ExecutionStatusChanged(EXECUTION_ID, DEMO_WORKER, ALICE, 5,
            1688096060718L, ExecutionStatus.COMPLETED, "Demo worker", ONE_ETHER,
            "{\"answer\":42,\"items\":[\"a\",\"b\"],\"nested\":{\"ok\":true}}", null, 0, 2200L, 5L,
            "sha256:4a1e67f2fe1d1cc7b31d0ca2ec441da4778203a036a77da10344c85e24ff0f92");

    static final ExecutionStatusChanged FAILED = new ExecutionStatusChanged(EXECUTION_ID, new AgentId("demo-failing"),
            ALICE, 4, 1688096059018L, ExecutionStatus.FAILED, "Demo failing", BigInteger.ZERO, null,
            "exited with code 2", 2, 500L, 4L,
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    static final ResourcesSampled RESOURCE = new ResourcesSampled(EXECUTION_ID, DEMO_WORKER, ALICE, 4, 1688096063748L,
            134_217_728L, 45.2, 5230L);

    private GoldenEvents() {
    }

}
