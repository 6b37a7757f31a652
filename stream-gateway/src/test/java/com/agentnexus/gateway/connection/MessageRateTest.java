package com.agentnexus.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.gateway.connection.MessageRate.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageRateTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    private final MessageRate rate = new MessageRate(10, 3, now::get);

    @Test
    void acceptsABurstThenRefuses() {
        assertThat(verdicts(4)).containsExactly(Verdict.ACCEPT, Verdict.ACCEPT, Verdict.ACCEPT, Verdict.REFUSE);
    }

    @Test
    void refillsAtTheSustainedRate() {
        verdicts(3);
        now.addAndGet(SECOND / 10); // 0.1 s at 10/s: one more message

        assertThat(verdicts(2)).containsExactly(Verdict.ACCEPT, Verdict.REFUSE);
    }

    @Test
    void neverStoresMoreThanTheBurst() {
        now.addAndGet(60 * SECOND);

        assertThat(verdicts(4)).containsExactly(Verdict.ACCEPT, Verdict.ACCEPT, Verdict.ACCEPT, Verdict.REFUSE);
    }

    @Test
    void closesAClientWithMoreRefusalsOutstandingThanTheBurst() {
        verdicts(3);

        assertThat(verdicts(4)).containsExactly(Verdict.REFUSE, Verdict.REFUSE, Verdict.REFUSE, Verdict.CLOSE);
    }

    @Test
    void closesAClientFloodingAtFiveTimesTheRateWithinASecond() {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 50 && !verdicts.contains(Verdict.CLOSE); i++) {
            verdicts.add(rate.next());
            now.addAndGet(SECOND / 50);
        }

        assertThat(verdicts).contains(Verdict.CLOSE).hasSizeLessThan(50);
    }

    @Test
    void onlyRefusesAClientSlightlyOverTheRate() {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            verdicts.add(rate.next());
            now.addAndGet(SECOND / 12);
        }

        assertThat(verdicts).contains(Verdict.REFUSE).doesNotContain(Verdict.CLOSE);
    }

    @Test
    void forgetsRefusalsAtTheSustainedRate() {
        verdicts(3 + 3);
        now.addAndGet(SECOND);

        assertThat(verdicts(7)).containsExactly(Verdict.ACCEPT, Verdict.ACCEPT, Verdict.ACCEPT, Verdict.REFUSE,
                Verdict.REFUSE, Verdict.REFUSE, Verdict.CLOSE);
    }

    private List<Verdict> verdicts(int messages) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            verdicts.add(rate.next());
        }
        return verdicts;
    }

}
