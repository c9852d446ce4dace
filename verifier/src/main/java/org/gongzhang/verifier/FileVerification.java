package org.gongzhang.verifier;

import java.util.Optional;
import org.gongzhang.verifier.entry.Custody;

/**
 * A bundle file verified in one pass ({@link Verifier#verifyFile}), with what the command line
 * prints beside the report.
 *
 * @param report    the verification report
 * @param custody   how many entries their actors signed and how many the service signed for them
 *                  (代签), counted over the entries whose envelope reads; empty when the bundle
 *                  cannot be read
 * @param statement the text of the bundle's {@code statement.json}; empty when there is none or the
 *                  bundle cannot be read
 */
public record FileVerification(VerificationReport report, Optional<Custody> custody, Optional<String> statement) {
}
