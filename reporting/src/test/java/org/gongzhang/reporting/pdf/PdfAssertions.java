package org.gongzhang.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on printed PDFs that name what is missing. */
final class PdfAssertions {

    private PdfAssertions() {
    }

    /** Some line of {@code pdf} holds every part, in this order. */
    static void assertLine(Pdf pdf, String... parts) {
        assertThat(pdf.hasLine(parts)).as("a line with %s in:%n%s", String.join(" … ", parts), pdf.text()).isTrue();
    }

    /** The fonts are all Gongzhang Sans (LXGW WenKai), embedded as subsets. */
    static void assertSubsetOfOurFont(Pdf pdf) {
        assertThat(pdf.fonts()).isNotEmpty().allSatisfy(font -> {
            assertThat(font.embedded()).as(font.baseName() + " embedded").isTrue();
            assertThat(font.subset()).as(font.baseName() + " is a subset (ABCDEF+)").isTrue();
            assertThat(font.baseName()).contains("LXGWWenKai-Regular");
        });
    }
}
