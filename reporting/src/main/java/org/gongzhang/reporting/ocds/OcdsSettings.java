package org.gongzhang.reporting.ocds;

import java.net.URI;

/**
 * How a deployment publishes OCDS. A real deployment registers its own ocid prefix with the Open
 * Contracting Partnership; until then {@code ocds-} plus any six characters is only a placeholder.
 *
 * @param ocidPrefix       the registered prefix without {@code ocds-}, e.g. {@code 7gzz5x}; an ocid is
 *                         {@code ocds-<prefix>-<book>-<tenderId>}
 * @param packageBase      absolute URI under which packages are served; a package's {@code uri} is
 *                         {@code <base>books/<book>/tenders/<tenderId>/ocds.json}
 * @param publisherName    who publishes, e.g. the town's platform
 * @param publisherScheme  the register of {@code publisherUid} (an org-id.guide list code), or null
 * @param publisherUid     the publisher's id in that register, or null
 * @param creditCodeScheme the org-id.guide list code under which companies' 统一社会信用代码 are given
 */
public record OcdsSettings(String ocidPrefix, URI packageBase, String publisherName, String publisherScheme,
        String publisherUid, String creditCodeScheme) {

    public OcdsSettings {
        if (!packageBase.isAbsolute() || !packageBase.getPath().endsWith("/")) {
            throw new IllegalArgumentException("the package base must be an absolute URI ending in /: " + packageBase);
        }
    }

    /** The ocid of a book's tender. */
    public String ocid(String book, String tenderId) {
        return "ocds-" + ocidPrefix + "-" + book + "-" + tenderId;
    }

    /** Where a book's tender's package is served. */
    public URI packageUri(String book, String tenderId) {
        return packageBase.resolve("books/" + book + "/tenders/" + tenderId + "/ocds.json");
    }
}
