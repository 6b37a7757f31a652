package com.agentnexus.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void sumsOwnAndReapedChildrenCpuTicks() {
        String stat = "4242 (sh) S 1 4242 4242 0 -1 4194304 120 0 0 0 17 5 3 2 20 0 1 0 100 5000000 300";
        assertThat(ProcFiles.cpuTicks(stat)).hasValue(17 + 5 + 3 + 2);
    }

    @Test
    void copesWithSpacesAndParenthesesInTheCommandName() {
        String stat = "7 (my (odd) name) R 1 7 7 0 -1 0 0 0 0 0 100 50 0 0 20 0 1 0 1 1 1";
        assertThat(ProcFiles.cpuTicks(stat)).hasValue(150);
    }

    @Test
    void rejectsTruncatedStat() {
        assertThat(ProcFiles.cpuTicks("7 (sh) R 1 2")).isEmpty();
        assertThat(ProcFiles.cpuTicks("garbage")).isEmpty();
    }

    @Test
    void readsResidentMemoryInBytes() {
        String status = "Name:\tsh\nState:\tS (sleeping)\nVmPeak:\t   9000 kB\nVmRSS:\t    1536 kB\nThreads:\t1\n";
        assertThat(ProcFiles.residentBytes(status)).hasValue(1536L * 1024);
    }

    @Test
    void hasNoResidentMemoryForAZombie() {
        assertThat(ProcFiles.residentBytes("Name:\tsh\nState:\tZ (zombie)\n")).isEmpty();
    }

}
