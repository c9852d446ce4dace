package org.gongzhang.verifier.merkle;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The eight leaves of the RFC 6962 reference test tree, whose proofs the happy-path vectors hold. */
final class Rfc6962Leaves {

    private Rfc6962Leaves() {
    }

    static List<byte[]> hashes(int count) {
        return Stream.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                        "606162636465666768696a6b6c6d6e6f")
                .limit(count)
                .map(hex -> MerkleHash.leaf(HexFormat.of().parseHex(hex)))
                .toList();
    }
}
