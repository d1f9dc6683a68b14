package org.pimsyn.synth.cli;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pimsyn.synth.design.CandidateSearch;

/**
 * Gives {@link SynthesizeCommand} back its candidate search and clock after each test, for tests that put their
 * own: register it as a field with {@code @RegisterExtension}, before the test changes them.
 */
final class SearchRestored implements AfterEachCallback {
    private final Supplier<CandidateSearch> search = SynthesizeCommand.candidateSearch;
    private final LongSupplier clock = SynthesizeCommand.nanoClock;

    /** The clock the command had before the test. */
    LongSupplier clock() {
        return clock;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SynthesizeCommand.candidateSearch = search;
        SynthesizeCommand.nanoClock = clock;
    }
}
